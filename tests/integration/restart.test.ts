import { describe, expect, it } from 'vitest';
import { createScratchDatabase, testDbKind } from '../setup/databases';
import { startServer } from '../setup/server-process';
import { Browser, PASSWORD, signUp } from '../helpers/browser';

describe('restarting the server', () => {
	it(
		'keeps every row: the account, its organisation and the session',
		{ timeout: 90_000 },
		async () => {
			const database = await createScratchDatabase(testDbKind(), 'restart', { migrated: true });
			try {
				const first = await startServer(database.env);
				const browser = new Browser(first.baseUrl);
				const { email, orgId } = await signUp(browser, { orgName: '重启测试机构' });
				await first.stop();

				const second = await startServer(database.env);
				try {
					const again = new Browser(second.baseUrl);
					for (const [k, v] of browser.cookies) again.cookies.set(k, v);
					const home = await again.get(`/o/${orgId}`);
					expect(home.status).toBe(200);
					expect(home.text).toContain('重启测试机构');
					expect(
						(await new Browser(second.baseUrl).post('/login', { email, password: PASSWORD })).status
					).toBe(303);
				} finally {
					await second.stop();
				}
			} finally {
				await database.drop();
			}
		}
	);
});
