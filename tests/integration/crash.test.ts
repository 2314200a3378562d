import { describe, expect, it } from 'vitest';
import { createScratchDatabase, testDbKind } from '../setup/databases';
import { startServer } from '../setup/server-process';
import { Browser, signUp } from '../helpers/browser';
import { saveProfile, startAssessment } from '../helpers/assessment';
import {
	expectAcknowledgedSavesKept,
	questionnaireItems,
	startSaveBurst
} from '../helpers/save-burst';

describe('kill -9 during a burst of saves', () => {
	it('keeps every acknowledged save after the restart', { timeout: 120_000 }, async () => {
		const database = await createScratchDatabase(testDbKind(), 'crash', { migrated: true });
		try {
			const first = await startServer(database.env);
			const browser = new Browser(first.baseUrl, { lang: 'en' });
			const { orgId } = await signUp(browser, { orgName: '断电测试有限公司' });
			const base = await startAssessment(browser, orgId);
			expect((await saveProfile(browser, base, 0)).status).toBe(303);
			const items = (await questionnaireItems(browser, base)).slice(0, 8);
			expect(items.length).toBeGreaterThanOrEqual(4);

			const burst = startSaveBurst(browser, base, items);
			// Kill it mid-burst, once every writer has had a few saves acknowledged.
			await expect
				.poll(() => burst.acknowledgedSaves(), { timeout: 60_000, interval: 50 })
				.toBeGreaterThanOrEqual(3 * items.length);
			await first.stop('SIGKILL');
			const acknowledged = await burst.stop();
			const saves = [...acknowledged.values()].reduce((sum, a) => sum + a.version, 0);
			expect(saves, 'saves acknowledged before the kill').toBeGreaterThan(items.length);

			const second = await startServer(database.env);
			try {
				const again = new Browser(second.baseUrl, { lang: 'en' });
				for (const [k, v] of browser.cookies) again.cookies.set(k, v);
				await expectAcknowledgedSavesKept(again, base, burst);
			} finally {
				await second.stop();
			}
		} finally {
			await database.drop();
		}
	});
});
