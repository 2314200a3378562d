import type { PackModel } from './filing-pack';
import type { PackWords } from './pack-words';
import type { SupportBackground } from './pack-annexes';

/**
 * The filing pack's annexes (attachments checklist, exit-evaluation view) as plain lines: what the
 * pack page, the Word file and the PDF print, in the pack's language.
 */
const colon = (model: Pick<PackModel, 'lang'>) => (model.lang === 'zh' ? '：' : ': ');

export type AnnexTone = 'plain' | 'muted' | 'good' | 'high' | 'critical' | 'quote';

/** One entry of an annex (an attachment, an exit dimension) as lines both renderers print. */
export interface AnnexEntry {
	title: string;
	meta: string | null;
	/** An attachment's state: on file, expired or not accepted, missing. */
	state: { text: string; tone: AnnexTone } | null;
	lines: { text: string; tone: AnnexTone; bold?: boolean }[];
}

export interface AnnexBlock {
	heading: string;
	lead: string;
	entries: AnnexEntry[];
}

function statusWord(model: PackModel, status: string): string {
	const w = model.words as unknown as Record<string, string>;
	return status === 'unanswered' ? model.words.unanswered : (w[`status_${status}`] ?? status);
}

const paren = (model: PackModel, text: string) =>
	model.lang === 'zh' ? `（${text}）` : ` (${text})`;

const word = (model: PackModel, key: string) =>
	(model.words as unknown as Record<string, string>)[key] ?? key;

/** The attachments checklist, each with its items and files; what is missing says so. */
export function attachmentsBlock(model: PackModel): AnnexBlock | null {
	if (model.attachments.length === 0) return null;
	const w = model.words;
	const c = colon(model);
	const sep = model.lang === 'zh' ? '；' : '; ';
	return {
		heading: w.attachmentsHeading,
		lead: w.attachmentsLead,
		entries: model.attachments.map((a, i) => {
			const state = {
				present: { text: w.attStatePresent, tone: 'good' as const },
				stale: { text: w.attStateStale, tone: 'high' as const },
				missing: { text: w.attStateMissing, tone: 'critical' as const }
			}[a.state];
			const lines: AnnexEntry['lines'] = [];
			if (a.items.length === 0) lines.push({ text: w.attNoItems, tone: 'muted' });
			else
				lines.push({
					text: `${w.attItems}${c}${a.items.map((x) => `${x.itemId}${paren(model, statusWord(model, x.status))}`).join(sep)}`,
					tone: 'muted'
				});
			for (const f of a.files)
				lines.push({
					text: `${w.attFiles}${c}${f.fileName} · ${f.itemId} · ${w.effective} ${f.effectiveOn}${
						f.expiresOn ? ` · ${w.expires} ${f.expiresOn}` : ''
					}${f.counts ? '' : ` · ${w.attFileNotCounting}`}`,
					tone: f.counts ? 'plain' : 'high'
				});
			return {
				title: `${i + 1}. ${word(model, `att_${a.id}`)}`,
				meta: [
					word(model, `annexBasis${a.basis[0]!.toUpperCase()}${a.basis.slice(1)}`),
					a.research ? w.annexResearch.replace('{rows}', a.research) : null
				]
					.filter(Boolean)
					.join(' · '),
				state,
				lines
			};
		})
	};
}

/** The exit-evaluation view: per dimension its items and the provisions they cite, quoted. */
export function exitBlock(model: PackModel): AnnexBlock | null {
	if (model.exit.length === 0) return null;
	const w = model.words;
	const c = colon(model);
	const force = { binding: w.forceBinding, encouraged: w.forceEncouraged, context: w.forceContext };
	return {
		heading: w.exitHeading,
		lead: w.exitLead,
		entries: model.exit.map((d, i) => {
			const lines: AnnexEntry['lines'] = d.items.map((x) => ({
				text: `${x.itemId} ${x.question} — ${statusWord(model, x.status)} · ${w.exitFiles.replace('{count}', String(x.files))}`,
				tone: 'plain'
			}));
			if (d.items.length === 0) lines.push({ text: w.attNoItems, tone: 'muted' });
			for (const q of d.quotes) {
				lines.push({
					text: `${q.citation} · ${force[q.force]}${q.lapsed ? ` · ${w.quoteLapsed}` : ''}`,
					tone: q.lapsed ? 'high' : 'muted',
					bold: true
				});
				lines.push({ text: `“${q.text}”`, tone: 'quote' });
				if (model.lang === 'en')
					lines.push({ text: `${w.summaryEn}${c}${q.summaryEn}`, tone: 'muted' });
			}
			if (d.moreQuotes > 0)
				lines.push({
					text: w.exitMoreQuotes.replace('{count}', String(d.moreQuotes)),
					tone: 'muted'
				});
			if (d.noSource) lines.push({ text: w.exitNoSource, tone: 'high' });
			return { title: `${i + 1}. ${word(model, `exit_${d.id}`)}`, meta: null, state: null, lines };
		})
	};
}

/**
 * The support measures the firm may apply for, each quoted and cited with its force; one that is
 * policy background only (superseded, expired, overtaken) says so in plain words, and why. The
 * pack's annex, and the result page's list (which has no pack model: the measures and words only).
 */
export function supportBlock(
	model: Pick<PackModel, 'support' | 'words' | 'lang'>
): AnnexBlock | null {
	if (model.support.length === 0) return null;
	const w = model.words;
	const force = { binding: w.forceBinding, encouraged: w.forceEncouraged, context: w.forceContext };
	return {
		heading: w.supportHeading,
		lead: w.supportLead,
		entries: model.support.map((q, i) => ({
			title: `${i + 1}. ${q.citation}`,
			meta: force[q.force],
			state: q.background ? { text: w.supportBackground, tone: 'high' as const } : null,
			lines: [
				...(q.background
					? [{ text: backgroundReason(model, q.background), tone: 'high' as const }]
					: []),
				{ text: `“${q.text}”`, tone: 'quote' as const },
				...(model.lang === 'en'
					? [{ text: `${w.summaryEn}${colon(model)}${q.summaryEn}`, tone: 'muted' as const }]
					: [])
			]
		}))
	};
}

/**
 * Why a support measure is background only, from the corpus's standing and validity data: the
 * pack's words, or the gap report's (the same messages).
 */
export function backgroundReason(
	model: {
		words: Pick<
			PackWords,
			'supportBackgroundSuperseded' | 'supportBackgroundExpired' | 'supportBackgroundOvertaken'
		>;
	},
	background: SupportBackground
): string {
	const w = model.words;
	switch (background.reason) {
		case 'superseded':
			return w.supportBackgroundSuperseded.replace('{by}', background.by ?? '—');
		case 'expired':
			return w.supportBackgroundExpired.replace('{date}', background.on ?? '—');
		case 'overtaken':
			return w.supportBackgroundOvertaken.replace('{date}', background.issued ?? '—');
	}
}
