import type { Content } from 'pdfmake/interfaces';
import {
	fileLines,
	type ReportComment,
	type ReportEvidenceFile
} from '../../../domain/report-annex';
import type { ReportModel } from '../../../domain/report-model';
import { MONO_FAMILY } from './fonts';
import { colours, fitted, heading, inline, keepWithNext, para, paraFit, sizes } from './pdf-text';
import { CONTENT_WIDTH } from './typeset';

/** A file's entry sits in a one-column table: 8 pt of padding on each side. */
const ENTRY_WIDTH = CONTENT_WIDTH - 8;
const MONO_SIZE = 7.5;

function fileEntry(file: ReportEvidenceFile, model: ReportModel): Content {
	const l = model.labels;
	const { details, facts } = fileLines(file, l);
	const title = `${file.name}  (${details})`;
	return {
		stack: [
			{ ...fitted(title, ENTRY_WIDTH, sizes.body), bold: true },
			{ ...fitted(facts, ENTRY_WIDTH, sizes.small), color: colours.muted },
			...(file.flags.length
				? [
						{
							...fitted(file.flags.map(inline).join('  ·  '), ENTRY_WIDTH, sizes.small),
							color: colours.critical
						}
					]
				: []),
			{
				// The whole hash, in a monospace face; a column too narrow for it breaks it anywhere.
				text: [
					{ text: `${inline(l.annexSha256)}  `, style: 'label' },
					{ text: file.sha256, font: MONO_FAMILY, fontSize: MONO_SIZE, wordBreak: 'break-all' }
				],
				margin: [0, 1, 0, 0]
			} as Content
		]
	};
}

/**
 * The evidence annex: per item, each file's name, size, who and when, expiry, decision and hash.
 * Left out when no file was uploaded: a page saying so would tell a reader nothing.
 */
export function evidenceAnnex(model: ReportModel): Content {
	const l = model.labels;
	if (model.evidenceAnnex.length === 0) return [];
	return [
		{ text: '', pageBreak: 'before' },
		heading(l.evidenceAnnex),
		para(l.evidenceAnnexLead, 'muted'),
		...model.evidenceAnnex.map((item): Content => ({
			// The item is the table's header: repeated on a new page, never left alone at the foot.
			table: {
				widths: ['*'],
				headerRows: 1,
				keepWithHeaderRows: 1,
				dontBreakRows: true,
				body: [
					[
						{
							stack: [
								{ text: item.itemId, bold: true },
								paraFit(item.question, ENTRY_WIDTH, sizes.small, sizes.small)
							]
						}
					],
					...item.files.map((f) => [fileEntry(f, model)])
				]
			},
			layout: 'lightHorizontalLines',
			margin: [0, 8, 0, 4]
		}))
	];
}

/** A gap's review comments (when the consultant included them): author and date, then the text. */
export function commentsBlock(comments: ReportComment[], model: ReportModel): Content[] {
	if (comments.length === 0) return [];
	const label: Content = {
		text: inline(model.labels.reviewComments),
		style: 'label',
		noWrap: true,
		margin: [0, 5, 0, 2]
	};
	const entries = comments.map((c): Content => ({
		stack: [{ text: c.byline, style: 'label' }, fitted(c.text, CONTENT_WIDTH - 10, sizes.body)],
		margin: [10, 0, 0, 3]
	}));
	return [keepWithNext(label, entries[0]!), ...entries.slice(1)];
}
