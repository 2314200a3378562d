import { seedsCorpus } from '../../src/lib/corpus/seeds-corpus';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ReportInput } from '../../src/lib/domain/report-model';
import { renderReportDocx } from '../../src/lib/server/documents/docx/render-docx';
import { mixedAssessment, mixedReportModel } from '../helpers/report-fixture';

const corpus = seedsCorpus();
const mixed = mixedAssessment(corpus);

const model = (overrides: Partial<ReportInput> = {}) => mixedReportModel(corpus, overrides);

/** The Word file unzipped: its main part's XML, and the text of its runs, paragraph by paragraph. */
async function readDocx(input: Partial<ReportInput> = {}) {
	const m = model(input);
	const bytes = await renderReportDocx(m);
	const files = unzipSync(bytes);
	const xml = strFromU8(files['word/document.xml']!);
	const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
		[...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')
	);
	const headings = (level: number) =>
		[...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
			.filter((p) => p[0].includes(`<w:pStyle w:val="Heading${level}"/>`))
			.map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
	return { m, bytes, files, xml, text: paragraphs.join('\n'), headings };
}

const unescape = (s: string) =>
	s
		.replaceAll('&amp;', '&')
		.replaceAll('&lt;', '<')
		.replaceAll('&gt;', '>')
		.replaceAll('&quot;', '"');

describe('the Word report', { timeout: 60_000 }, () => {
	it('is a Word file whose sections are Heading 1 and gaps Heading 3, in the navigation pane', async () => {
		const { m, files, headings } = await readDocx();
		expect(files['[Content_Types].xml']).toBeDefined();
		expect(strFromU8(files['word/styles.xml']!)).toContain('w:styleId="Heading1"');
		const h1 = headings(1).map(unescape);
		for (const label of [
			m.labels.executiveSummary,
			m.labels.gapRegister,
			m.labels.actionPlan,
			m.labels.notAssessedTitle,
			m.labels.lawAnnex,
			m.methodology.title
		])
			expect(h1).toContain(label.main);
		expect(headings(2).map(unescape)).toContain(m.labels.byDomain.main);
		// One heading per gap, under the register: Word's navigation pane lists every gap.
		const gapHeadings = headings(3).filter((h) => /^\d+\. /.test(h));
		expect(gapHeadings.map((h) => h.split(' ')[1])).toEqual(m.gaps.map((g) => g.itemId));
	});

	it('sets the East Asian font on every run and real tables for the plan', async () => {
		const { xml, m } = await readDocx();
		const runs = [...xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((r) => r[1]!);
		expect(runs.length).toBeGreaterThan(200);
		const withText = runs.filter((r) => r.includes('<w:t'));
		for (const r of withText) expect(r).toMatch(/<w:rFonts [^>]*w:eastAsia="Microsoft YaHei"/);
		// The action plan, first actions, domains, not-yet-assessed, good practice: real tables.
		expect((xml.match(/<w:tbl>/g) ?? []).length).toBeGreaterThanOrEqual(5);
		expect(xml).toContain('<w:tblHeader/>');
		// Every action is a row of the plan, with its owner.
		for (const a of m.actions.filter((a) => a.owner)) expect(unescape(xml)).toContain(a.owner!);
	});

	it('says what the PDF says: the firm, the top risks, each provision quoted once, the state', async () => {
		const { m, text } = await readDocx();
		const plain = unescape(text);
		expect(plain).toContain(m.cover.firm);
		expect(plain).toContain(m.executive.topRisks[0]!.main);
		expect(m.lawAnnex.length).toBeGreaterThan(0);
		for (const { quote } of m.lawAnnex) {
			const count = plain.split(quote.textZh).length - 1;
			expect(count, quote.id).toBe(1);
		}
		// A draft is marked as such in every page's header.
		const { files } = await readDocx();
		const headers = Object.keys(files).filter((f) => /^word\/header\d+\.xml$/.test(f));
		expect(headers.map((h) => strFromU8(files[h]!)).join('')).toContain(m.state.watermark!);
	});

	it('a final report carries no draft marking and names the reviewer', async () => {
		const { files, text, m } = await readDocx({
			state: 'final',
			signOff: { reviewer: '审核人 李明', date: '2026-11-30' }
		});
		expect(m.state.watermark).toBeNull();
		const draft = model().state.watermark!;
		const headers = Object.keys(files).filter((f) => /^word\/header\d+\.xml$/.test(f));
		expect(headers.map((h) => strFromU8(files[h]!)).join('')).not.toContain(draft);
		expect(text).toContain('审核人 李明');
	});

	it('prints the full edition’s answers and both languages in a bilingual report', async () => {
		const summary = await readDocx({ lang: 'both' });
		const full = await readDocx({ lang: 'both', edition: 'full' });
		const appendix = full.m.labels.appendixAnswers;
		expect(full.headings(1).map(unescape).join('\n')).toContain(appendix.main);
		expect(summary.headings(1).map(unescape).join('\n')).not.toContain(appendix.main);
		expect(summary.text).toContain(summary.m.labels.gapRegister.alt!);
		expect(full.xml.length).toBeGreaterThan(summary.xml.length);
		const en = await readDocx({ lang: 'en' });
		expect(en.headings(1)).toContain(en.m.labels.gapRegister.main);
		expect(strFromU8(en.files['word/styles.xml']!)).toMatch(
			/<w:lang w:val="en-US" w:eastAsia="zh-CN"\/>/
		);
		expect(en.text).not.toContain('：');
	});

	it('keeps characters XML cannot hold out of the file', async () => {
		const answers = mixed.answers.map((a, i) => (i === 0 ? { ...a, note: 'a\u0001b\u0008c' } : a));
		const { xml } = await readDocx({ answers, edition: 'full' });
		expect(xml.includes('\u0001') || xml.includes('\u0008')).toBe(false);
		expect(xml).toContain('abc');
	});
});
