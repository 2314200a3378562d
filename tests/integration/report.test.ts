import { seedsCorpus } from '../../src/lib/corpus/seeds-corpus';
import { describe, expect, it } from 'vitest';
import { evaluateAssessment } from '../../src/lib/domain/result';
import type { Profile } from '../../src/lib/domain/profile';
import { baseProfile, saveAnswer, saveProfile, startAssessment } from '../helpers/assessment';
import { Browser, signUp } from '../helpers/browser';
import { pdfFonts, pdfPages, pdfPreview, pdfText, squash } from '../helpers/pdf';
import { pagesText, streamsFilling } from '../helpers/report-pdf';
import { WATERMARK_COLOUR } from '../../src/lib/server/documents/pdf/pdf-watermark';
import { FINALISE_OVER } from '../helpers/consultancy';

const corpus = seedsCorpus();
const SLOW = 180_000;

/** The base profile as the profile form stores it: yes/no answers as booleans. */
const storedProfile: Profile = Object.fromEntries(
	Object.entries(baseProfile).map(([k, v]) => [k, v === 'true' ? true : v === 'false' ? false : v])
);

async function assessedFirm(orgKind = 'firm') {
	const browser = new Browser(undefined, { lang: 'zh' });
	const { orgId } = await signUp(browser, { orgName: '浦江数科 (上海) 有限公司', orgKind });
	const base = await startAssessment(browser, orgId);
	await saveProfile(browser, base, 0);
	await saveAnswer(browser, base, 'LIC-001', 0, {
		status: 'non_compliant',
		note: 'Lending without a licence',
		owner: '合规部 周敏',
		due: '2027-01-31'
	});
	return { browser, orgId, base };
}

