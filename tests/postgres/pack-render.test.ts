import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, createTokenInSettings } from '../helpers/api';
import { saveAnswer, saveProfile, startAssessment } from '../helpers/assessment';
import { Browser, signUp } from '../helpers/browser';
import { startInstances, type Instances } from '../helpers/instances';
import { pdfText, squash } from '../helpers/pdf';
import type { RunningServer } from '../setup/server-process';

/**
 * The filing pack's PDF is drawn by the report workers (server/pack/pack-render.ts), within its
 * organisation's render slots: a pack being rendered holds a row in report_render_leases, which the
 * test reads to know when the render is under way. One instance of its own, with one render slot per
 * organisation, so that the test can fill it.
 */
let instances: Instances;
let server: RunningServer;

beforeAll(async () => {
	instances = await startInstances(1, { REPORT_RENDERS_PER_ORG: '1' });
	[server] = instances.servers as [RunningServer];
}, 240_000);

afterAll(() => instances?.stop());

/** A firm with its profile and two answers: a pack of every section, its blockers and the trace. */
async function firm() {
	const browser = new Browser(server.baseUrl, { lang: 'zh' });
	const { orgId } = await signUp(browser, { orgName: '浦江数科有限公司' });
	const base = await startAssessment(browser, orgId);
	expect((await saveProfile(browser, base, 0)).status).toBe(303);
	await saveAnswer(browser, base, 'LIC-001', 0, { status: 'non_compliant', note: '无牌照' });
	await saveAnswer(browser, base, 'CMP-001', 0, { status: 'compliant', note: '投诉热线' });
	return { browser, orgId, base };
}

const packLeases = async (orgId: string) =>
	(
		await instances.sql<{ key: string }>(
			"select key from report_render_leases where org_id = $1::uuid and key like 'pack:%'",
			[orgId]
		)
	).length;

describe('the filing pack PDF on the render workers', () => {
	it('keeps /healthz answering while a pack renders, and serves the PDF the worker drew', async () => {
		const { browser, orgId, base } = await firm();
		let done = false;
		const pending = browser.download(`${base}/pack.pdf`).finally(() => {
			done = true;
		});
		// The render is under way once its lease is taken (and until it is released).
		await expect.poll(() => packLeases(orgId), { timeout: 60_000, interval: 20 }).toBe(1);
		// Health checks one after another while the lease is held: on the request thread, the render
		// would hold every one of them until it finished, and the lease would be gone by the second.
		let answeredDuringRender = 0;
		while (!done) {
			const health = await fetch(`${server.baseUrl}/healthz`);
			expect(health.status).toBe(200);
			await health.arrayBuffer();
			if ((await packLeases(orgId)) === 0) break;
			answeredDuringRender++;
		}
		const pdf = await pending;
		expect(pdf.status).toBe(200);
		expect(pdf.headers.get('content-type')).toBe('application/pdf');
		expect(pdf.headers.get('server-timing')).toContain('desc="worker"');
		expect(squash(pdfText(pdf.bytes))).toContain(squash('创新应用声明书'));
		expect(answeredDuringRender).toBeGreaterThanOrEqual(3);
		// Released after the render: nothing held for the organisation.
		expect(await packLeases(orgId)).toBe(0);
	});

	it("refuses a pack while its organisation's render slots are taken, and not another organisation's", async () => {
		const first = await firm();
		const second = await firm();
		// A report of the first organisation rendering on another instance takes its one slot.
		await instances.sql(
			`insert into report_render_leases (key, org_id, slot, holder, expires_at)
			 values ($1, $2::uuid, 1, 'another-instance', now() + interval '1 minute')`,
			[`report-of-${first.orgId}`, first.orgId]
		);
		const refused = await first.browser.download(`${first.base}/pack.pdf`);
		expect(refused.status).toBe(429);
		expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(new TextDecoder().decode(refused.bytes)).toContain('申报材料已达上限');
		// The API says the same as its JSON error.
		const api = new Api(await createTokenInSettings(first.browser, first.orgId), server.baseUrl);
		const viaApi = await api.get(`/assessments/${first.base.split('/').pop()}/pack.pdf`);
		expect(viaApi.status).toBe(429);
		expect(viaApi.json.error.code).toBe('too_many_renders');
		expect(Number(viaApi.headers.get('retry-after'))).toBeGreaterThan(0);
		// The Word file is drawn by the same workers, within the same slots: refused too.
		expect((await first.browser.download(`${first.base}/pack.docx`)).status).toBe(429);
		// … and through the API, as its JSON error (it answered the web's plain text).
		const docxViaApi = await api.get(`/assessments/${first.base.split('/').pop()}/pack.docx`);
		expect(docxViaApi.status).toBe(429);
		expect(docxViaApi.headers.get('content-type')).toMatch(/^application\/json/);
		expect(docxViaApi.json.error.code).toBe('too_many_renders');
		expect(Number(docxViaApi.headers.get('retry-after'))).toBeGreaterThan(0);
		const served = await second.browser.download(`${second.base}/pack.pdf`);
		expect(served.status).toBe(200);
		// The slot free again, the first organisation's pack renders.
		await instances.sql('delete from report_render_leases where key = $1', [
			`report-of-${first.orgId}`
		]);
		expect((await first.browser.download(`${first.base}/pack.pdf`)).status).toBe(200);
	});
});
