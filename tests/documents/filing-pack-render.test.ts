import { seedsCorpus } from '../../src/lib/corpus/seeds-corpus';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { PackModel } from '../../src/lib/domain/filing-pack';
import { renderPackDocx } from '../../src/lib/server/documents/pack/pack-docx';
import { renderPackPdf } from '../../src/lib/server/documents/pack/pack-pdf';
import { firmPack, packFirms, sampleVoice } from '../helpers/pack-fixture';
import { pdfText, squash } from '../helpers/pdf';

const corpus = seedsCorpus();

const unescape = (s: string) =>
	s
		.replaceAll('&amp;', '&')
		.replaceAll('&lt;', '<')
		.replaceAll('&gt;', '>')
		.replaceAll('&quot;', '"');

/** The Word file's paragraphs as text, and its Heading 1 paragraphs. */
function readDocx(bytes: Uint8Array) {
	const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
	const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => ({
		heading1: p[0].includes('<w:pStyle w:val="Heading1"/>'),
		text: unescape([...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))
	}));
	return {
		text: paragraphs.map((p) => p.text).join('\n'),
		headings: paragraphs.filter((p) => p.heading1).map((p) => p.text)
	};
}

/** What each rendering must show: every section, its blockers, every statement's id and trace. */
function expectWholePack(pack: PackModel, text: string, compare: (s: string) => string = (s) => s) {
	const t = compare(text);
	for (const s of pack.sections) {
		expect(t).toContain(compare(s.title));
		for (const b of s.blockers) expect(t).toContain(compare(b.itemId));
		for (const st of s.statements) expect(t).toContain(compare(`[${st.id}]`));
	}
	// The annex traces every statement that says something.
	const traced = new Set(pack.trace.map((r) => r.statement));
	for (const s of pack.sections)
		for (const st of s.statements)
			if (st.text !== null) expect(traced.has(st.id), st.id).toBe(true);
	for (const r of pack.trace.slice(0, 40)) expect(t).toContain(compare(r.reference));
}

describe('the filing pack, rendered and read back', { timeout: 120_000 }, () => {
	for (const [key, firm] of Object.entries(packFirms)) {
		const pack = firmPack(corpus, firm);

		it(`${key}: the Word file has every section as Heading 1, the blockers and the trace annex`, async () => {
			const { text, headings } = readDocx(await renderPackDocx(pack));
			expect(headings).toEqual([
				...pack.sections.map((s, i) => `${'一二三四五六七'[i]}、${s.title}`),
				'附件清单',
				'退出评估准备',
				'可申请的政策支持措施',
				'附录：来源追溯'
			]);
			expect(text).toContain('JR/T 0198-2020');
			expect(text).toContain('未经核实');
			expectWholePack(pack, text);
			expect(pack.sections.some((s) => s.blockers.length > 0)).toBe(true);
		});

		it(`${key}: the PDF has the same sections, blockers and trace`, async () => {
			const text = pdfText(await renderPackPdf(pack));
			expect(squash(text)).toContain(squash('JR/T 0198-2020'));
			expectWholePack(pack, text, squash);
		});
	}

	it("quotes the consultant's text in its sections and traces it to its author and version in both formats", async () => {
		const plain = firmPack(corpus, packFirms.bank);
		const gap = plain.sections.flatMap((s) => s.blockers).find((b) => b.status !== 'unanswered')!;
		const voice = sampleVoice(gap.itemId);
		const pack = firmPack(corpus, packFirms.bank, { voice });
		const docx = readDocx(await renderPackDocx(pack)).text;
		const pdf = squash(pdfText(await renderPackPdf(pack)));
		for (const s of [
			'总体意见（顾问撰写）：总体看，风险补偿机制尚待落实，建议推迟申报。',
			'评估范围与局限（顾问撰写）：We reviewed policies only; no systems were tested.',
			`${gap.itemId} 顾问观察：制度已起草，待董事会批准。`,
			'总体意见（顾问撰写） · 第 3 版 · 王顾问 · 2026-12-01',
			`顾问观察 · ${gap.itemId} · 第 2 版 · 李顾问 · 2026-11-29`
		]) {
			expect(docx).toContain(s);
			expect(pdf).toContain(squash(s));
		}
		expectWholePack(pack, docx);
	});

	it('marks what the pack form leaves empty as to be completed in both formats', async () => {
		const pack = firmPack(corpus, packFirms.techProduct);
		const docx = readDocx(await renderPackDocx(pack)).text;
		expect(docx).toMatch(/服务渠道：待补充/);
		expect(squash(pdfText(await renderPackPdf(pack)))).toContain(squash('服务渠道：待补充'));
	});

	it('renders an English working translation on request', async () => {
		const pack = firmPack(corpus, packFirms.joint, { lang: 'en' });
		const text = pdfText(await renderPackPdf(pack));
		expect(squash(text)).toContain(squash('English working translation'));
		expect(squash(text)).toContain(squash('Licensed partner (joint application)'));
		expect(readDocx(await renderPackDocx(pack)).headings[0]).toBe('1. Service information');
	});

	it('leaves the trace, blockers and evidence out of the public-notice version', async () => {
		const pack = firmPack(corpus, packFirms.bank, { edition: 'public' });
		const { text, headings } = readDocx(await renderPackDocx(pack));
		expect(headings).not.toContain('附录：来源追溯');
		// No blockers heading (the note on the first page names what is left out).
		expect(text.split('\n')).not.toContain('阻碍项');
		expect(text).not.toContain('-制度.pdf');
		const pdf = pdfText(await renderPackPdf(pack));
		expect(pdf.split('\n').map((l) => l.trim())).not.toContain('阻碍项');
		expect(pdf).toContain('公示版');
	});
});
