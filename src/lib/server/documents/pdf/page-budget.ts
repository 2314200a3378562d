import type { ReportModel } from '../../../domain/report-model';
import { fileLines } from '../../../domain/report-annex';
import { sizes } from './pdf-text';
import { columnWidths, CONTENT_WIDTH } from './typeset';

/**
 * The most pages the text people typed (notes, evidence, owners, review comments when included,
 * evidence files) may fill in one report. The rest of a report is the questionnaire's own text,
 * bounded by the corpus (about 230 pages in both languages with every item); what people type is
 * bounded only per field (a note up to 5,000 characters, about 10 pages when Chinese, 5 when
 * English), so 30 such notes gave reports of hundreds of pages. A report over the budget is refused
 * before it is rendered, naming the items whose text is longest.
 */
export const TYPED_TEXT_PAGE_BUDGET = 100;

/** The text column's height on an A4 page less the margins (pdf-document.ts: 56 top, 52 bottom). */
const PAGE_HEIGHT = 841.89 - 56 - 52;
// pdfmake's lineHeight (1.25) times the font's own line height (Noto Sans SC: ascent + descent ≈ 1.45 em).
const LINE_HEIGHT = 1.25 * 1.45;
/** Where the report sets typed text (pdf-gaps.ts and pdf-tables.ts' appendix). */
const GAP_FIELD_WIDTH = CONTENT_WIDTH - 90 - 6;
const APPENDIX = columnWidths([44, '*', 54, 130, 52, 50]);

export interface TypedTextEstimate {
	pages: number;
	/** Items whose typed text takes the most room, longest first. */
	longest: { itemId: string; pages: number }[];
}

/**
 * How many pages the typed text of a report takes, estimated from character widths without the
 * fonts (the request thread never loads them): a Chinese or full-width character is an em wide,
 * anything else about half of one, which is wider than most Latin letters, so the estimate errs
 * towards more pages. Each paragraph starts a line.
 */
export function estimateTypedTextPages(model: ReportModel): TypedTextEstimate {
	const byItem = new Map<string, number>();
	const add = (itemId: string, points: number) =>
		byItem.set(itemId, (byItem.get(itemId) ?? 0) + points);
	for (const gap of model.gaps) {
		add(
			gap.itemId,
			height(gap.note, GAP_FIELD_WIDTH, sizes.body) +
				height(gap.evidence.join('\n'), GAP_FIELD_WIDTH, sizes.body) +
				height(gap.owner ?? '', GAP_FIELD_WIDTH, sizes.body) +
				// The consultant's observation, set across the page in both languages when given.
				height(
					[gap.observation?.main ?? '', gap.observation?.alt ?? ''].join('\n'),
					CONTENT_WIDTH,
					sizes.body
				) +
				// Review comments, when the consultant included them: a byline and the text each.
				gap.comments.reduce(
					(sum, c) => sum + height(`${c.byline}\n${c.text}`, CONTENT_WIDTH - 10, sizes.body),
					0
				)
		);
	}
	// The evidence annex: each file's name, its facts and its hash (about four short lines).
	for (const item of model.evidenceAnnex)
		add(
			item.itemId,
			item.files.reduce(
				(sum, f) =>
					sum +
					height(f.name, CONTENT_WIDTH, sizes.body) +
					height(`${fileLines(f, model.labels).facts}\n${f.sha256}`, CONTENT_WIDTH, sizes.small),
				0
			)
		);
	// Every answer is printed again in the full edition's appendix; the summary edition has none.
	for (const answer of model.edition === 'full' ? model.answers : []) {
		// A row of the appendix is as tall as its tallest cell.
		add(
			answer.itemId,
			Math.max(
				height(answer.note, APPENDIX[3]!, sizes.table) +
					height(answer.evidence.join('\n'), APPENDIX[3]!, sizes.small),
				height(answer.owner ?? '', APPENDIX[4]!, sizes.table)
			)
		);
	}
	const perItem = [...byItem].map(([itemId, points]) => ({ itemId, pages: points / PAGE_HEIGHT }));
	const pages = perItem.reduce((sum, i) => sum + i.pages, 0);
	return {
		pages: Math.ceil(pages),
		longest: perItem
			.filter((i) => i.pages > 0)
			.sort((a, b) => b.pages - a.pages || a.itemId.localeCompare(b.itemId))
			.slice(0, 5)
	};
}

function height(text: string, width: number, size: number): number {
	if (text.trim() === '') return 0;
	const perLine = width / size;
	let lines = 0;
	for (const paragraph of text.split('\n')) {
		let ems = 0;
		for (const ch of paragraph) ems += isWide(ch.codePointAt(0)!) ? 1 : 0.5;
		lines += Math.max(1, Math.ceil(ems / perLine));
	}
	return lines * size * LINE_HEIGHT;
}

/** CJK, Hangul, full-width forms and the like: set an em wide. */
function isWide(cp: number): boolean {
	return (
		(cp >= 0x1100 && cp <= 0x115f) ||
		(cp >= 0x2e80 && cp <= 0xa4cf) ||
		(cp >= 0xac00 && cp <= 0xd7a3) ||
		(cp >= 0xf900 && cp <= 0xfaff) ||
		(cp >= 0xfe30 && cp <= 0xfe4f) ||
		(cp >= 0xff00 && cp <= 0xff60) ||
		(cp >= 0xffe0 && cp <= 0xffe6) ||
		cp >= 0x20000
	);
}
