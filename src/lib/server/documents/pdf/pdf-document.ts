import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { ReportModel } from '../../../domain/report-model';
import { changesSection } from './pdf-changes';
import { cover, executiveSummary } from './pdf-cover';
import { gapRegister, lawAnnex } from './pdf-gaps';
import { evidenceAnnex } from './pdf-annex';
import { supportSection } from './pdf-support';
import {
	actionPlan,
	appendix,
	disclaimer,
	methodologySection,
	notApplicable,
	notAssessed,
	profile
} from './pdf-tables';
import { FONT_FAMILY } from './fonts';
import { watermarkBackground } from './pdf-watermark';
import { colours, inline, styles } from './pdf-text';
import { textRuns } from './text-runs';

function pageOf(model: ReportModel, page: number, pages: number): string {
	return inline(model.labels.pageOf)
		.replaceAll('{page}', String(page))
		.replaceAll('{pages}', String(pages));
}

/** The PDF as pdfmake describes it: every word comes from the model, nothing from the clock. */
export function reportDocument(model: ReportModel): TDocumentDefinitions {
	const created = new Date(model.meta.createdAt);
	const full = model.edition === 'full';
	// Summary edition: summary, gap register, action plan, items not assessed, the support measures
	// as a short list, method, law annex, evidence annex. The full edition quotes the support
	// measures and adds every answer, the excluded items with reasons and the profile.
	const content: Content[] = [
		cover(model),
		executiveSummary(model),
		changesSection(model),
		gapRegister(model),
		actionPlan(model),
		notAssessed(model),
		supportSection(model),
		...(full ? [notApplicable(model), profile(model), appendix(model)] : []),
		methodologySection(model),
		lawAnnex(model),
		evidenceAnnex(model),
		disclaimer(model)
	];
	return {
		pageSize: 'A4',
		pageMargins: [48, 56, 48, 52],
		language: model.lang === 'en' ? 'en' : 'zh-CN',
		// Viewers show the title, not the file name, and open the bookmarks pane.
		displayTitle: true,
		// A draft or a report in review is marked across every page; a final one is not.
		background: watermarkBackground(model.state.watermark),
		info: {
			title: model.meta.title,
			subject: inline(model.labels.title),
			author: model.cover.assessor ?? model.cover.consultancy ?? undefined,
			creator: inline(model.labels.appName),
			producer: 'pdfmake',
			creationDate: created,
			modDate: created
		},
		defaultStyle: { font: FONT_FAMILY, fontSize: 9.5, lineHeight: 1.25, color: colours.ink },
		styles,
		header: (page) =>
			page === 1
				? null
				: {
						// In runs, as other short texts: pdfmake would otherwise measure and style each
						// Chinese character of the running header on its own, on every page.
						columns: [
							{ text: textRuns(`${model.cover.firm} · ${model.cover.date}`), width: '*' },
							{
								text: textRuns(`${inline(model.labels.title)} · ${inline(model.cover.state)}`),
								width: 'auto'
							}
						],
						fontSize: 7.5,
						color: colours.muted,
						margin: [48, 24, 48, 0]
					},
		footer: (page, pages) => ({
			text: textRuns(pageOf(model, page, pages)),
			alignment: 'center',
			fontSize: 7.5,
			color: colours.muted,
			margin: [0, 18, 0, 0]
		}),
		content
	};
}
