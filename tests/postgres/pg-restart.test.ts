import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, type RunningServer } from '../setup/server-process';
import { createPostgresCluster, type PostgresCluster } from '../helpers/postgres-cluster';
import { Browser, signUp } from '../helpers/browser';
import { saveProfile, startAssessment } from '../helpers/assessment';
import {
	expectAcknowledgedSavesKept,
	questionnaireItems,
	startSaveBurst
} from '../helpers/save-burst';

describe('the PostgreSQL server restarted under load', () => {
	let cluster: PostgresCluster;
	let server: RunningServer;
	let dataDir: string;

	beforeAll(async () => {
		cluster = await createPostgresCluster();
		dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sr-pgrestart-'));
		server = await startServer({ DATABASE_URL: cluster.url, DATA_DIR: dataDir });
	}, 120_000);
	afterAll(async () => {
		await server?.stop();
		cluster?.destroy();
		fs.rmSync(dataDir, { recursive: true, force: true });
	});

	it(
		'reports 503 while it is down, answers cleanly, recovers by itself and loses no acknowledged save',
		{ timeout: 120_000 },
		async () => {
			const browser = new Browser(server.baseUrl, { lang: 'en' });
			const { orgId } = await signUp(browser, { orgName: '数据库重启测试有限公司' });
			const base = await startAssessment(browser, orgId);
			expect((await saveProfile(browser, base, 0)).status).toBe(303);
			const items = (await questionnaireItems(browser, base)).slice(0, 6);

			const burst = startSaveBurst(browser, base, items);
			await expect
				.poll(() => burst.acknowledgedSaves(), { timeout: 30_000, interval: 50 })
				.toBeGreaterThanOrEqual(2 * items.length);

			const failuresBefore = burst.failures.length;
			cluster.stop();
			const healthStatus = async () => (await fetch(`${server.baseUrl}/healthz`)).status;
			await expect.poll(healthStatus, { timeout: 10_000, interval: 50 }).toBe(503);
			const health = await fetch(`${server.baseUrl}/healthz`);
			expect(health.status).toBe(503);
			expect(await health.json()).toEqual({ status: 'unavailable', database: false });
			// A page during the outage: a clean error page, no stack trace, nothing internal.
			const during = await browser.get(`${base}/questionnaire`);
			expect(during.status).toBe(503);
			expect(during.text).toContain('The service is briefly unavailable');
			expect(during.body).not.toMatch(/\n\s+at |node_modules|ECONNREFUSED|\.js:\d+/);
			// A login and an API call say the same, with when to retry (JSON on the API), not a 500.
			const login = await new Browser(server.baseUrl, { lang: 'en' }).post('/login', {
				email: 'someone@example.com',
				password: 'whatever-password'
			});
			expect(login.status).toBe(503);
			expect(login.headers.get('retry-after')).toBe('5');
			const api = await fetch(`${server.baseUrl}/api/v1/clients`, {
				// Shaped like a token, so that checking it needs the database.
				headers: { authorization: `Bearer sr_${'a'.repeat(52)}` }
			});
			expect(api.status).toBe(503);
			expect(api.headers.get('retry-after')).toBe('5');
			expect((await api.json()).error.code).toBe('unavailable');
			// Every writer has had a save fail against the stopped database, and the process lives on.
			const failedItems = () =>
				new Set(burst.failures.slice(failuresBefore).map((f) => f.split(':')[0])).size;
			await expect.poll(failedItems, { timeout: 20_000, interval: 50 }).toBe(items.length);
			expect(server.process.exitCode, server.output()).toBeNull();

			cluster.start();
			// The same process, never restarted, finds the database again.
			await expect.poll(healthStatus, { timeout: 20_000, interval: 200 }).toBe(200);
			const atRecovery = burst.acknowledgedSaves();
			// The writers go on where they were, saving again.
			await expect
				.poll(() => burst.acknowledgedSaves(), { timeout: 30_000, interval: 50 })
				.toBeGreaterThanOrEqual(atRecovery + items.length);
			const acknowledged = await burst.stop();
			const total = [...acknowledged.values()].reduce((s, a) => s + a.version, 0);
			expect(total, 'saves acknowledged after recovery').toBeGreaterThan(atRecovery);
			expect(server.process.exitCode).toBeNull();

			await expectAcknowledgedSavesKept(browser, base, burst);
			expect(server.output()).not.toMatch(/uncaught|unhandled rejection/i);
		}
	);
});
