import { describe, expect, it } from 'vitest';
import { saveProfile, startAssessment } from '../helpers/assessment';
import { Browser, signUp } from '../helpers/browser';
import { inviteMember, joinByInvitation } from '../helpers/consultancy';

const REGISTERED = '上海外滩数字科技有限公司';

describe('the organisation’s own record (settings)', () => {
	it('lets an owner rename the organisation; every page shows the new name at once', async () => {
		const owner = new Browser(undefined, { lang: 'en' });
		const { orgId } = await signUp(owner, { orgName: 'Old Name Fintech' });
		const saved = await owner.post(`/o/${orgId}/settings?/organisation`, {
			name: '  New Name Fintech ',
			registeredName: '',
			businessScope: ''
		});
		expect(saved.status).toBe(200);
		expect(saved.text).toContain('Organisation saved.');
		const home = await owner.get(`/o/${orgId}`);
		expect(home.text).toContain('New Name Fintech');
		expect(home.text).not.toContain('Old Name Fintech');
		expect((await owner.get('/orgs')).text).toContain('New Name Fintech');
	});

	it('keeps the registered name once: a draft’s profile and report read it live from the organisation', async () => {
		const owner = new Browser();
		const { orgId } = await signUp(owner, { orgName: '外滩数科' });
		const base = await startAssessment(owner, orgId);
		expect((await saveProfile(owner, base, 0)).status).toBe(303);

		const saved = await owner.post(`/o/${orgId}/settings?/organisation`, {
			name: '外滩数科',
			registeredName: REGISTERED,
			businessScope: '软件开发'
		});
		expect(saved.status).toBe(200);
		expect(saved.text).toContain('机构信息已保存。');
		const profile = await owner.get(`${base}/profile`);
		expect(profile.body).toContain(`value="${REGISTERED}"`);
		expect((await owner.get(`${base}/print?lang=zh`)).text).toContain(REGISTERED);

		// Saving the same values again changes nothing, and says so.
		const again = await owner.post(`/o/${orgId}/settings?/organisation`, {
			name: '外滩数科',
			registeredName: REGISTERED,
			businessScope: '软件开发'
		});
		expect(again.text).toContain('没有需要保存的修改。');

		// Cleared on the settings page, it is cleared for the draft too (one fact, one place).
		await owner.post(`/o/${orgId}/settings?/organisation`, {
			name: '外滩数科',
			registeredName: '',
			businessScope: ''
		});
		expect((await owner.get(`${base}/profile`)).body).not.toContain(REGISTERED);
	});

	it('refuses a blank name naming the field, in Chinese and in English, and saves nothing', async () => {
		for (const [lang, label, says] of [
			['zh', '机构名称', '此项必填。'],
			['en', 'Organisation name', 'This field is required.']
		] as const) {
			const owner = new Browser(undefined, { lang });
			const { orgId } = await signUp(owner, { orgName: `Kept ${lang}` });
			const page = await owner.post(`/o/${orgId}/settings?/organisation`, {
				name: '   ',
				registeredName: 'x'.repeat(201),
				businessScope: ''
			});
			expect(page.status).toBe(400);
			expect(page.text).toContain(label);
			expect(page.text).toContain(says);
			expect((await owner.get(`/o/${orgId}`)).text).toContain(`Kept ${lang}`);
		}
	});

	it('lets only owners edit it', async () => {
		const owner = new Browser(undefined, { lang: 'en' });
		const { orgId } = await signUp(owner, { orgName: 'Owned Fintech' });
		const consultant = await joinByInvitation(await inviteMember(owner, orgId, 'consultant'));
		const refused = await consultant.post(`/o/${orgId}/settings?/organisation`, {
			name: 'Taken Over',
			registeredName: '',
			businessScope: ''
		});
		expect([403, 404]).toContain(refused.status);
		expect((await owner.get(`/o/${orgId}`)).text).toContain('Owned Fintech');
	});
});
