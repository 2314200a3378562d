import {
	Paragraph,
	Table,
	TableCell,
	TableRow,
	TextRun,
	WidthType,
	type Table as TableType
} from 'docx';
import {
	fileLines,
	type ReportComment,
	type ReportEvidenceFile
} from '../../../domain/report-annex';
import type { ReportModel } from '../../../domain/report-model';
import { inlineText as inline } from '../../../domain/report-text';
import { xmlSafe } from '../xml-text';
import { heading, labelText, line, para, runs, size, tableBorders, tone } from './docx-text';

/** The hash in a monospace face every Word has; Chinese never occurs in it, the East Asian face is ours. */
const MONO = {
	ascii: 'Consolas',
	hAnsi: 'Consolas',
	cs: 'Consolas',
	eastAsia: 'Microsoft YaHei'
} as const;

function cell(children: Paragraph[], header = false): TableCell {
	return new TableCell({
		width: { size: 100, type: WidthType.PERCENTAGE },
		shading: header ? { fill: tone.header } : undefined,
		margins: { top: 40, bottom: 40, left: 80, right: 80 },
		children
	});
}

function fileParagraphs(file: ReportEvidenceFile, model: ReportModel): Paragraph[] {
	const l = model.labels;
	const { details, facts } = fileLines(file, l);
	return [
		new Paragraph({
			keepNext: true,
			children: [
				...runs(file.name, { bold: true, size: size.table }),
				...runs(`  (${details})`, { color: tone.muted, size: size.small })
			]
		}),
		line(facts, { color: tone.muted, size: size.small }, 0),
		...(file.flags.length
			? [line(file.flags.map(inline).join('  ·  '), { color: tone.critical, size: size.small }, 0)]
			: []),
		new Paragraph({
			children: [
				...runs(labelText(l.annexSha256), { color: tone.muted, size: size.label }),
				// Word breaks a word wider than the cell anywhere: the whole hash, never cut short.
				new TextRun({ text: xmlSafe(file.sha256), font: MONO, size: 15 })
			]
		})
	];
}

/** The evidence annex: a table per item (its heading row repeated), a row per file. */
export function evidenceAnnex(model: ReportModel): (Paragraph | TableType)[] {
	const l = model.labels;
	// Left out when no file was uploaded, as in the PDF.
	if (model.evidenceAnnex.length === 0) return [];
	return [
		heading(l.evidenceAnnex, 1, true),
		...para(l.evidenceAnnexLead, { color: tone.muted }),
		...model.evidenceAnnex.flatMap((item) => [
			new Table({
				width: { size: 100, type: WidthType.PERCENTAGE },
				borders: tableBorders,
				rows: [
					new TableRow({
						tableHeader: true,
						cantSplit: true,
						children: [
							cell(
								[
									new Paragraph({
										keepNext: true,
										children: runs(item.itemId, { bold: true, size: size.table })
									}),
									...para(item.question, { size: size.small })
								],
								true
							)
						]
					}),
					...item.files.map(
						(f) => new TableRow({ cantSplit: true, children: [cell(fileParagraphs(f, model))] })
					)
				]
			}),
			new Paragraph({ spacing: { after: 80 }, children: [] })
		])
	];
}

/** A gap's review comments, when included: author and date muted, then the comment as written. */
export function commentsBlock(comments: ReportComment[], model: ReportModel): Paragraph[] {
	if (comments.length === 0) return [];
	return [
		line(labelText(model.labels.reviewComments), { color: tone.muted, size: size.label }, 20),
		...comments.flatMap((c) => [
			new Paragraph({
				keepNext: true,
				indent: { left: 200 },
				children: runs(c.byline, { color: tone.muted, size: size.small })
			}),
			new Paragraph({ indent: { left: 200 }, spacing: { after: 60 }, children: runs(c.text) })
		])
	];
}
