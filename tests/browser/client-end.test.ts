import { describe, expect, it } from 'vitest';
import { contextAs, lookAtWidths, screenshot, useChromium } from '../helpers/chromium';
import { saveAnswer } from '../helpers/assessment';
import { consultancy, createClient, startClientAssessment } from '../helpers/consultancy';
import { useInstances } from '../helpers/instances';

/*
 * A client's end in the browser, in Chinese and in English: the owner archives a client from its
 * page (it leaves the list and shows under Archived), restores it, deletes it (refused until the
 * box is ticked; its assessment goes with it) and purges it by typing its name. The pages fit at
 * 1366 and 390 px. Its own server on PostgreSQL, so that the test reads the tables directly.
 */

const chromium = useChromium();
const instances = useInstances(1);
const baseUrl = () => instances().servers[0]!.baseUrl;

const WORDS = {
	zh: {
		lifecycle: '归档或删除',
		archive: '归档',
		archived: '已归档。',
		restore: '恢复',
		restored: '已恢复。',
		delete: '删除',
		untickedError: '请勾选确认后再删除。',
		purgeNotice: /将于 \d{4}年\d{1,2}月\d{1,2}日 彻底清除/,
		purge: '彻底清除',
		name: '客户名称',
		wrongName: '请输入客户名称以确认彻底清除。',
		archivedTab: '已归档',
		deletedTab: '已删除'
	},
	en: {
		lifecycle: 'Archive or delete',
		archive: 'Archive',
		archived: 'Archived.',
		restore: 'Restore',
		restored: 'Restored.',
		delete: 'Delete',
		untickedError: 'Tick the confirmation to delete.',
		purgeNotice: /will be purged on \d{1,2} \w{3} \d{4}/,
		purge: 'Purge now',
		name: 'Client name',
		wrongName: 'Type the client’s name to confirm the purge.',
		archivedTab: 'Archived',
		deletedTab: 'Deleted'
	}
} as const;

async function rows(sql: string, values: unknown[]): Promise<number> {
	const [row] = await instances().sql<{ n: number }>(
		`select cast(count(*) as integer) as n from ${sql}`,
		values
	);
	return row!.n;
}

