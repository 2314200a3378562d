import { describe, expect, it } from 'vitest';
import { Browser, signUp } from '../helpers/browser';
import { saveAnswer, saveProfile, startAssessment } from '../helpers/assessment';
import { inviteMember, joinByInvitation } from '../helpers/consultancy';

async function firmWithAssessment(lang = 'en') {
	const browser = new Browser(undefined, { lang });
	const { orgId } = await signUp(browser);
	const base = await startAssessment(browser, orgId);
	return { browser, orgId, base };
}

describe('profile', () => {
	it('refuses an incomplete profile field by field, saving nothing', async () => {
		const { browser, base } = await firmWithAssessment();
		const page = await saveProfile(browser, base, 0, {
			org_type: 'bank',
			registered_name: '',
			client_funds: 'maybe'
		});
		expect(page.status).toBe(400);
		expect(page.text).toContain('Choose one of the listed options.');
		expect(page.text).toContain('This field is required.');
		expect(page.text).toContain('Choose yes or no.');
		expect((await browser.get(base)).location).toBe(`${base}/profile`);
	});

	it('refuses a contradictory profile, naming both questions, saving nothing', async () => {
		const { browser, base } = await firmWithAssessment();
		const page = await saveProfile(browser, base, 0, {
			retail_customers: 'true',
			personal_information: 'none'
		});
		expect(page.status).toBe(400);
		expect(page.text).toContain(
			'“Do you serve retail (individual) customers?” contradicts “Personal information processed”'
		);
		expect((await browser.get(base)).location).toBe(`${base}/profile`);
	});

	it('finds restricted financial words in the name and cites the provision', async () => {
		const { browser, base } = await firmWithAssessment('zh');
		const saved = await saveProfile(browser, base, 0, {
			registered_name: '上海某某财富管理有限公司'
		});
		expect(saved.status).toBe(303);
		const profile = await browser.get(`${base}/profile`);
		expect(profile.text).toContain('登记名称含有“财富管理”');
		expect(profile.text).toContain('经营主体不得在名称、经营范围中使用具有金融属性的字样');
		expect(profile.text).toContain('第五十条第三款');
	});

	it('re-scopes the items when the profile changes and keeps every answer', async () => {
		const { browser, base } = await firmWithAssessment();
		await saveProfile(browser, base, 0, { client_funds: 'true' });
		expect(
			(
				await saveAnswer(browser, base, 'FND-001', 0, {
					status: 'partial',
					note: 'Bank custody signed, reconciliation pending'
				})
			).status
		).toBe(200);

		const off = await saveProfile(browser, base, 1, { client_funds: 'false' });
		expect(off.status).toBe(200);
		expect((await browser.get(`${base}/questionnaire?domain=customer_funds`)).status).toBe(404);
		expect((await browser.get(`${base}/items/FND-001`)).status).toBe(404);

		await saveProfile(browser, base, 2, { client_funds: 'true' });
		const item = await browser.get(`${base}/items/FND-001`);
		expect(item.status).toBe(200);
		expect(item.text).toContain('Bank custody signed, reconciliation pending');
	});

	it('detects a stale profile save', async () => {
		const { browser, base } = await firmWithAssessment();
		await saveProfile(browser, base, 0);
		const stale = await saveProfile(browser, base, 0, { client_funds: 'true' });
		expect(stale.status).toBe(409);
		expect(stale.text).toContain('Someone changed the profile before you');
	});
});

