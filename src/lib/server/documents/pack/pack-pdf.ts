import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { PackModel, PackSection } from '../../../domain/filing-pack';
import { FONT_FAMILY } from '../pdf/fonts';
import { configuredPdfmake } from '../pdf/pdfmake-instance';
import { printableDocument } from '../pdf/glyph-fallback';
import { colours } from '../pdf/pdf-text';
import { editNote, packDocumentTitle, pageOf, sectionHeading, statementParts } from './pack-common';
import {
	attachmentsBlock,
	exitBlock,
	supportBlock,
	type AnnexBlock,
	type AnnexTone
} from '../../../domain/pack-annex-text';

const pdfmake = configuredPdfmake();

function front(model: PackModel): Content[] {
	return [
		{ text: model.title, fontSize: 20, bold: true, alignment: 'center', margin: [0, 80, 0, 6] },
		{
			text: model.subtitle,
			fontSize: 12,
			color: colours.muted,
			alignment: 'center',
			margin: [0, 0, 0, 24]
		},
		{ text: `${model.words.firm}${model.lang === 'zh' ? '：' : ': '}${model.firm}`, bold: true },
		{
			text: `${model.words.date}${model.lang === 'zh' ? '：' : ': '}${model.date}`,
			margin: [0, 0, 0, 4]
		},
		...(model.edition === 'full'
			? [
					{
						text: model.words.confidential,
						color: colours.critical,
						margin: [0, 0, 0, 8]
					} as Content
				]
			: []),
		{ text: model.front.heading, fontSize: 13, bold: true, margin: [0, 12, 0, 6] },
		...model.front.paragraphs.map((p): Content => ({ text: p, margin: [0, 0, 0, 6] })),
		...model.front.readiness.map((p): Content => ({ text: p, bold: true, margin: [0, 2, 0, 2] })),
		...model.front.warnings.map((p): Content => ({
			text: `! ${p}`,
			color: colours.high,
			margin: [0, 2, 0, 2]
		}))
	];
}

function section(model: PackModel, s: PackSection): Content[] {
	const out: Content[] = [
		{
			text: sectionHeading(model, s),
			fontSize: 15,
			bold: true,
			pageBreak: 'before',
			tocItem: true,
			margin: [0, 0, 0, 2]
		},
		{ text: s.basisLabel, italics: true, fontSize: 8, color: colours.muted, margin: [0, 0, 0, 8] }
	];
	const note = editNote(model, s);
	if (note)
		out.push({
			text: note,
			fontSize: 8.5,
			color: s.edit?.stale ? colours.high : colours.muted,
			margin: [0, 0, 0, 6]
		});
	for (const st of s.statements) {
		const p = statementParts(model, st);
		out.push({
			margin: [0, 0, 0, 5],
			text: [
				{ text: `${p.id} `, fontSize: 7.5, color: colours.muted },
				...(p.label ? [{ text: p.label, bold: true }] : []),
				p.missing
					? { text: p.text, color: colours.critical, background: '#FEF3C7' }
					: { text: p.text }
			]
		});
	}
	if (model.edition === 'public') return out;
	out.push({ text: model.words.blockers, fontSize: 12, bold: true, margin: [0, 10, 0, 4] });
	if (s.blockers.length === 0) out.push({ text: model.words.noBlockers, color: colours.good });
	else
		out.push({
			table: {
				headerRows: 1,
				dontBreakRows: true,
				widths: [42, '*', 52, 40],
				body: [
					[model.words.item, model.words.remediation, model.words.status, model.words.severity].map(
						(t) => ({
							text: t,
							bold: true,
							fontSize: 8
						})
					),
					...s.blockers.map((b) => [
						{ text: b.itemId, fontSize: 8 },
						{
							stack: [
								{ text: b.question, bold: true, fontSize: 8 },
								{ text: b.remediation, fontSize: 7.5, color: colours.muted }
							]
						},
						{ text: b.statusLabel, fontSize: 8 },
						{ text: b.severityLabel, fontSize: 8, color: colours[b.severity] }
					])
				]
			},
			layout: 'lightHorizontalLines'
		});
	return out;
}