describe('PDF gap report', () => {
	it(
		'downloads a bilingual report that quotes every gap’s provision, rendered off the request thread',
		async () => {
			const { browser, base } = await assessedFirm();
			const pdf = await browser.download(`${base}/report.pdf?lang=both`);
			expect(pdf.status).toBe(200);
			expect(pdf.headers.get('content-type')).toBe('application/pdf');
			const disposition = pdf.headers.get('content-disposition')!;
			expect(disposition).toMatch(/^attachment; filename="gap-report-\d{4}-\d{2}-\d{2}\.pdf"; /);
			const encoded = disposition.match(/filename\*=UTF-8''(.+)$/)![1]!;
			expect(encoded).not.toMatch(/[^A-Za-z0-9%._~-]/);
			// The firm is named by its registered name (kept on the organisation), not what it goes by.
			expect(decodeURIComponent(encoded)).toMatch(
				/^差距报告-gap-report-上海浦江数字科技有限公司-\d{4}-\d{2}-\d{2}\.pdf$/
			);
			expect(pdf.headers.get('server-timing')).toContain('desc="worker"');
			expect(new TextDecoder().decode(pdf.bytes.slice(0, 5))).toBe('%PDF-');

			const text = pdfText(pdf.bytes);
			const flat = squash(text);
			// One answer: no verdict yet (fewer than 80% of the obligations answered).
			expect(text).toContain('暂不评定');
			expect(text).toContain('Not yet assessed');
			expect(flat).toContain(squash('Lending without a licence'));
			const { score } = evaluateAssessment(corpus, 'x', storedProfile, [
				{
					itemId: 'LIC-001',
					status: 'non_compliant',
					note: '',
					evidence: [],
					owner: null,
					due: null
				}
			]);
			// Unanswered items are not gaps: the one answered shortfall is.
			expect(score.gaps.map((g) => g.itemId)).toEqual(['LIC-001']);
			const provisions = new Map(corpus.provisions.map((p) => [p.id, p]));
			for (const gap of score.gaps) {
				expect(flat, gap.itemId).toContain(squash(gap.itemId));
				for (const id of gap.provisions) {
					const p = provisions.get(id)!;
					expect(flat, `${gap.itemId} ${id}`).toContain(squash(p.text_zh));
					expect(flat, `${gap.itemId} ${id} en`).toContain(squash(p.summary_en));
				}
			}
			const pages = Number(text.match(/Page 1 of (\d+)/)![1]);
			expect(pages).toBeGreaterThan(3);
			expect(text).toContain(`第 ${pages} 页，共 ${pages} 页 / Page ${pages} of ${pages}`);

			const fonts = pdfFonts(pdf.bytes);
			const noto = fonts.split('\n').filter((l) => /NotoSansSC/.test(l));
			expect(noto.length).toBeGreaterThan(0);
			for (const line of noto) {
				expect(line).toMatch(/^[A-Z]{6}\+NotoSansSC/);
				expect(line).toMatch(/\byes\s+yes\s+yes\b/);
			}
			expect(fonts).not.toMatch(/Helvetica|Roboto/);
			expect(pdfPreview(pdf.bytes, 'report-both').length).toBe(2);
		},
		SLOW
	);

	it(
		'serves the same bytes for the same content and new ones after an answer changes',
		async () => {
			const { browser, base } = await assessedFirm();
			const first = await browser.download(`${base}/report.pdf?lang=en`);
			const again = await browser.download(`${base}/report.pdf?lang=en`);
			expect(again.headers.get('server-timing')).toContain('desc="cache"');
			expect(Buffer.from(again.bytes).equals(Buffer.from(first.bytes))).toBe(true);
			expect(pdfText(first.bytes)).toContain('Page 1 of');

			await saveAnswer(browser, base, 'LIC-002', 0, { status: 'partial', note: 'Fees reviewed' });
			const changed = await browser.download(`${base}/report.pdf?lang=en`);
			expect(changed.headers.get('server-timing')).not.toContain('desc="cache"');
			expect(Buffer.from(changed.bytes).equals(Buffer.from(first.bytes))).toBe(false);
			expect(pdfText(changed.bytes)).toContain('Fees reviewed');
		},
		SLOW
	);

	it(
		'prints a 5,000-character note with markup in it as plain text',
		async () => {
			const { browser, base } = await assessedFirm();
			const marker = '<script>alert(1)</script> {{x}} <b>not bold</b> ';
			const note = (marker + '注意'.repeat(20)).repeat(60).slice(0, 5000);
			expect(
				(await saveAnswer(browser, base, 'LIC-001', 1, { status: 'partial', note })).status
			).toBe(200);
			const pdf = await browser.download(`${base}/report.pdf?lang=zh`);
			expect(pdf.status).toBe(200);
			const flat = squash(pdfText(pdf.bytes));
			expect(flat).toContain(squash(marker + '注意'.repeat(20) + marker));
		},
		SLOW
	);

	it(
		'makes a valid report of an empty assessment: no profile, nothing answered',
		async () => {
			const browser = new Browser(undefined, { lang: 'en' });
			const { orgId } = await signUp(browser);
			const base = await startAssessment(browser, orgId);
			// The full edition: the one with the profile.
			const pdf = await browser.download(`${base}/report.pdf?lang=en&edition=full`);
			expect(pdf.status).toBe(200);
			const text = pdfText(pdf.bytes);
			expect(text).toContain('Not yet assessed');
			expect(text).toContain('The profile has not been filled in.');
			expect(text).toContain('Items not yet assessed');
			expect(text).toContain('No gaps');
		},
		SLOW
	);

	it(
		'names the consultancy on the cover and the client firm from the profile',
		async () => {
			const { browser, base } = await assessedFirm('consultancy');
			const pdf = await browser.download(`${base}/report.pdf?lang=zh`);
			const text = pdfText(pdf.bytes);
			expect(text).toContain('咨询机构');
			expect(text).toContain('浦江数科 (上海) 有限公司');
			expect(text).toContain(baseProfile.registered_name as string);
		},
		SLOW
	);

	it(
		'marks a draft on every page, and a finalised report names its reviewer and the sign-off date, unmarked',
		async () => {
			const browser = new Browser(undefined, { lang: 'en' });
			const { orgId } = await signUp(browser, { name: 'Zhou Qiang' });
			const base = await startAssessment(browser, orgId);
			const draft = await browser.download(`${base}/report.pdf?lang=en`);
			expect(pdfPages(draft.bytes)).toBeGreaterThan(3);
			expect(streamsFilling(draft.bytes, WATERMARK_COLOUR)).toBe(pdfPages(draft.bytes));
			expect(pdfText(draft.bytes)).not.toContain('Reviewer');

			expect((await browser.post(`${base}/review?/submit`, {})).status).toBe(200);
			expect((await browser.post(`${base}/review?/finalise`, FINALISE_OVER)).status).toBe(200);
			const final = await browser.download(`${base}/report.pdf?lang=en`);
			expect(streamsFilling(final.bytes, WATERMARK_COLOUR)).toBe(0);
			const cover = pagesText(final.bytes, 1, 1);
			expect(cover).toMatch(/Reviewer\s+Zhou Qiang/);
			const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
			expect(cover).toMatch(new RegExp(`Signed off\\s+${today}`));
			expect(cover).toContain('Final');
		},
		SLOW
	);

	it('answers 400 to a bad language and 404 to another organisation', async () => {
		const { base } = await assessedFirm();
		const { browser } = await assessedFirm();
		expect((await browser.download(`${base}/report.pdf?lang=fr`)).status).toBe(404);
		const owner = new Browser(undefined, { lang: 'en' });
		const { orgId } = await signUp(owner);
		const own = await startAssessment(owner, orgId);
		const bad = await owner.get(`${own}/report.pdf?lang=fr`);
		expect(bad.status).toBe(400);
		expect(bad.text).toContain('The lang parameter must be zh, en or both.');
		const badEdition = await owner.get(`${own}/report.pdf?lang=en&edition=long`);
		expect(badEdition.status).toBe(400);
		expect(badEdition.text).toContain('The edition parameter must be summary or full.');
		const full = await owner.download(`${own}/report.pdf?lang=en&edition=full`);
		expect(full.status).toBe(200);
		expect(pdfText(full.bytes)).toContain('Full edition');
		expect(full.headers.get('content-disposition')).toContain('-full.pdf');
		expect((await owner.download(`${base}/report.pdf?lang=both`)).status).toBe(404);
		expect((await owner.get(`${base}/print?lang=both`)).status).toBe(404);
	});
});

