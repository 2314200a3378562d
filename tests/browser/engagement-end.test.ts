import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { contextAs, lookAtWidths, screenshot, useChromium } from '../helpers/chromium';
import { saveAnswer } from '../helpers/assessment';
import {
	assessmentIdOf,
	consultancy,
	createClient,
	joinedRespondent,
	startClientAssessment
} from '../helpers/consultancy';
import { useInstances } from '../helpers/instances';
import { postFile } from '../helpers/upload';

/*
 * An engagement's end in the browser: the consultant archives an assessment (it leaves the list
 * and shows under Archived), restores it, deletes it (its respondent is refused from then on) and,
 * as the owner, purges it by typing its title. Afterwards the database holds none of its answers,
 * files or the bytes only it referenced, while another client's assessment, which shares one file
 * with it, keeps everything.
 *
 * Its own server on PostgreSQL, so that the test reads the tables directly.
 */

const chromium = useChromium();
const instances = useInstances(1);
const baseUrl = () => instances().servers[0]!.baseUrl;
const ITEM = 'LIC-001';
const ENDED_NOTE = 'ENDEDMARK4K the licence application was filed in March';
const KEPT_NOTE = 'KEPTMARK9P the licence is held';

async function count(text: string, values: unknown[]): Promise<number> {
	const [row] = await instances().sql<{ n: number }>(
		`select cast(count(*) as integer) as n from ${text}`,
		values
	);
	return row!.n;
}

/** The tables with a row that holds `marker` anywhere in it (the audit log included). */
async function tablesHolding(marker: string): Promise<string[]> {
	const tables = await instances().sql<{ table_name: string }>(
		`select table_name from information_schema.tables
		 where table_schema = current_schema() and table_type = 'BASE TABLE'`
	);
	const found: string[] = [];
	for (const { table_name } of tables)
		if ((await count(`"${table_name}" t where t::text like $1`, [`%${marker}%`])) > 0)
			found.push(table_name);
	return found;
}

/** The refusal a person sees on their next page load: a 404 page that says so, not a 500. */
async function expectRefused(page: Page, path: string): Promise<void> {
	const response = await page.goto(path);
	expect(response?.status()).toBe(404);
	expect(await page.getByRole('alert').textContent()).toBe(
		'This page does not exist, or it is not yours to see.'
	);
}

