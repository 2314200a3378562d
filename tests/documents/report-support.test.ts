import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { seedsCorpus } from '../../src/lib/corpus/seeds-corpus';
import type { Corpus } from '../../src/lib/domain/corpus';
import { SUPPORT_MEASURES } from '../../src/lib/domain/pack-annexes';
import type { ReportInput, ReportModel } from '../../src/lib/domain/report-model';
import { renderReportDocx } from '../../src/lib/server/documents/docx/render-docx';
import { renderReportPdf } from '../../src/lib/server/documents/pdf/render-pdf';
import { mixedProfile, mixedReportModel } from '../helpers/report-fixture';
import { pdfText, squash } from '../helpers/pdf';

/**
 * The support measures (政策支持措施) in the gap report (issue 20): what the firm may apply for,
 * beside its gaps. A technology company in Lingang with cross-border data gets the measures the
 * filing pack matches, Lingang's data rules among them; the summary edition lists them by citation
 * and gist, the full edition quotes each verbatim; one that is policy background only says so.
 */
const corpus = seedsCorpus();
const lingang = { ...mixedProfile, ftz_lingang: true, cross_border_data: true };
const local = { ...mixedProfile, ftz_lingang: false, cross_border_data: false };

const provision = (c: Corpus, id: string) => c.provisions.find((p) => p.id === id)!;
const model = (overrides: Partial<ReportInput> = {}) =>
	mixedReportModel(corpus, { profile: lingang, ...overrides });

const HEADING = { zh: '可申请的政策支持措施', en: 'Support measures the firm may apply for' };
const BACKGROUND = { zh: '仅作政策背景', en: 'Policy background only' };
// Lingang's data rules: matched for a firm in the FTZ or with cross-border data only.
const LINGANG_ID = 'ifcr2024.a28';
const LINGANG_QUOTE = provision(corpus, LINGANG_ID).text_zh;

/** The text of one section of a PDF: from its heading to the next heading given. */
function between(text: string, from: string, to: string): string {
	const start = text.indexOf(from);
	expect(start, `heading ${from}`).toBeGreaterThanOrEqual(0);
	const end = text.indexOf(to, start + from.length);
	return text.slice(start, end < 0 ? undefined : end);
}

async function pdf(m: ReportModel): Promise<string> {
	return pdfText(await renderReportPdf(m));
}

async function docx(m: ReportModel): Promise<string> {
	const xml = strFromU8(unzipSync(await renderReportDocx(m))['word/document.xml']!);
	return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
		.map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))
		.join('\n')
		.replaceAll('&apos;', "'")
		.replaceAll('&quot;', '"')
		.replaceAll('&amp;', '&');
}

