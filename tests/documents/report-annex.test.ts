import { seedsCorpus } from '../../src/lib/corpus/seeds-corpus';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type {
	ReportCommentInput,
	ReportEvidenceFileInput
} from '../../src/lib/domain/report-annex';
import type { ReportInput, ReportModel } from '../../src/lib/domain/report-model';
import type { ReportLang } from '../../src/lib/domain/report-text';
import { renderReportDocx } from '../../src/lib/server/documents/docx/render-docx';
import { renderReportPdf } from '../../src/lib/server/documents/pdf/render-pdf';
import {
	estimateTypedTextPages,
	TYPED_TEXT_PAGE_BUDGET
} from '../../src/lib/server/documents/pdf/page-budget';
import { pdfFonts, pdfText, squash, withFile } from '../helpers/pdf';
import { mixedReportModel } from '../helpers/report-fixture';

/**
 * The evidence annex (issue 18) and the optional review comments (issue 17), rendered as PDF and
 * Word and read back: every file with its whole SHA-256, in each report language; comments only
 * when asked for; direction controls stored before input refused them never printed.
 */
const corpus = seedsCorpus();
const base = mixedReportModel(corpus);
const gapItem = base.gaps[0]!.itemId;
const otherItem = base.gaps[1]!.itemId;

const HASH_A = 'a3f1c2e4b5d697881234567890abcdef0fedcba9876543210aabbccddeeff001';
const HASH_B = '0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c';
const HASH_OLD = 'ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff';

const files: ReportEvidenceFileInput[] = [
	{
		itemId: gapItem,
		lineageId: 'l1',
		version: 1,
		fileName: '数据安全管理制度-旧.pdf',
		size: 1000,
		sha256: HASH_OLD,
		uploaderName: '张敏',
		uploadedAt: '2026-10-01T02:00:00Z',
		effectiveOn: '2026-10-01',
		expiresOn: null,
		reviewStatus: 'rejected',
		needsReconfirmation: false
	},
	{
		itemId: gapItem,
		lineageId: 'l1',
		version: 2,
		// A right-to-left override stored before uploads refused it: "exe.pdf" must not be printed reversed.
		fileName: '数据安全管理制度\u202e-v2.pdf',
		size: 1_288_490,
		sha256: HASH_A,
		uploaderName: '张敏\u2066',
		uploadedAt: '2026-11-20T17:30:00Z',
		effectiveOn: '2026-11-21',
		expiresOn: '2026-11-30',
		reviewStatus: 'accepted',
		needsReconfirmation: false
	},
	{
		itemId: otherItem,
		lineageId: 'l2',
		version: 1,
		fileName: 'Penetration test report 2026.docx',
		size: 52_000,
		sha256: HASH_B,
		uploaderName: 'Li Lei',
		uploadedAt: '2026-11-02T01:00:00Z',
		effectiveOn: '2026-11-01',
		expiresOn: '2027-11-01',
		reviewStatus: 'pending',
		needsReconfirmation: true
	}
];

const comments: ReportCommentInput[] = [
	{
		itemId: gapItem,
		authorName: '王芳',
		body: '请补充董事会批准\u202e记录。\u0007',
		createdAt: '2026-11-21T03:00:00Z'
	},
	{
		itemId: gapItem,
		authorName: 'Reviewer Two',
		body: 'Board minutes received; pending signature.',
		createdAt: '2026-11-22T03:00:00Z'
	}
];

const model = (lang: ReportLang, overrides: Partial<ReportInput> = {}): ReportModel =>
	mixedReportModel(corpus, { lang, evidenceFiles: files, ...overrides });

async function docxText(m: ReportModel): Promise<{ xml: string; text: string }> {
	const xml = strFromU8(unzipSync(await renderReportDocx(m))['word/document.xml']!);
	const text = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
		.map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))
		.join('\n');
	return { xml, text };
}

