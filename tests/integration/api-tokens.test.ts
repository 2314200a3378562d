import { describe, expect, it } from 'vitest';
import { Browser, signUp } from '../helpers/browser';
import { Api, createTokenInSettings } from '../helpers/api';
import { useTestDatabase } from '../helpers/database';
import {
	authenticateApiToken,
	createApiToken,
	hashApiToken
} from '../../src/lib/server/auth/api-tokens';
import { listApiTokens } from '../../src/lib/server/db/queries/api-tokens';
import { consultancy } from '../helpers/seed-assessment';

describe('API tokens in the organisation’s settings', () => {
	it('shows a new token once, lists it by name with its last use, and revokes it', async () => {
		const owner = new Browser(undefined, { lang: 'en' });
		const { orgId } = await signUp(owner, { orgName: 'Token Firm' });
		const token = await createTokenInSettings(owner, orgId, 'ERP sync');
		const page = await owner.get(`/o/${orgId}/settings`);
		expect(page.status).toBe(200);
		expect(page.text).toContain('ERP sync');
		expect(page.text).toContain('Never used');
		expect(page.body).not.toContain(token);

		expect((await new Api(token).get('/clients')).status).toBe(200);
		expect((await owner.get(`/o/${orgId}/settings`)).text).not.toContain('Never used');

		const tokenId = page.body.match(/name="tokenId" value="([0-9a-f-]{36})"/)![1]!;
		const outsider = new Browser();
		const { orgId: otherOrg } = await signUp(outsider);
		expect((await outsider.post(`/o/${orgId}/settings?/revokeToken`, { tokenId })).status).toBe(
			404
		);
		expect((await outsider.post(`/o/${otherOrg}/settings?/revokeToken`, { tokenId })).status).toBe(
			404
		);
		expect((await new Api(token).get('/clients')).status).toBe(200);

		expect((await owner.post(`/o/${orgId}/settings?/revokeToken`, { tokenId })).status).toBe(200);
		expect((await new Api(token).get('/clients')).status).toBe(401);
		expect((await owner.get(`/o/${orgId}/settings`)).text).not.toContain('ERP sync');
	});

	it('refuses a token without a name, and hides the settings from non-members', async () => {
		const owner = new Browser(undefined, { lang: 'en' });
		const { orgId } = await signUp(owner);
		const blank = await owner.post(`/o/${orgId}/settings?/createToken`, { name: '  ' });
		expect(blank.status).toBe(400);
		expect(blank.text).toContain('This field is required.');
		expect(blank.body).not.toMatch(/sr_[a-z2-7]{52}/);
		const outsider = new Browser();
		await signUp(outsider);
		expect((await outsider.get(`/o/${orgId}/settings`)).status).toBe(404);
		expect((await outsider.post(`/o/${orgId}/settings?/createToken`, { name: 'x' })).status).toBe(
			404
		);
	});
});

describe('API token storage', () => {
	const database = useTestDatabase('api-tokens');

	it('keeps only the SHA-256 of a token, scoped to its organisation and its member', async () => {
		const { db } = database();
		const { orgId, ownerId } = await consultancy(db, 'Token storage');
		const created = await createApiToken(
			db,
			{ userId: null },
			{ orgId, name: 'cli', userId: ownerId }
		);
		if (!created.ok) throw new Error(created.reason);
		const { id, token } = created;
		expect(token).toMatch(/^sr_[a-z2-7]{52}$/);
		const rows = await db
			.selectFrom('api_tokens')
			.selectAll()
			.where('org_id', '=', orgId)
			.execute();
		expect(rows).toHaveLength(1);
		expect(rows[0]!.token_hash).toBe(hashApiToken(token));
		expect(rows[0]!.user_id).toBe(ownerId);
		expect(rows[0]!.created_by).toBeNull();
		expect(JSON.stringify(rows)).not.toContain(token.slice(3));
		const found = await authenticateApiToken(db, token);
		expect(found).toMatchObject({ id, orgId, userId: ownerId, role: 'owner' });
		expect((await listApiTokens(db, { orgId }))[0]!.lastUsedAt).toBeInstanceOf(Date);
		const altered = token.slice(0, -1) + (token.endsWith('a') ? 'b' : 'a');
		expect(await authenticateApiToken(db, altered)).toBeNull();
	});
});
