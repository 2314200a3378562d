import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveAnswer, saveProfile, startAssessment } from '../helpers/assessment';
import { Browser, PASSWORD, signUp } from '../helpers/browser';
import { startInstances, type Instances } from '../helpers/instances';
import type { RunningServer } from '../setup/server-process';

/**
 * Two `node build` processes on one PostgreSQL, as behind a round-robin proxy (README, "Running
 * several instances"): nothing a request needs lives in one process. Each case makes its own users.
 */
let instances: Instances;
let a: RunningServer;
let b: RunningServer;

beforeAll(async () => {
	instances = await startInstances(2, {
		// The demo, so that both run every start-up task on the same new database at once.
		DEMO: '1',
		// Room for a restart to let a render in flight finish (the last case).
		SHUTDOWN_TIMEOUT: '60'
	});
	[a, b] = instances.servers as [RunningServer, RunningServer];
}, 240_000);

afterAll(() => instances?.stop());

/** A browser on another instance, with the same cookies (the proxy's next pick); its language `lang`. */
function onOther(browser: Browser, server: RunningServer, lang = 'en'): Browser {
	const other = new Browser(server.baseUrl, { address: browser.address, lang });
	for (const [k, v] of browser.cookies) if (k !== 'lang') other.cookies.set(k, v);
	return other;
}

/** A firm signed up on A with an assessment: its profile and one gap saved. */
async function firmOnA(orgName = '浦江数科有限公司') {
	const browser = new Browser(a.baseUrl, { lang: 'en' });
	const { orgId, email } = await signUp(browser, { orgName });
	const base = await startAssessment(browser, orgId);
	expect((await saveProfile(browser, base, 0)).status).toBe(303);
	expect(
		(await saveAnswer(browser, base, 'LIC-001', 0, { status: 'non_compliant', note: '无牌照' }))
			.status
	).toBe(200);
	return { browser, orgId, email, base };
}