describe('a client’s end in the browser', () => {
	for (const lang of ['zh', 'en'] as const)
		it(`archives, restores, deletes and purges a client (${lang}), fitting at 1366 and 390 px`, async () => {
			const w = WORDS[lang];
			const c = await consultancy(lang, baseUrl());
			const marker = `CLIENTEND${lang.toUpperCase()}8X`;
			const name = lang === 'zh' ? `张江${marker}科技` : `Zhangjiang ${marker} Tech`;
			const clientId = await createClient(c.owner, c.orgId, { name, notes: `${marker} notes` });
			const base = await startClientAssessment(c.owner, c.orgId, clientId, `${name} 2026`);
			expect(
				(await saveAnswer(c.owner, base, 'LIC-001', 0, { status: 'partial', note: marker })).status
			).toBe(200);
			const clientPage = `/o/${c.orgId}/clients/${clientId}`;
			const list = `/o/${c.orgId}/clients`;
			const context = await contextAs(chromium(), baseUrl(), c.owner, lang);
			try {
				const page = await context.newPage();
				const listed = () => page.locator('main').getByRole('link', { name, exact: true });
				const fits = async (path: string, shot: string) => {
					for (const seen of await lookAtWidths(page, path, shot, lang))
						expect(seen.overflow, `${path} at ${seen.width} px: ${seen.wide}`).toBe(0);
					await page.setViewportSize({ width: 1366, height: 900 });
				};

				// From the client's page to its lifecycle; archived: out of the list, under Archived.
				await fits(clientPage, 'client-page');
				await page.goto(clientPage);
				await page.getByRole('link', { name: w.lifecycle }).click();
				await page.waitForURL(`**${clientPage}/lifecycle`);
				await page.waitForLoadState('networkidle');
				await fits(`${clientPage}/lifecycle`, 'client-lifecycle-active');
				await page.getByRole('button', { name: w.archive, exact: true }).click();
				await expect.poll(() => page.getByRole('status').textContent()).toBe(w.archived);
				await page.goto(list);
				expect(await listed().count()).toBe(0);
				await page.locator('nav.tabs').getByRole('link', { name: w.archivedTab }).click();
				await page.waitForURL(`**${list}?shelf=archived`);
				expect(await listed().count()).toBe(1);
				await fits(`${list}?shelf=archived`, 'clients-shelf-archived');
				// Its page still opens, says so, and offers no new assessment.
				await fits(clientPage, 'client-page-archived');
				expect(await page.locator('[data-shelf=archived]').count()).toBe(1);
				expect(await page.locator('form[action="?/start"]').count()).toBe(0);
				// Restore: from the notice and from its lifecycle section; its details stay editable.
				expect(await page.locator(`a[href="${clientPage}/lifecycle"]`).count()).toBe(2);
				expect(await page.locator('form[action="?/update"]').count()).toBe(1);

				// Restored from its lifecycle page.
				await page.goto(`${clientPage}/lifecycle`);
				await page.waitForLoadState('networkidle');
				await page.getByRole('button', { name: w.restore, exact: true }).click();
				await expect.poll(() => page.getByRole('status').textContent()).toBe(w.restored);
				await page.goto(list);
				expect(await listed().count()).toBe(1);

				// Deleted: not before the box is ticked; then the client and its assessment are gone.
				await page.goto(`${clientPage}/lifecycle`);
				await page.waitForLoadState('networkidle');
				await page.getByRole('button', { name: w.delete, exact: true }).click();
				await expect
					.poll(() => page.locator('[data-lifecycle]').textContent())
					.toContain(w.untickedError);
				expect(await page.locator('[data-lifecycle]').getAttribute('data-lifecycle')).toBe(
					'active'
				);
				await screenshot(page, `client-delete-unticked-1366-${lang}.png`);
				await page.getByRole('checkbox').check();
				await page.getByRole('button', { name: w.delete, exact: true }).click();
				await expect
					.poll(() => page.locator('[data-lifecycle]').getAttribute('data-lifecycle'))
					.toBe('deleted');
				expect(await page.locator('main').textContent()).toMatch(w.purgeNotice);
				expect((await page.request.get(clientPage)).status()).toBe(404);
				expect((await page.request.get(`${base}/questionnaire`)).status()).toBe(404);
				await fits(`${clientPage}/lifecycle`, 'client-lifecycle-deleted');
				await fits(`${list}?shelf=deleted`, 'clients-shelf-deleted');
				await page.goto(`${list}?shelf=deleted`);
				await listed().click();
				await page.waitForURL(`**${clientPage}/lifecycle`);
				await page.waitForLoadState('networkidle');

				// The purge asks for the name; a wrong one is refused on the field.
				const field = page.getByLabel(w.name);
				await field.fill(name.slice(0, 4));
				await page.getByRole('button', { name: w.purge }).click();
				await expect
					.poll(() => page.locator('[data-lifecycle]').textContent())
					.toContain(w.wrongName);
				expect(await rows('clients where id = $1', [clientId])).toBe(1);
				await field.fill(name);
				await page.getByRole('button', { name: w.purge }).click();
				await page.waitForURL(`**${list}?shelf=deleted`);
				expect(await listed().count()).toBe(0);
				expect((await page.request.get(`${clientPage}/lifecycle`)).status()).toBe(404);

				// Gone: the client, its assessment's answers, and its words in the audit log.
				expect(await rows('clients where id = $1', [clientId])).toBe(0);
				expect(await rows('answers where note like $1', [`%${marker}%`])).toBe(0);
				expect(await rows('audit_log a where a::text like $1', [`%${marker}%`])).toBe(0);
			} finally {
				await context.close();
			}
		}, 180_000);
});
