import type { PackModel, PackSection, PackStatement } from '../../../domain/filing-pack';

const ZH_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 「一、服务信息」 in Chinese, "1. Service information" in English. */
export function sectionHeading(model: PackModel, section: PackSection): string {
	return model.lang === 'zh'
		? `${ZH_NUMERALS[section.number - 1] ?? section.number}、${section.title}`
		: `${section.number}. ${section.title}`;
}

export const colon = (model: PackModel) => (model.lang === 'zh' ? '：' : ': ');

/** A statement's label and text as the documents print it; an unknown is "to be completed". */
export function statementParts(
	model: PackModel,
	st: PackStatement
): { id: string; label: string | null; text: string; missing: boolean } {
	return {
		id: `[${st.id}]`,
		// A question is a sentence of its own: its answer goes on the next line, not after a colon.
		label:
			st.label === null
				? null
				: st.label.length > 40
					? `${st.label}\n`
					: `${st.label}${colon(model)}`,
		text: st.text ?? model.words.toComplete,
		missing: st.text === null
	};
}

/** The line under an edited section's heading: who edited it when, and whether the draft moved on. */
export function editNote(model: PackModel, section: PackSection): string | null {
	if (!section.edit) return null;
	const who = `${model.words.edited}${colon(model)}${section.edit.editedBy ?? '—'} · ${section.edit.editedAt}`;
	return section.edit.stale ? `${who}. ${model.words.editStale}` : who;
}

export function pageOf(model: PackModel, page: number, pages: number): string {
	return model.words.pageOf.replaceAll('{page}', String(page)).replaceAll('{pages}', String(pages));
}

/** The document's title line for its metadata and file name. */
export function packDocumentTitle(model: PackModel): string {
	return `${model.title} · ${model.firm}`;
}
