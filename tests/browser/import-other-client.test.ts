import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Browser as Chromium, Page } from 'playwright-core';
import { contextAs, launchChromium, screenshot } from '../helpers/chromium';
import { saveAnswer } from '../helpers/assessment';
import { consultancy, createClient, startClientAssessment } from '../helpers/consultancy';

/*
 * Importing one client's JSON export under another client, from the assessments page in real
 * Chromium: the page warns, offers to import without the notes, evidence notes and owners (the
 * default) or to keep them on a deliberate confirmation, and the chosen file stays chosen while the
 * importer decides.
 */

let chromium: Chromium;
let folder: string;
const baseUrl = () => inject('baseUrl');

beforeAll(async () => {
	chromium = await launchChromium();
	folder = fs.mkdtempSync(path.join(os.tmpdir(), 'import-'));
});
afterAll(async () => {
	await chromium?.close();
	fs.rmSync(folder, { recursive: true, force: true });
});

const NOTE = 'Only the Pujiang data centre is covered.';
const OWNER = 'Pujiang CISO';

const form = (page: Page) => page.locator('form[action="?/import"]');

async function importForm(page: Page, file: string, client: string) {
	await form(page).locator('input[type=file][name=file]').setInputFiles(file);
	await form(page).locator('select[name=clientId]').selectOption({ label: client });
	await form(page).getByRole('button', { name: 'Import', exact: true }).click();
}

describe('importing another client’s export from the page', () => {
	it('warns, strips notes, evidence and owners by default, and keeps them only when confirmed', async () => {
		const c = await consultancy('en');
		const clientA = await createClient(c.owner, c.orgId, { name: 'Pujiang Tech' });
		await createClient(c.owner, c.orgId, { name: 'Lingang Data' });
		const base = await startClientAssessment(c.owner, c.orgId, clientA, 'Pujiang 2026');
		const saved = await saveAnswer(c.owner, base, 'CMP-001', 0, {
			status: 'partial',
			note: NOTE,
			evidence: 'Data centre audit 2026',
			owner: OWNER
		});
		expect(saved.status).toBe(200);
		const file = path.join(folder, 'pujiang.json');
		fs.writeFileSync(file, (await c.owner.download(`${base}/export.json`)).bytes);

		const context = await contextAs(chromium, baseUrl(), c.owner, 'en');
		try {
			const page = await context.newPage();
			await page.goto(`/o/${c.orgId}/assessments`);
			// The page's script running: the menu and the import by fetch are its.
			await page.waitForLoadState('networkidle');
			await importForm(page, file, 'Lingang Data');
			const warning = page.getByRole('alert').filter({ hasText: 'Pujiang Tech' });
			await expect
				.poll(() => warning.textContent())
				.toContain('you are importing it under the client “Lingang Data”');
			await screenshot(page, 'import-other-client-warning.png');
			// The safe choice is the default; the file is still chosen (the page did not reload).
			const strip = page.getByRole('radio', { name: /without their notes/ });
			await expect.poll(() => strip.isChecked()).toBe(true);
			expect(
				await form(page)
					.locator('input[type=file][name=file]')
					.evaluate((i: HTMLInputElement) => i.files?.[0]?.name)
			).toBe('pujiang.json');
			await form(page).getByRole('button', { name: 'Import', exact: true }).click();
			await page.waitForURL(/\/assessments\/[0-9a-f-]{36}\/result$/);
			const stripped = page
				.url()
				.replace(baseUrl(), '')
				.replace(/\/result$/, '');
			const strippedItem = await c.owner.get(`${stripped}/items/CMP-001`);
			expect(strippedItem.status).toBe(200);
			expect(strippedItem.text).not.toContain(NOTE);
			// The owner is an input's value: read the markup, not the text.
			expect(strippedItem.body).not.toContain(OWNER);
			expect(strippedItem.text).not.toContain('Data centre audit 2026');
			// The status itself comes along: only what the other client must not read is left behind.
			expect(strippedItem.body).toMatch(/value="partial"[^>]*checked|checked[^>]*value="partial"/);

			// Keeping them is a deliberate choice.
			await page.goto(`/o/${c.orgId}/assessments`);
			await importForm(page, file, 'Lingang Data');
			await page.getByRole('radio', { name: /keep their notes/ }).check();
			await form(page).getByRole('button', { name: 'Import', exact: true }).click();
			await page.waitForURL(/\/assessments\/[0-9a-f-]{36}\/result$/);
			const kept = page
				.url()
				.replace(baseUrl(), '')
				.replace(/\/result$/, '');
			expect(kept).not.toBe(stripped);
			const keptItem = await c.owner.get(`${kept}/items/CMP-001`);
			expect(keptItem.text).toContain(NOTE);
			expect(keptItem.body).toContain(`value="${OWNER}"`);
		} finally {
			await context.close();
		}
	});
});
