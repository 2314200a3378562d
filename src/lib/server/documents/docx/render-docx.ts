import { evidenceAnnex } from './docx-annex';
import { supportSection } from './docx-support';
import {
	AlignmentType,
	Document,
	Footer,
	Header,
	Packer,
	PageNumber,
	Paragraph,
	TextRun
} from 'docx';
import type { ReportModel } from '../../../domain/report-model';
import { inlineText as inline } from '../../../domain/report-text';
import { xmlSafe } from '../xml-text';
import { cover, executiveSummary } from './docx-summary';
import {
	actionPlan,
	changes,
	disclaimer,
	fullEditionParts,
	gapRegister,
	lawAnnex,
	methodology,
	notAssessed
} from './docx-sections';
import { A4, documentStyles, FONT, runs, size, tone } from './docx-text';

/**
 * The report as an editable Word document, from the same model as the PDF, with the same sections
 * in the same order per edition. A draft or a report in review says so in every page's header (the
 * PDF's watermark): a consultant may edit the words, not lose the state.
 */
export function reportDocx(model: ReportModel): Document {
	const full = model.edition === 'full';
	const lang = model.lang === 'en' ? 'en-US' : 'zh-CN';
	const headerText = [
		`${model.cover.firm} · ${model.cover.date}`,
		`${inline(model.labels.title)} · ${inline(model.cover.state)}`,
		...(model.state.watermark ? [model.state.watermark] : [])
	].join('  ·  ');
	const [before, after] = inline(model.labels.pageOf).split('{page}');
	const [middle, end] = (after ?? '').split('{pages}');
	const pageNumber = (type: (typeof PageNumber)[keyof typeof PageNumber]) =>
		new TextRun({ children: [type], font: FONT, size: size.small, color: tone.muted });
	const footerRun = (text: string | undefined) =>
		runs(text ?? '', { size: size.small, color: tone.muted });
	return new Document({
		// The core properties, as any text: no control or direction character (a stored title may hold one).
		title: xmlSafe(model.meta.title),
		subject: xmlSafe(inline(model.labels.title)),
		creator: xmlSafe(
			model.cover.assessor ?? model.cover.consultancy ?? inline(model.labels.appName)
		),
		styles: documentStyles(lang),
		sections: [
			{
				properties: { titlePage: true, page: { size: A4 } },
				headers: {
					default: new Header({
						children: [
							new Paragraph({ children: runs(headerText, { size: size.small, color: tone.muted }) })
						]
					}),
					first: new Header({ children: [new Paragraph({ children: [] })] })
				},
				footers: {
					default: new Footer({
						children: [
							new Paragraph({
								alignment: AlignmentType.CENTER,
								children: [
									...footerRun(before),
									pageNumber(PageNumber.CURRENT),
									...footerRun(middle),
									pageNumber(PageNumber.TOTAL_PAGES),
									...footerRun(end)
								]
							})
						]
					})
				},
				children: [
					...cover(model),
					...executiveSummary(model),
					...changes(model),
					...gapRegister(model),
					...actionPlan(model),
					...notAssessed(model),
					...supportSection(model),
					...(full ? fullEditionParts(model) : []),
					...methodology(model),
					...lawAnnex(model),
					...evidenceAnnex(model),
					...disclaimer(model)
				]
			}
		]
	});
}

/** The Word file's bytes. */
export async function renderReportDocx(model: ReportModel): Promise<Uint8Array> {
	return new Uint8Array(await Packer.toBuffer(reportDocx(model)));
}