describe('the support measures in the gap report', { timeout: 120_000 }, () => {
	it("matches the filing pack's measures to the profile: Lingang's data rules only where they apply", () => {
		const ids = (m: ReportModel) => m.support.map((s) => s.quote.id);
		const here = model();
		expect(ids(here)).toContain(LINGANG_ID);
		expect(ids(model({ profile: local }))).not.toContain(LINGANG_ID);
		expect(ids(here)).toEqual(
			SUPPORT_MEASURES.map((s) => s.provision)
				.filter((id) => id !== 'ifo2014.c10')
				.concat('ifo2014.c10')
		);
		for (const s of here.support)
			expect(s.quote.textZh).toBe(provision(corpus, s.quote.id).text_zh);
		// The 2014 opinions' measure is background only, from the corpus's standing data, and last.
		expect(here.support.filter((s) => s.background).map((s) => s.quote.id)).toEqual([
			'ifo2014.c10'
		]);
	});

	it('quotes every measure verbatim with its citation and force in the full edition (zh PDF)', async () => {
		const m = model({ edition: 'full' });
		const text = squash(await pdf(m));
		const section = between(text, squash(HEADING.zh), squash(m.labels.notApplicable.main));
		expect(section).toContain(squash('它们约束的是政府部门而非本机构'));
		for (const s of m.support) {
			expect(section).toContain(squash(s.quote.textZh));
			expect(section).toContain(squash(s.quote.citation));
		}
		expect(section).toContain(squash('背景性（描述政策或政府职责，不对机构设定义务）'));
		expect(section).toContain(squash(`${BACKGROUND.zh}：出自 2014-08-04 印发的文件`));
		expect(section).toContain(squash('不是本机构现在可以申请的措施'));
	});

	it('lists the measures by citation and gist in the summary edition, pointing to the full one for the quotes', async () => {
		const m = model();
		const text = squash(await pdf(m));
		const section = between(text, squash(HEADING.zh), squash(m.methodology.title.main));
		expect(section).toContain(squash('逐字引文见完整版报告'));
		expect(section).toContain(squash(`1.${m.support[0]!.citation.main}`));
		expect(section).toContain(squash('上海市推进国际金融中心建设条例第二十八条'));
		expect(section).toContain(squash(BACKGROUND.zh));
		// Gists, not the whole text: Lingang's 100-character clause is clipped.
		expect(section).not.toContain(squash(LINGANG_QUOTE));
		expect(section).toContain(squash(LINGANG_QUOTE.slice(0, 30)));
	});

	it('reads as English only in an English summary, and in both languages in a bilingual one', async () => {
		const en = model({ lang: 'en' });
		// The running header names the firm as registered, in Chinese: not the section's words.
		const section = between(await pdf(en), HEADING.en, en.methodology.title.main)
			.split('\n')
			.filter((line) => !line.includes(`${en.cover.firm} · `))
			.join('\n');
		expect(section).toContain(BACKGROUND.en);
		expect(squash(section)).toContain(squash('not a measure the firm can apply for today'));
		expect(section).toMatch(/Lingang/);
		expect(section).not.toMatch(/\p{Script=Han}/u);
		const both = model({ lang: 'both' });
		const text = squash(await pdf(both));
		expect(text).toContain(squash(HEADING.zh));
		expect(text).toContain(squash(HEADING.en));
		expect(text).toContain(squash(`${BACKGROUND.zh}：`));
		expect(text).toContain(squash(`${BACKGROUND.en}:`));
	});

	it('is a Heading 1 section of the Word file, quoted in full, listed in the summary', async () => {
		const full = await docx(model({ edition: 'full' }));
		expect(full).toContain(HEADING.zh);
		expect(full).toContain(LINGANG_QUOTE);
		expect(full).toContain(`${BACKGROUND.zh}：`);
		const en = await docx(model({ lang: 'en' }));
		expect(en).toContain(HEADING.en);
		expect(en).toContain('the full edition quotes it verbatim');
		expect(en).toContain(BACKGROUND.en);
		expect(en).not.toContain(LINGANG_QUOTE);
	});

	it('marks a superseded measure as policy background, naming what superseded it, after the others', async () => {
		const superseded: Corpus = {
			...corpus,
			provisions: corpus.provisions.map((p) =>
				p.id === 'ftap2024.c29'
					? { ...p, status: 'superseded', superseded_by: 'ifcr2024.a39.p3' }
					: p
			)
		};
		const m = mixedReportModel(superseded, { profile: lingang, edition: 'full' });
		const marked = m.support.filter((s) => s.background).map((s) => s.quote.id);
		expect(marked).toEqual(['ftap2024.c29', 'ifo2014.c10']);
		expect(m.support.slice(-2).map((s) => s.quote.id)).toEqual(marked);
		const text = squash(await pdf(m));
		expect(text).toContain(
			squash(`${BACKGROUND.zh}：已被上海市推进国际金融中心建设条例第三十九条第三款取代`)
		);
		const en = await docx(
			mixedReportModel(superseded, { profile: lingang, lang: 'en', edition: 'full' })
		);
		expect(en).toMatch(/Policy background only: Superseded by .*Article 39/);
	});

	it('says so when no measure matches, in the PDF and the Word file', async () => {
		const ids = new Set(SUPPORT_MEASURES.map((s) => s.provision));
		const none: Corpus = { ...corpus, provisions: corpus.provisions.filter((p) => !ids.has(p.id)) };
		const m = mixedReportModel(none, { profile: lingang });
		expect(m.support).toEqual([]);
		const text = squash(await pdf(m));
		expect(text).toContain(squash(HEADING.zh));
		expect(text).toContain(squash('来源文件中没有与之匹配的政策支持措施'));
		expect(await docx(mixedReportModel(none, { profile: lingang, lang: 'en' }))).toContain(
			"No support measure in the product's sources matches this firm's profile."
		);
	});
});