describe('print view', () => {
	it(
		'renders the same report model as HTML for printing',
		async () => {
			const { browser, base } = await assessedFirm();
			const page = await browser.get(`${base}/print?lang=both`);
			expect(page.status).toBe(200);
			expect(page.text).toContain('暂不评定');
			expect(page.text).toContain('Not yet assessed');
			expect(page.text).toContain('Lending without a licence');
			const lic = corpus.items.find((i) => i.id === 'LIC-001')!;
			const quote = corpus.provisions.find((p) => p.id === lic.provisions[0])!;
			expect(squash(page.text)).toContain(squash(quote.text_zh));
			expect(page.body).toContain('class="report"');
			// The executive summary and the items not yet assessed, as in the PDF.
			expect(page.text).toContain('主要风险');
			expect(page.text).toContain('Items not yet assessed');
			expect((await browser.get(`${base}/print?lang=xx`)).status).toBe(400);
		},
		SLOW
	);

	it('links the three downloads and the print view from the result page', async () => {
		const { browser, base } = await assessedFirm();
		const result = await browser.get(`${base}/result`);
		for (const lang of ['zh', 'en', 'both']) {
			expect(result.body).toContain(`href="${base}/report.pdf?lang=${lang}"`);
			expect(result.body).toContain(`href="${base}/report.pdf?lang=${lang}&amp;edition=full"`);
		}
		expect(result.body).toContain(`href="${base}/print?lang=`);
		expect(result.text).toContain('下载差距报告（PDF）');
	});
});
