import {
	AlignmentType,
	Document,
	Footer,
	Header,
	Packer,
	PageNumber,
	Paragraph,
	TextRun,
	type Table
} from 'docx';
import type { PackModel, PackSection } from '../../../domain/filing-pack';
import { xmlSafe } from '../xml-text';
import {
	A4,
	documentStyles,
	FONT,
	heading,
	line,
	runs,
	size,
	table,
	tone
} from '../docx/docx-text';
import { editNote, packDocumentTitle, sectionHeading, statementParts } from './pack-common';
import {
	attachmentsBlock,
	exitBlock,
	supportBlock,
	type AnnexBlock,
	type AnnexTone
} from '../../../domain/pack-annex-text';

const verbatim = (text: string) => ({ main: text, alt: null });

function front(model: PackModel): (Paragraph | Table)[] {
	return [
		new Paragraph({
			alignment: AlignmentType.CENTER,
			spacing: { before: 600, after: 120 },
			children: runs(model.title, { bold: true, size: 36 })
		}),
		new Paragraph({
			alignment: AlignmentType.CENTER,
			spacing: { after: 240 },
			children: runs(model.subtitle, { size: 24, color: tone.muted })
		}),
		line(`${model.words.firm}${model.lang === 'zh' ? '：' : ': '}${model.firm}`, { bold: true }),
		line(`${model.words.date}${model.lang === 'zh' ? '：' : ': '}${model.date}`),
		...(model.edition === 'full' ? [line(model.words.confidential, { color: tone.critical })] : []),
		heading(verbatim(model.front.heading), 2),
		...model.front.paragraphs.map((p) => line(p, {}, 100)),
		...model.front.readiness.map((p) => line(p, { bold: true }, 60)),
		...model.front.warnings.map((p) => line(`⚠ ${p}`, { color: tone.high }, 60))
	];
}

function section(model: PackModel, s: PackSection): (Paragraph | Table)[] {
	const out: (Paragraph | Table)[] = [
		heading(verbatim(sectionHeading(model, s)), 1, true),
		line(s.basisLabel, { color: tone.muted, size: size.small, italics: true })
	];
	const note = editNote(model, s);
	if (note)
		out.push(line(note, { color: s.edit?.stale ? tone.high : tone.muted, size: size.small }));
	for (const st of s.statements) {
		const p = statementParts(model, st);
		out.push(
			new Paragraph({
				spacing: { after: 80 },
				children: [
					...runs(`${p.id} `, { color: tone.muted, size: size.small }),
					...(p.label ? runs(p.label, { bold: true }) : []),
					...runs(p.text, p.missing ? { color: tone.critical, highlight: 'yellow' } : {})
				]
			})
		);
	}
	if (model.edition === 'public') return out;
	out.push(heading(verbatim(model.words.blockers), 2));
	if (s.blockers.length === 0) out.push(line(model.words.noBlockers, { color: tone.good }));
	else
		out.push(
			table(
				[12, 58, 16, 14],
				[model.words.item, model.words.remediation, model.words.status, model.words.severity].map(
					verbatim
				),
				s.blockers.map((b) => [
					b.itemId,
					[
						line(b.question, { size: size.table, bold: true }, 20),
						line(b.remediation, { size: size.table, color: tone.muted }, 0)
					],
					b.statusLabel,
					b.severityLabel
				])
			)
		);
	return out;
}

const toneColour: Record<AnnexTone, string> = {
	plain: tone.ink,
	muted: tone.muted,
	good: tone.good,
	high: tone.high,
	critical: tone.critical,
	quote: tone.ink
};

/** An annex (attachments, exit view): Heading 1, its lead, each entry a Heading 3 with its lines. */
function annex(block: AnnexBlock | null): (Paragraph | Table)[] {
	if (!block) return [];
	return [
		heading(verbatim(block.heading), 1, true),
		line(block.lead, { color: tone.muted, size: size.small }, 120),
		...block.entries.flatMap((e) => [
			heading(verbatim(e.title), 3),
			...(e.meta ? [line(e.meta, { color: tone.muted, size: size.small, italics: true }, 40)] : []),
			...(e.state ? [line(e.state.text, { color: toneColour[e.state.tone], bold: true }, 30)] : []),
			...e.lines.map((l) =>
				l.tone === 'quote'
					? new Paragraph({
							indent: { left: 360 },
							spacing: { after: 60 },
							children: runs(l.text, {})
						})
					: line(l.text, { color: toneColour[l.tone], bold: l.bold ?? false }, 30)
			)
		])
	];
}

function traceAnnex(model: PackModel): (Paragraph | Table)[] {
	if (model.edition === 'public' || model.trace.length === 0) return [];
	return [
		heading(verbatim(model.words.traceAnnex), 1, true),
		table(
			[12, 30, 20, 38],
			[
				model.words.traceColStatement,
				model.words.traceColSection,
				model.words.traceColSource,
				model.words.traceColReference
			].map(verbatim),
			model.trace.map((t) => [t.statement, t.section, t.source, t.reference])
		)
	];
}

/** The pack as an editable Word document: headings in Word's styles, the trace as an annex table. */
export function packDocx(model: PackModel): Document {
	const lang = model.lang === 'en' ? 'en-US' : 'zh-CN';
	const [before, after] = model.words.pageOf.split('{page}');
	const [middle, end] = (after ?? '').split('{pages}');
	const pageNumber = (type: (typeof PageNumber)[keyof typeof PageNumber]) =>
		new TextRun({ children: [type], font: FONT, size: size.small, color: tone.muted });
	const small = (text: string | undefined) =>
		runs(text ?? '', { size: size.small, color: tone.muted });
	return new Document({
		title: xmlSafe(packDocumentTitle(model)),
		subject: xmlSafe(model.subtitle),
		creator: xmlSafe(model.firm),
		styles: documentStyles(lang),
		sections: [
			{
				properties: { titlePage: true, page: { size: A4 } },
				headers: {
					default: new Header({
						children: [
							new Paragraph({
								children: small(
									[
										model.firm,
										model.title,
										...(model.edition === 'full' ? [model.words.confidential] : [])
									].join('  ·  ')
								)
							})
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
									...small(before),
									pageNumber(PageNumber.CURRENT),
									...small(middle),
									pageNumber(PageNumber.TOTAL_PAGES),
									...small(end)
								]
							})
						]
					})
				},
				children: [
					...front(model),
					...model.sections.flatMap((s) => section(model, s)),
					...annex(attachmentsBlock(model)),
					...annex(exitBlock(model)),
					...annex(supportBlock(model)),
					...traceAnnex(model)
				]
			}
		]
	});
}

export async function renderPackDocx(model: PackModel): Promise<Uint8Array> {
	return new Uint8Array(await Packer.toBuffer(packDocx(model)));
}
