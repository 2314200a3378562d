import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { apiOrganisation } from '../helpers/api';
import { saveProfile, startAssessment } from '../helpers/assessment';
import { Browser, signUp } from '../helpers/browser';
import {
	deepJson,
	manyRowsWorkbook,
	manySheetsWithFormulas,
	pngDeclaring,
	zipBombWorkbook
} from '../helpers/hostile-files';
import { postFile } from '../helpers/upload';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function consultancyAssessment(lang: 'zh' | 'en') {
	const browser = new Browser(undefined, { lang });
	const { orgId } = await signUp(browser, { orgKind: 'consultancy' });
	const base = await startAssessment(browser, orgId);
	await saveProfile(browser, base, 0);
	const upload = (bytes: Uint8Array) =>
		postFile(browser, `${base}/result?/importTemplate`, { name: 't.xlsx', type: XLSX, bytes });
	return { browser, orgId, base, upload };
}

/** A form posted as a stream: fetch sends it chunked, without Content-Length. */
function postChunked(browser: Browser, path: string, chunks: Uint8Array[]): Promise<Response> {
	return fetch(browser.baseUrl + path, {
		method: 'POST',
		body: new ReadableStream({
			start(controller) {
				for (const chunk of chunks) controller.enqueue(chunk);
				controller.close();
			}
		}),
		duplex: 'half',
		redirect: 'manual',
		headers: browser.headers({
			'content-type': 'application/x-www-form-urlencoded',
			origin: browser.baseUrl
		})
	} as RequestInit);
}

describe('hostile uploads on the server', () => {
	it(
		'refuses hostile templates with a message naming the limit, in the reader’s language',
		{ timeout: 120_000 },
		async () => {
			const en = await consultancyAssessment('en');
			const rows = await en.upload(manyRowsWorkbook(100_000));
			expect(rows.status).toBe(413);
			// The row limit; on a machine so busy that 5,000 rows take more than 3 s, the time limit.
			expect(rows.text).toMatch(
				/The worksheet has more than 5000 rows; nothing was imported\.|Reading the file took more than 3 seconds/
			);
			const sheets = await en.upload(manySheetsWithFormulas(300));
			expect(sheets.status).toBe(413);
			expect(sheets.text).toContain('more than 10 worksheets');

			const zh = await consultancyAssessment('zh');
			for (const bytes of [manyRowsWorkbook(1_000_000), zipBombWorkbook(200)]) {
				const refused = await zh.upload(bytes);
				expect(refused.status).toBe(413);
				expect(refused.text).toContain('文件解压后将超过 20 MB，未导入任何内容。');
			}
			// The server kept serving, and nothing was imported.
			expect((await new Browser().get('/healthz')).status).toBe(200);
			expect((await zh.browser.get(`${zh.base}/result`)).status).toBe(200);
		}
	);

	it('lists the first 50 problems of a file and counts the rest', async () => {
		const { upload } = await consultancyAssessment('en');
		const workbook = new ExcelJS.Workbook();
		const sheet = workbook.addWorksheet('Items');
		sheet.addRow(['item']);
		for (let i = 0; i < 60; i++)
			sheet.addRow([`NOPE-${String(i).padStart(3, '0')}`, '', '', '', 'x']);
		const refused = await upload(new Uint8Array(await workbook.xlsx.writeBuffer()));
		expect(refused.status).toBe(400);
		expect(
			refused.text.match(/The questionnaire has no item|unknown|NOPE-/g)?.length
		).toBeGreaterThan(0);
		expect(refused.text).toContain('NOPE-049');
		expect(refused.text).not.toContain('NOPE-050');
		expect(refused.text).toContain('10 more problems are not listed.');
	});

	it('refuses a logo whose header declares more than 2000×2000 pixels, before decoding it', async () => {
		const browser = new Browser(undefined, { lang: 'en' });
		const { orgId } = await signUp(browser, { orgKind: 'consultancy' });
		const body = new FormData();
		body.append('logo', new Blob([pngDeclaring(11_000, 11_000) as BlobPart]), 'bomb.png');
		const response = await fetch(`${browser.baseUrl}/o/${orgId}/settings?/logo`, {
			method: 'POST',
			body,
			redirect: 'manual',
			headers: { ...browser.headers(), origin: browser.baseUrl }
		});
		expect(response.status).toBe(400);
		expect(await response.text()).toContain(
			'The logo is 11000×11000 pixels; it may be at most 2000×2000.'
		);
	});

	it('refuses deeply nested JSON before parsing it, on the API and the web import', async () => {
		const { api } = await apiOrganisation();
		const deep = await api.post('/clients', `{"name":${deepJson(100_000)}}`);
		expect(deep.status).toBe(400);
		expect(deep.json.error.code).toBe('too_deep');
		expect(deep.json.error.message).toContain('32');

		const browser = new Browser(undefined, { lang: 'en' });
		const { orgId } = await signUp(browser);
		const page = await postFile(browser, `/o/${orgId}/assessments?/import`, {
			name: 'deep.json',
			type: 'application/json',
			bytes: `{"a":${deepJson(1000)}}`
		});
		expect(page.status).toBe(400);
		expect(page.text).toContain('The JSON is nested more than 32 levels deep.');
	});

	it('counts a chunked body as it arrives and refuses it past the form limit', async () => {
		const browser = new Browser(undefined, { lang: 'en' });
		const { orgId } = await signUp(browser);
		const megabyte = new TextEncoder().encode('title=' + 'x'.repeat(1024 * 1024));
		const start = `/o/${orgId}/assessments?/start`;
		const refused = await postChunked(browser, start, [megabyte, megabyte]);
		expect(refused.status).toBe(413);
		expect(await refused.text()).toContain('Request body too large (limit 1048576 bytes)');
		// A small chunked form is read as any other.
		const small = await postChunked(browser, start, [new TextEncoder().encode('title=Chunked')]);
		expect(small.status).toBe(303);
	});

	it('keeps signed-in pages and downloads out of every cache', async () => {
		const { browser, base } = await consultancyAssessment('en');
		for (const path of [`${base}/result`, `${base}/action-plan.csv?lang=en`]) {
			const response = await fetch(browser.baseUrl + path, { headers: browser.headers() });
			expect(response.headers.get('cache-control'), path).toBe('private, no-store');
			// Plain http here: no HSTS.
			expect(response.headers.get('strict-transport-security')).toBeNull();
		}
	});
});