describe('an engagement’s end in the browser', () => {
	it('archives, restores, deletes and purges an assessment; its data goes, another client’s stays', async () => {
		const c = await consultancy('en', baseUrl());
		const endedClient = await createClient(c.owner, c.orgId, { name: 'Ended Client' });
		const keptClient = await createClient(c.owner, c.orgId, { name: 'Kept Client' });
		const ended = await startClientAssessment(c.owner, c.orgId, endedClient, 'Ended 2026');
		const kept = await startClientAssessment(c.owner, c.orgId, keptClient, 'Kept 2026');
		const shared = { name: 'group-policy.pdf', type: 'application/pdf', bytes: '%PDF-1.4 group' };
		for (const [base, note] of [
			[ended, ENDED_NOTE],
			[kept, KEPT_NOTE]
		] as const) {
			expect((await saveAnswer(c.owner, base, ITEM, 0, { status: 'partial', note })).status).toBe(
				200
			);
			expect((await postFile(c.owner, `${base}/items/${ITEM}/evidence`, shared)).status).toBe(303);
		}
		const own = {
			name: 'ended-only-ENDEDFILE7Z.pdf',
			type: 'application/pdf',
			bytes: '%PDF-1.4 ended only'
		};
		expect((await postFile(c.owner, `${ended}/items/${ITEM}/evidence`, own)).status).toBe(303);
		const { respondent, email: respondentEmail } = await joinedRespondent(
			c.owner,
			c.orgId,
			endedClient,
			ended
		);
		const endedId = assessmentIdOf(ended);
		const keptId = assessmentIdOf(kept);
		const blobsOfEnded = (
			await instances().sql<{ blob_id: string }>(
				'select distinct blob_id from evidence_files where assessment_id = $1',
				[endedId]
			)
		).map((r) => r.blob_id);
		expect(blobsOfEnded).toHaveLength(2);

		const ownerContext = await contextAs(chromium(), baseUrl(), c.owner, 'en');
		const respondentContext = await contextAs(chromium(), baseUrl(), respondent, 'en');
		try {
			const page = await ownerContext.newPage();
			const list = `/o/${c.orgId}/assessments`;
			const listed = () => page.locator('main').getByRole('link', { name: 'Ended 2026' });

			// Archived from the assessment's own page: out of the list, under Archived.
			await page.goto(`${ended}/questionnaire`);
			await page.getByRole('link', { name: 'Archive or delete' }).click();
			await page.waitForURL(`**${ended}/lifecycle`);
			await page.waitForLoadState('networkidle');
			await page.getByRole('button', { name: 'Archive', exact: true }).click();
			await expect.poll(() => page.getByRole('status').textContent()).toBe('Archived.');
			await screenshot(page, 'engagement-archived-1366-en.png');
			await page.goto(list);
			expect(await page.getByRole('link', { name: 'Kept 2026' }).count()).toBe(1);
			expect(await listed().count()).toBe(0);
			await page.getByRole('link', { name: 'Archived', exact: true }).click();
			await page.waitForURL(`**${list}?shelf=archived`);
			await listed().first().click();
			await page.waitForURL(new RegExp(`${ended}(/questionnaire)?$`));
			expect(await page.locator('[data-shelf=archived]').count()).toBe(1);

			// Restored from the notice on its page: back in the list.
			await page.locator('[data-shelf=archived]').getByRole('link', { name: 'Restore' }).click();
			await page.waitForURL(`**${ended}/lifecycle`);
			await page.waitForLoadState('networkidle');
			await page.getByRole('button', { name: 'Restore' }).click();
			await expect.poll(() => page.getByRole('status').textContent()).toBe('Restored.');
			await page.goto(list);
			expect(await listed().count()).toBe(1);

			// Deleted: listed under Deleted with the date it will be purged; the respondent is refused.
			const asRespondent = await respondentContext.newPage();
			await asRespondent.goto(`${ended}/items/${ITEM}`);
			expect(await asRespondent.locator('#evidence').textContent()).toContain(
				'ended-only-ENDEDFILE7Z.pdf'
			);
			await page.goto(`${ended}/lifecycle`);
			await page.waitForLoadState('networkidle');
			// Not without the ticked box: refused on the field, nothing deleted.
			await page.getByRole('button', { name: 'Delete' }).click();
			await expect
				.poll(() => page.locator('[data-lifecycle]').textContent())
				.toContain('Tick the confirmation to delete.');
			expect(await page.locator('[data-lifecycle]').getAttribute('data-lifecycle')).toBe('active');
			await page.getByLabel('I have exported what must be kept: delete this assessment').check();
			await page.getByRole('button', { name: 'Delete' }).click();
			await expect
				.poll(() => page.locator('[data-lifecycle]').getAttribute('data-lifecycle'))
				.toBe('deleted');
			expect(await page.locator('main').textContent()).toMatch(
				/will be purged on \d{1,2} \w{3} \d{4}/
			);
			await expectRefused(asRespondent, `${ended}/items/${ITEM}`);
			// Its page offers only what a deleted assessment still has: no tab or link that answers 404.
			const links = await page
				.locator(`a[href^="${ended}"]`)
				.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
			for (const href of new Set(links))
				expect((await page.request.get(href)).status(), href).not.toBe(404);
			await page.goto(`${list}?shelf=deleted`);
			await listed().click();
			await page.waitForURL(`**${ended}/lifecycle`);
			await page.waitForLoadState('networkidle');

			// The purge asks for the title; a wrong one is refused and names what to type.
			const title = page.getByLabel('Assessment title');
			await title.fill('Ended');
			await page.getByRole('button', { name: 'Purge now' }).click();
			await expect
				.poll(() => page.locator('[data-lifecycle]').textContent())
				.toContain('Type the assessment’s title to confirm the purge.');
			expect(await count('answers where assessment_id = $1', [endedId])).toBe(1);
			await screenshot(page, 'engagement-purge-1366-en.png');
			await title.fill('Ended 2026');
			await page.getByRole('button', { name: 'Purge now' }).click();
			await page.waitForURL(`**${list}?shelf=deleted`);
			expect(await listed().count()).toBe(0);
			await expectRefused(page, `${ended}/lifecycle`);
			await expectRefused(asRespondent, `${ended}/questionnaire`);
			// Their reach was that assessment alone: they are no longer a member, and the log says so.
			await expectRefused(asRespondent, `/o/${c.orgId}`);
			const removed = await instances().sql<{ reason: string }>(
				`select a.new_value->>'reason' as reason from audit_log a join users u on u.id::text = a.entity_id
				 where a.action = 'member.removed' and u.email = $1`,
				[respondentEmail]
			);
			expect(removed).toEqual([{ reason: 'assessment_purged' }]);

			// Gone: its answers, files, and the bytes only it referenced; the shared file stays, once.
			expect(await count('answers where assessment_id = $1', [endedId])).toBe(0);
			expect(await count('evidence_files where assessment_id = $1', [endedId])).toBe(0);
			expect(await tablesHolding('ENDEDMARK4K')).toEqual([]);
			expect(await tablesHolding('ENDEDFILE7Z')).toEqual([]);
			expect(await tablesHolding('KEPTMARK9P')).toEqual(expect.arrayContaining(['answers']));
			const keptFiles = await instances().sql<{ blob_id: string }>(
				'select blob_id from evidence_files where assessment_id = $1',
				[keptId]
			);
			expect(keptFiles).toHaveLength(1);
			const sharedBlob = keptFiles[0]!.blob_id;
			expect(blobsOfEnded).toContain(sharedBlob);
			const onlyEnded = blobsOfEnded.filter((b) => b !== sharedBlob);
			expect(await count('evidence_blobs where id = any($1)', [onlyEnded])).toBe(0);
			expect(await count('evidence_chunks where blob_id = any($1)', [onlyEnded])).toBe(0);
			const [blob] = await instances().sql<{ ref_count: number }>(
				'select ref_count from evidence_blobs where id = $1',
				[sharedBlob]
			);
			expect(blob!.ref_count).toBe(1);
			expect(await count('evidence_chunks where blob_id = $1', [sharedBlob])).toBe(1);

			// The other client's assessment, untouched, in the browser too.
			expect(
				await count(`answers where assessment_id = $1 and note = $2`, [keptId, KEPT_NOTE])
			).toBe(1);
			await page.goto(`${kept}/items/${ITEM}`);
			await page.waitForLoadState('networkidle');
			const keptEvidence = page.locator('#evidence a', { hasText: 'group-policy.pdf' });
			const [download] = await Promise.all([page.waitForEvent('download'), keptEvidence.click()]);
			expect(await download.failure()).toBeNull();
		} finally {
			await ownerContext.close();
			await respondentContext.close();
		}
	}, 180_000);

	it('reads in Chinese at 1366 and 390 px: archived, deleted, the purge form and the shelves', async () => {
		const c = await consultancy('zh', baseUrl());
		const clientId = await createClient(c.owner, c.orgId, { name: '陆家嘴智投科技' });
		const base = await startClientAssessment(c.owner, c.orgId, clientId, '陆家嘴 2026 年度自评');
		const list = `/o/${c.orgId}/assessments`;
		const context = await contextAs(chromium(), baseUrl(), c.owner, 'zh');
		try {
			const page = await context.newPage();
			const look = async (path: string, name: string, text: string) => {
				for (const seen of await lookAtWidths(page, path, name, 'zh'))
					expect(seen.overflow, `${path} at ${seen.width} px: ${seen.wide}`).toBe(0);
				expect(await page.locator('main').textContent()).toContain(text);
			};
			await look(`${base}/lifecycle`, 'engagement-lifecycle-active', '归档');
			expect((await c.owner.post(`${base}/lifecycle?/archive`, {})).status).toBe(200);
			await look(`${base}/questionnaire`, 'engagement-archived-questionnaire', '已归档');
			await look(`${list}?shelf=archived`, 'engagement-shelf-archived', '陆家嘴 2026 年度自评');
			expect((await c.owner.post(`${base}/lifecycle?/delete`, { confirmed: 'on' })).status).toBe(
				303
			);
			await look(`${base}/lifecycle`, 'engagement-lifecycle-deleted', '陆家嘴 2026 年度自评');
			await look(`${list}?shelf=deleted`, 'engagement-shelf-deleted', '陆家嘴 2026 年度自评');
		} finally {
			await context.close();
		}
	}, 180_000);
});