describe('questionnaire', () => {
	it('shows only the applicable items, grouped by domain, with progress', async () => {
		const { browser, base } = await firmWithAssessment();
		await saveProfile(browser, base, 0);
		const page = await browser.get(`${base}/questionnaire?domain=licensing`);
		expect(page.status).toBe(200);
		expect(page.body).toContain('id="LIC-001"');
		expect(page.text).not.toContain('FND-001');
		expect(page.body).not.toContain('?domain=customer_funds');
		expect(page.body).toContain('role="progressbar"');
		expect(page.text).toMatch(/0 of \d+ answered/);
	});

	it('saves an answer at once, then refuses a save based on the old version and keeps both values', async () => {
		const { browser, base } = await firmWithAssessment();
		await saveProfile(browser, base, 0);
		const first = await saveAnswer(browser, base, 'LIC-001', 0, {
			status: 'compliant',
			note: 'Licence on file',
			evidence: 'licence.pdf\nhttps://example.com/licence'
		});
		expect(first.status).toBe(200);
		expect(first.text).toContain('Saved.');

		const other = new Browser(browser.baseUrl, { lang: 'en' });
		for (const [k, v] of browser.cookies) other.cookies.set(k, v);
		const stale = await saveAnswer(other, base, 'LIC-001', 0, {
			status: 'non_compliant',
			note: 'No licence'
		});
		expect(stale.status).toBe(409);
		expect(stale.text).toContain('Someone saved this answer before you');
		expect(stale.text).toContain('Licence on file');
		expect(stale.text).toContain('No licence');

		const item = await browser.get(`${base}/items/LIC-001`);
		expect(item.body).toMatch(/name="version" value="1"/);
		expect(item.text).toContain('Licence on file');

		const overwrite = await saveAnswer(other, base, 'LIC-001', 1, {
			status: 'non_compliant',
			note: 'No licence'
		});
		expect(overwrite.status).toBe(200);
	});

	it('refuses N/A where the item forbids it and N/A without a reason, saving nothing', async () => {
		const { browser, base } = await firmWithAssessment();
		await saveProfile(browser, base, 0);
		const refused = await saveAnswer(browser, base, 'LIC-001', 0, {
			status: 'not_applicable',
			note: 'We are a tech firm'
		});
		expect(refused.status).toBe(400);
		expect(refused.text).toContain('cannot be answered “not applicable”');

		const naItem = await browser.get(`${base}/questionnaire?domain=esg`);
		const allowsNa = [...naItem.body.matchAll(/<article[^>]*id="(ESG-\d{3})"/g)].map(
			(m) => m[1]!
		)[0]!;
		const noReason = await saveAnswer(browser, base, allowsNa, 0, {
			status: 'not_applicable',
			note: '  '
		});
		expect(noReason.status).toBe(400);
		expect(noReason.text).toContain('Say why it does not apply.');
		const history = await browser.get(`${base}/items/LIC-001`);
		expect(history.text).toContain('No changes yet.');
	});

	it('rejects malformed answers with a message on the field', async () => {
		const { browser, base } = await firmWithAssessment();
		await saveProfile(browser, base, 0);
		const page = await saveAnswer(browser, base, 'LIC-001', 0, {
			status: 'mostly',
			due: '2026-13-45'
		});
		expect(page.status).toBe(400);
		expect(page.text).toContain('Choose one of the listed options.');
		expect(page.text).toContain('Enter a valid date (YYYY-MM-DD).');
		expect((await saveAnswer(browser, base, 'NOPE-001', 0, { status: 'compliant' })).status).toBe(
			404
		);
	});

	it('records every change in the item’s history: who, when, before and after', async () => {
		const { browser, base } = await firmWithAssessment();
		await saveProfile(browser, base, 0);
		await saveAnswer(browser, base, 'LIC-002', 0, { status: 'partial', note: 'first note' });
		await saveAnswer(browser, base, 'LIC-002', 1, {
			status: 'compliant',
			note: 'second note',
			owner: 'Ms Zhou',
			due: '2026-12-31'
		});
		const item = await browser.get(`${base}/items/LIC-002`);
		expect(item.text).toMatch(/Li Lei.*Partially compliant · first note.*Compliant · second note/);
	});
});

describe('result', () => {
	it('gives the verdict with its reasons and lists the gaps with their provisions', async () => {
		const { browser, base } = await firmWithAssessment();
		await saveProfile(browser, base, 0);
		await saveAnswer(browser, base, 'LIC-001', 0, {
			status: 'non_compliant',
			note: 'Lending without a licence',
			owner: 'CEO',
			due: '2026-12-31'
		});
		const result = await browser.get(`${base}/result`);
		expect(result.status).toBe(200);
		// One answer is far from 80% of the obligations: no verdict yet, but the known gap is listed.
		expect(result.text).toContain('Not yet assessed');
		expect(result.text).toMatch(/Only 1 of \d+ obligation and entry-condition items are answered/);
		expect(result.text).toContain('The result is incomplete.');
		expect(result.text).toContain('Policy alignment and good practice');
		expect(result.text).toMatch(/Unanswered \(\d+\)/);
		expect(result.body).toMatch(/class="[^"]*domain-chart/);
		const gaps = result.body.indexOf('LIC-001');
		expect(gaps).toBeGreaterThan(-1);
		// Each gap is one line that opens (rendered in the browser on opening); its remediation is on the item page.
		expect(result.body).toContain(`href="./items/LIC-001"`);
		expect(result.body).toContain('Lending without a licence');

		// The list shows each assessment's progress, score and verdict.
		const orgId = base.split('/')[2]!;
		const list = await browser.get(`/o/${orgId}/assessments`);
		expect(list.text).toMatch(/2026 自评 Draft 1 \/ \d+ 0% Not yet assessed/);
	});
});

describe('who may see and change an assessment', () => {
	it('answers 404 to another organisation for every page and action', async () => {
		const { browser, base } = await firmWithAssessment();
		await saveProfile(browser, base, 0);
		const stranger = new Browser();
		await signUp(stranger);
		for (const path of ['', '/profile', '/questionnaire', '/result', '/items/LIC-001']) {
			expect((await stranger.get(`${base}${path}`)).status, path).toBe(404);
		}
		expect((await saveAnswer(stranger, base, 'LIC-001', 0, { status: 'compliant' })).status).toBe(
			404
		);
		expect((await saveProfile(stranger, base, 1)).status).toBe(404);
		expect((await browser.get(`${base}/items/LIC-001`)).text).toContain('No changes yet.');
	});

	it('lets a viewer read but not answer', async () => {
		const { browser, orgId, base } = await firmWithAssessment();
		await saveProfile(browser, base, 0);
		const viewer = await joinByInvitation(await inviteMember(browser, orgId, 'viewer'));
		expect((await viewer.get(`${base}/questionnaire`)).status).toBe(200);
		expect((await saveAnswer(viewer, base, 'LIC-001', 0, { status: 'compliant' })).status).toBe(
			403
		);
		expect((await viewer.post(`/o/${orgId}/assessments?/start`, { title: 'x' })).status).toBe(403);
	});
});