const toneColour: Record<AnnexTone, string> = {
	plain: colours.ink,
	muted: colours.muted,
	good: colours.good,
	high: colours.high,
	critical: colours.critical,
	quote: colours.ink
};

/** An annex (attachments, exit view): a heading, its lead, and each entry's lines. */
function annex(block: AnnexBlock | null): Content[] {
	if (!block) return [];
	return [
		{ text: block.heading, fontSize: 15, bold: true, pageBreak: 'before', tocItem: true },
		{ text: block.lead, fontSize: 8.5, color: colours.muted, margin: [0, 2, 0, 8] },
		...block.entries.map((e): Content => ({
			margin: [0, 4, 0, 6],
			stack: [
				{ text: e.title, bold: true, fontSize: 11, margin: [0, 0, 0, 1] },
				...(e.meta
					? [{ text: e.meta, italics: true, fontSize: 7.5, color: colours.muted } as Content]
					: []),
				...(e.state
					? [
							{
								text: e.state.text,
								bold: true,
								fontSize: 8.5,
								color: toneColour[e.state.tone]
							} as Content
						]
					: []),
				...e.lines.map((l): Content => ({
					text: l.text,
					bold: l.bold ?? false,
					color: toneColour[l.tone],
					fontSize: l.tone === 'quote' ? 9 : 8.5,
					margin: l.tone === 'quote' ? [10, 1, 0, 3] : [0, 1, 0, 1]
				}))
			]
		}))
	];
}

function traceAnnex(model: PackModel): Content[] {
	if (model.edition === 'public' || model.trace.length === 0) return [];
	return [
		{
			text: model.words.traceAnnex,
			fontSize: 15,
			bold: true,
			pageBreak: 'before',
			margin: [0, 0, 0, 8]
		},
		{
			table: {
				headerRows: 1,
				widths: [40, 110, 70, '*'],
				body: [
					[
						model.words.traceColStatement,
						model.words.traceColSection,
						model.words.traceColSource,
						model.words.traceColReference
					].map((t) => ({ text: t, bold: true, fontSize: 7.5 })),
					...model.trace.map((t) =>
						[t.statement, t.section, t.source, t.reference].map((x) => ({ text: x, fontSize: 7.5 }))
					)
				]
			},
			layout: 'lightHorizontalLines'
		}
	];
}

/** The pack as pdfmake describes it: from the model only, dated by it. */
export function packDocument(model: PackModel): TDocumentDefinitions {
	const created = new Date(`${model.date}T00:00:00+08:00`);
	return {
		pageSize: 'A4',
		pageMargins: [52, 56, 52, 52],
		language: model.lang === 'en' ? 'en' : 'zh-CN',
		displayTitle: true,
		info: {
			title: packDocumentTitle(model),
			subject: model.subtitle,
			producer: 'pdfmake',
			creationDate: created,
			modDate: created
		},
		defaultStyle: { font: FONT_FAMILY, fontSize: 9.5, lineHeight: 1.3, color: colours.ink },
		header: (page) =>
			page === 1
				? null
				: {
						columns: [
							{ text: model.firm, width: '*' },
							{
								text: [
									model.title,
									...(model.edition === 'full' ? [model.words.confidential] : [])
								].join(' · '),
								width: 'auto'
							}
						],
						fontSize: 7.5,
						color: colours.muted,
						margin: [52, 24, 52, 0]
					},
		footer: (page, pages) => ({
			text: pageOf(model, page, pages),
			alignment: 'center',
			fontSize: 7.5,
			color: colours.muted,
			margin: [0, 18, 0, 0]
		}),
		content: [
			...front(model),
			...model.sections.flatMap((s) => section(model, s)),
			...annex(attachmentsBlock(model)),
			...annex(exitBlock(model)),
			...annex(supportBlock(model)),
			...traceAnnex(model)
		]
	};
}

/**
 * Renders the pack on the calling thread: the report workers call it (documents/pdf/render-worker.ts);
 * the web, the API and the CLI go through the pool (server/pack/pack-render.ts). A pack is rendered
 * on every request (a person's edit changes it), so it has no cache.
 */
export async function renderPackPdf(model: PackModel): Promise<Uint8Array> {
	const buffer = await pdfmake
		.createPdf(printableDocument(packDocument(model), model.lang))
		.getBuffer();
	return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