describe('two instances on one PostgreSQL', () => {
	it('migrate, import the corpus and seed the demo once when they start together', async () => {
		const ready = instances.servers.map((s) => instances.logLines(s, 'database ready'));
		const migrated = ready.map((lines) => (lines[0]?.migrations as string[]).length);
		// One applied every migration; the other waited for it and found nothing to do.
		expect(migrated.filter((n) => n > 0)).toHaveLength(1);
		expect(migrated.filter((n) => n === 0)).toHaveLength(1);
		const seeded = instances.servers.flatMap((s) => instances.logLines(s, 'demo data created'));
		expect(seeded).toHaveLength(1);
		const [users] = await instances.sql<{ n: number }>(
			"select count(*)::int as n from users where email like 'demo-%@example.com'"
		);
		expect(users!.n).toBe(3);
		const [versions] = await instances.sql<{ n: number }>(
			'select count(*)::int as n from questionnaire_versions'
		);
		expect(versions!.n).toBe(1);
	});

	it('accepts a session made on one instance on the other', async () => {
		const browser = new Browser(a.baseUrl, { lang: 'en' });
		const { orgId } = await signUp(browser, { orgName: '会话共享测试机构' });
		const page = await onOther(browser, b).get(`/o/${orgId}`);
		expect(page.status).toBe(200);
		expect(page.text).toContain('会话共享测试机构');
	});

	it('counts log-in attempts across both instances', async () => {
		const { email } = await signUp(new Browser(a.baseUrl));
		const address = `10.77.${Math.floor(Math.random() * 250)}.9`;
		const statuses: number[] = [];
		for (let i = 0; i < 7; i++) {
			const server = i % 2 === 0 ? a : b;
			const guess = new Browser(server.baseUrl, { address, lang: 'en' });
			statuses.push((await guess.post('/login', { email, password: `wrong-${i}-pw` })).status);
		}
		// Five guesses evaluated in all, not five per instance.
		expect(statuses).toEqual([400, 400, 400, 400, 400, 429, 429]);
		const held = await new Browser(b.baseUrl, { address, lang: 'en' }).post('/login', {
			email,
			password: PASSWORD
		});
		expect(held.status).toBe(429);
		expect(Number(held.headers.get('retry-after'))).toBeGreaterThan(0);
	});

	it('refuses a stale edit on one instance after an edit on the other', async () => {
		const { browser, base } = await firmOnA();
		const first = await saveAnswer(browser, base, 'LIC-002', 0, {
			status: 'compliant',
			note: 'Saved on A'
		});
		expect(first.status).toBe(200);
		const stale = await saveAnswer(onOther(browser, b), base, 'LIC-002', 0, {
			status: 'non_compliant',
			note: 'Stale on B'
		});
		expect(stale.status).toBe(409);
		expect(stale.text).toContain('Someone saved this answer before you');
		expect(stale.text).toContain('Saved on A');
		const [row] = await instances.sql<{ note: string; version: number }>(
			"select note, version from answers where item_id = 'LIC-002' and assessment_id = $1",
			[base.split('/').pop()]
		);
		expect(row).toEqual({ note: 'Saved on A', version: 1 });
	});

	it('renders a report asked of both instances at once only once, and shares it', async () => {
		const { browser, base } = await firmOnA('同时下载测试机构');
		const path = `${base}/report.pdf?lang=zh`;
		const [fromA, fromB] = await Promise.all([
			browser.download(path),
			onOther(browser, b).download(path)
		]);
		expect([fromA.status, fromB.status]).toEqual([200, 200]);
		expect(Buffer.from(fromA.bytes).equals(Buffer.from(fromB.bytes))).toBe(true);
		const key = fromA.headers.get('etag')!.replaceAll('"', '');
		expect(fromB.headers.get('etag')).toBe(`"${key}"`);
		const renders = instances.servers.flatMap((s) =>
			instances.logLines(s, 'report rendered').filter((line) => line.key === key)
		);
		expect(renders).toHaveLength(1);
		// The other waited for it and served it from the shared cache.
		const timings = [fromA, fromB].map((r) => r.headers.get('server-timing'));
		expect(timings.filter((t) => t?.includes('desc="cache"'))).toHaveLength(1);
		// Nothing left held: the lease ended with the render.
		const leases = await instances.sql('select key from report_render_leases where key = $1', [
			key
		]);
		expect(leases).toEqual([]);
		const again = await onOther(browser, b).download(path);
		expect(again.headers.get('server-timing')).toContain('desc="cache"');
	});

	it('holds an organisation to its share of rendering: 429 with Retry-After, others served', async () => {
		const busy = await firmOnA('繁忙机构');
		const other = await firmOnA('其他机构');
		// Both of the busy organisation's render slots taken (REPORT_RENDERS_PER_ORG, default 2), as
		// by two long reports in flight on any instance.
		await instances.sql(
			`insert into report_render_leases (key, org_id, slot, holder, expires_at)
			 select 'held-' || s || '-' || $1, $1::uuid, s, 'another-instance', now() + interval '5 minutes'
			 from generate_series(1, 2) s`,
			[busy.orgId]
		);
		const refusedZh = await onOther(busy.browser, b, 'zh').get(`${busy.base}/report.pdf?lang=zh`);
		expect(refusedZh.status).toBe(429);
		expect(Number(refusedZh.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(refusedZh.text).toContain('贵机构同时生成的差距报告已达上限');
		const refusedEn = await busy.browser.get(`${busy.base}/report.pdf?lang=en`);
		expect(refusedEn.status).toBe(429);
		expect(refusedEn.text).toContain('Your organisation already has as many gap reports');

		const served = await other.browser.download(`${other.base}/report.pdf?lang=en`);
		expect(served.status).toBe(200);

		await instances.sql('delete from report_render_leases where org_id = $1', [busy.orgId]);
		expect((await busy.browser.download(`${busy.base}/report.pdf?lang=en`)).status).toBe(200);
	});

	it('finishes a request in flight when restarted, and the other instance serves on', async () => {
		const { browser, base } = await firmOnA('重启排空测试机构');
		// A bilingual report: the longest render, asked of A.
		let settled = false;
		const inFlight = browser.download(`${base}/report.pdf?lang=both`).finally(() => {
			settled = true;
		});
		const assessmentId = base.split('/').pop();
		await expect
			.poll(
				async () =>
					(
						await instances.sql(
							`select l.key from report_render_leases l
							 join assessments s on s.org_id = l.org_id where s.id = $1`,
							[assessmentId]
						)
					).length,
				{ timeout: 30_000, interval: 20 }
			)
			.toBe(1);
		const exited = new Promise<number | null>((resolve) => a.process.once('exit', resolve));
		expect(settled, 'the report is still being rendered when the signal is sent').toBe(false);
		a.process.kill('SIGTERM');
		await expect
			.poll(
				() =>
					instances.logLines(a, 'shutting down: no new connections, finishing requests in flight')
						.length
			)
			.toBe(1);
		// No new connection is accepted meanwhile…
		await expect(fetch(`${a.baseUrl}/healthz`)).rejects.toThrow();
		// …but the report asked before the restart arrives whole.
		const report = await inFlight;
		expect(report.status).toBe(200);
		expect(new TextDecoder().decode(report.bytes.slice(0, 5))).toBe('%PDF-');
		expect(await exited).toBe(0);
		expect(instances.logLines(a, 'stopped: every request finished, database closed')).toHaveLength(
			1
		);
		expect((await fetch(`${b.baseUrl}/healthz`)).status).toBe(200);
		const fromB = await onOther(browser, b).download(`${base}/report.pdf?lang=both`);
		expect(fromB.headers.get('server-timing')).toContain('desc="cache"');
	});
});
