import { describe, expect, it } from 'vitest';
import {
	consultancy,
	createClient,
	inviteRespondent,
	joinByInvitation
} from '../helpers/consultancy';
import type { Browser } from '../helpers/browser';

const PNG = Uint8Array.from(
	Buffer.from(
		'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
		'base64'
	)
);

async function uploadLogo(owner: Browser, orgId: string) {
	const body = new FormData();
	body.append('logo', new Blob([PNG], { type: 'image/png' }), 'logo.png');
	const response = await fetch(`${owner.baseUrl}/o/${orgId}/settings?/logo`, {
		method: 'POST',
		body,
		redirect: 'manual',
		headers: { ...owner.headers(), origin: owner.baseUrl }
	});
	expect(response.status).toBe(200);
}

describe('a consultancy frames the pages its clients’ respondents see', () => {
	it('shows the consultancy’s name and logo to a client respondent, not to its own staff', async () => {
		const { owner, orgId } = await consultancy('en');
		await uploadLogo(owner, orgId);
		const clientId = await createClient(owner, orgId);
		const respondent = await joinByInvitation(await inviteRespondent(owner, orgId, clientId), 'zh');

		const home = await respondent.get(`/o/${orgId}`);
		expect(home.status).toBe(200);
		expect(home.text).toContain('由外滩合规咨询为您提供');
		expect(home.body).toContain(`src="/o/${orgId}/logo"`);
		const logo = await respondent.download(`/o/${orgId}/logo`);
		expect(logo.status).toBe(200);
		expect(logo.headers.get('content-type')).toBe('image/png');
		expect(logo.bytes).toEqual(PNG);

		const staff = await owner.get(`/o/${orgId}`);
		expect(staff.text).not.toContain('Provided to you by');
		expect(staff.body).not.toContain('class="client-framing"');
	});

	it('serves the logo only to the organisation’s members', async () => {
		const { owner, orgId } = await consultancy('en');
		await uploadLogo(owner, orgId);
		const other = await consultancy('en');
		expect((await other.owner.download(`/o/${orgId}/logo`)).status).toBe(404);
	});
});
