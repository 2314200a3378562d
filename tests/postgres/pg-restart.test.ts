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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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
			await sleep(1500);
			const beforeOutage = [...burst.acknowledged.values()].reduce((s, a) => s + a.version, 0);
			expect(beforeOutage).toBeGreaterThan(0);

			cluster.stop();
			await sleep(200);
			expect(server.process.exitCode, server.output()).toBeNull();
			const health = await fetch(`${server.baseUrl}/healthz`);
			expect(health.status).toBe(503);
			expect(await health.json()).toEqual({ status: 'unavailable', database: false });
			// A page during the outage: a clean error page, no stack trace, nothing internal.
			const during = await browser.get(`${base}/questionnaire`);
			expect(during.status).toBe(503);
			expect(during.text).toContain('The service is briefly unavailable');
			expect(during.body).not.toMatch(/\n\s+at |node_modules|ECONNREFUSED|\.js:\d+/);
			await sleep(1000);

			cluster.start();
			// The same process, never restarted, finds the database again.
			await expect
				.poll(async () => (await fetch(`${server.baseUrl}/healthz`)).status, {
					timeout: 20_000,
					interval: 200
				})
				.toBe(200);
			const atRecovery = [...burst.acknowledged.values()].reduce((s, a) => s + a.version, 0);
			await sleep(1500);
			const acknowledged = await burst.stop();
			const total = [...acknowledged.values()].reduce((s, a) => s + a.version, 0);
			expect(total, 'saves acknowledged after recovery').toBeGreaterThan(atRecovery);
			expect(server.process.exitCode).toBeNull();

			await expectAcknowledgedSavesKept(browser, base, acknowledged, burst.inFlight);
			expect(server.output()).not.toMatch(/uncaught|unhandled rejection/i);
		}
	);
});
