import type { ComparisonFigures, ItemChange, ItemStanding } from './compare';
import { formatDelta } from './compare';
import type { Localized } from './corpus';
import { chooser, phraser, type ReportLang, type ReportText, type Words } from './report-text';

/** What the report says about the previous assessment: "Changes since …", by domain and item. */
export interface ReportChanges {
	title: ReportText;
	lead: ReportText;
	overall: { before: string; after: string; delta: string };
	domains: { id: string; label: ReportText; before: string; after: string; delta: string }[];
	/** Items that changed; unchanged ones are left out. */
	items: {
		itemId: string;
		question: ReportText;
		change: ItemChange;
		changeLabel: ReportText;
		before: ReportText;
		after: ReportText;
	}[];
}

export interface ChangesInput {
	previousTitle: string;
	/** YYYY-MM-DD. */
	previousDate: string;
	figures: ComparisonFigures;
}

const percent = (score: number | null) => (score === null ? '—' : `${Math.round(score * 100)}%`);

export function buildReportChanges(
	input: ChangesInput,
	lang: ReportLang,
	words: Words
): ReportChanges {
	const choose = chooser(lang);
	const phrase = phraser(lang, words);
	const local = (t: Localized) => choose(t.zh, t.en);
	const standing = (s: ItemStanding): ReportText =>
		s === 'absent' ? { main: '—', alt: null } : phrase((w) => w.standing[s]);
	const { figures } = input;
	return {
		title: phrase((w) => w.changesSince(input.previousTitle, input.previousDate)),
		lead: phrase((w) => w.changesLead),
		overall: {
			before: percent(figures.overall.before),
			after: percent(figures.overall.after),
			delta: formatDelta(figures.overall.delta)
		},
		domains: figures.domains.map((d) => ({
			id: d.id,
			label: local(d.label),
			before: percent(d.before),
			after: percent(d.after),
			delta: formatDelta(d.delta)
		})),
		items: figures.items
			.filter((i) => i.change !== 'unchanged')
			.map((i) => ({
				itemId: i.itemId,
				question: local(i.question),
				change: i.change,
				changeLabel: phrase((w) => w.change[i.change]),
				before: standing(i.before),
				after: standing(i.after)
			}))
	};
}