/** The PDF's pages as text, one string a page. */
function pdfPagesText(bytes: Uint8Array): string[] {
	return pdfText(bytes).split('\f');
}

describe('the evidence annex', { timeout: 120_000 }, () => {
	it('lists the latest version of each file by item, with its whole hash, in every language', async () => {
		for (const lang of ['zh', 'en', 'both'] as const) {
			const m = model(lang);
			expect(m.evidenceAnnex.map((i) => i.itemId)).toEqual(
				[gapItem, otherItem].sort(
					(a, b) =>
						corpus.items.findIndex((i) => i.id === a) - corpus.items.findIndex((i) => i.id === b)
				)
			);
			const bytes = await renderReportPdf(m);
			const pages = pdfPagesText(bytes);
			const annexAt = pages.findIndex((p) => p.includes(m.labels.evidenceAnnex.main));
			expect(annexAt, `${lang}: the annex has its page`).toBeGreaterThan(0);
			const annex = squash(pages.slice(annexAt).join('\n'));
			// Each file: name, size, uploader, dates, decision, the whole SHA-256.
			expect(annex).toContain(squash('数据安全管理制度-v2.pdf'));
			expect(annex).toContain(squash('1.2 MB'));
			// Uploaded at 17:30 UTC: the 21st in Shanghai.
			expect(annex).toContain(squash(lang === 'en' ? '张敏, 2026-11-21' : '张敏，2026-11-21'));
			expect(annex).toContain(squash('2026-11-30'));
			expect(annex).toContain(HASH_A);
			expect(annex).toContain(HASH_B);
			expect(annex).toContain(squash('Penetration test report 2026.docx'));
			// Superseded versions are not listed.
			expect(annex).not.toContain(HASH_OLD);
			const en = lang === 'en';
			expect(annex).toContain(squash(en ? 'Accepted' : '已接受'));
			expect(annex).toContain(squash(en ? 'Not reviewed' : '待复核'));
			// Expired on the report's day (2026-12-01), and carried over to be re-confirmed.
			expect(annex).toContain(squash(en ? 'expired' : '已过期'));
			expect(annex).toContain(squash(en ? 'to be re-confirmed' : '待重新确认'));
			if (lang === 'both') expect(annex).toContain(squash('SHA-256'));
			// No direction control anywhere in the file's text.
			expect(pdfText(bytes)).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);

			const docx = await docxText(m);
			expect(docx.text).toContain(HASH_A);
			expect(docx.text).toContain(HASH_B);
			expect(docx.text).toContain('数据安全管理制度-v2.pdf');
			expect(docx.text).not.toContain(HASH_OLD);
			expect(docx.xml).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
			// The hash is set in a monospace face.
			expect(docx.xml).toMatch(
				new RegExp(`<w:rFonts w:ascii="Consolas"[^>]*/>[\\s\\S]{0,200}<w:t[^>]*>${HASH_A}</w:t>`)
			);
			expect(docx.text).toContain(m.labels.evidenceAnnex.main);
		}
	});

	it('embeds the monospace face for the hash, and leaves the annex out when no file was uploaded', async () => {
		const bytes = await renderReportPdf(model('zh'));
		expect(pdfFonts(bytes)).toMatch(/DMMono/);
		const none = model('en', { evidenceFiles: [] });
		expect(none.evidenceAnnex).toEqual([]);
		const text = pdfText(await renderReportPdf(none));
		expect(text).not.toContain(none.labels.evidenceAnnex.main);
		expect(pdfFonts(await renderReportPdf(none))).not.toMatch(/DMMono/);
		expect((await docxText(none)).text).not.toContain(none.labels.evidenceAnnex.main);
	});

	it('leaves the review comments out by default and prints them with their gap when asked', async () => {
		const without = model('zh', { comments: comments });
		expect(without.commentsIncluded).toBe(true);
		const plain = model('zh');
		expect(plain.commentsIncluded).toBe(false);
		expect(plain.gaps.every((g) => g.comments.length === 0)).toBe(true);
		const plainText = squash(pdfText(await renderReportPdf(plain)));
		expect(plainText).not.toContain(squash('请补充董事会批准记录'));
		expect(plainText).not.toContain(squash(plain.labels.reviewComments.main));

		for (const lang of ['zh', 'en', 'both'] as const) {
			const m = model(lang, { comments });
			const gap = m.gaps.find((g) => g.itemId === gapItem)!;
			expect(gap.comments.map((c) => c.text)).toEqual([
				'请补充董事会批准记录。',
				'Board minutes received; pending signature.'
			]);
			// The byline is in the report's language; the comment's own text is never translated.
			expect(gap.comments[0]!.byline).toBe(lang === 'en' ? '王芳, 2026-11-21' : '王芳，2026-11-21');
			const text = squash(pdfText(await renderReportPdf(m)));
			expect(text).toContain(squash(m.labels.reviewComments.main));
			expect(text).toContain(squash('请补充董事会批准记录。'));
			expect(text).toContain(squash('Board minutes received; pending signature.'));
			expect(text).toContain(squash(gap.comments[1]!.byline));
			const docx = await docxText(m);
			expect(docx.text).toContain('请补充董事会批准记录。');
			expect(docx.text).toContain(gap.comments[0]!.byline);
			expect(docx.xml).not.toContain('\u0007');
		}
	});

	it('counts included comments and annexed files against the typed-text page budget', () => {
		const long = '请补充董事会批准记录并说明整改时间表'.repeat(300).slice(0, 5000);
		const many: ReportCommentInput[] = Array.from({ length: 60 }, (_, i) => ({
			itemId: gapItem,
			authorName: '王芳',
			body: long,
			createdAt: `2026-11-${String((i % 28) + 1).padStart(2, '0')}T03:00:00Z`
		}));
		const without = estimateTypedTextPages(model('zh', { comments: null }));
		const withMany = estimateTypedTextPages(model('zh', { comments: many }));
		expect(without.pages).toBeLessThanOrEqual(TYPED_TEXT_PAGE_BUDGET);
		expect(withMany.pages).toBeGreaterThan(TYPED_TEXT_PAGE_BUDGET);
		expect(withMany.longest[0]!.itemId).toBe(gapItem);
		const manyFiles = Array.from({ length: 300 }, (_, i) => ({
			...files[2]!,
			lineageId: `many-${i}`,
			fileName: `${'扫描件'.repeat(60)}-${i}.pdf`
		}));
		expect(estimateTypedTextPages(model('zh', { evidenceFiles: manyFiles })).pages).toBeGreaterThan(
			without.pages + 20
		);
	});

	it('renders the annex and a gap with comments to PNG for people to look at', async () => {
		const dir = path.resolve('tests/artifacts');
		fs.mkdirSync(dir, { recursive: true });
		for (const lang of ['zh', 'en', 'both'] as const) {
			const bytes = await renderReportPdf(model(lang, { comments }));
			const pages = pdfPagesText(bytes);
			const m = model(lang);
			const annexPage = pages.findIndex((p) => p.includes(m.labels.evidenceAnnex.main)) + 1;
			const gapPage =
				pages.findIndex((p) => squash(p).includes(squash('Board minutes received'))) + 1;
			for (const [name, page] of [
				['annex', annexPage],
				['comments', gapPage]
			] as const) {
				expect(page).toBeGreaterThan(0);
				const prefix = path.join(dir, `report-${name}-${lang}`);
				withFile(bytes, (file) =>
					execFileSync('pdftoppm', [
						'-png',
						'-r',
						'50',
						'-f',
						String(page),
						'-l',
						String(page),
						'-singlefile',
						file,
						prefix
					])
				);
				expect(fs.statSync(`${prefix}.png`).size).toBeGreaterThan(5_000);
			}
		}
	});
});
