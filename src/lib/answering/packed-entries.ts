import type { ItemCard } from '$lib/domain/item-view';
import type { AnswerValues } from '$lib/domain/stored-answer';

/** The answer a card starts from: the stored values and their version. */
export type SavedAnswer = AnswerValues & { version: number };

/** A reviewer's decision on an item and how many comments it has. */
export interface EntryReview {
	status: string;
	comments: number;
}

/** One item of the questionnaire as the page renders it: its card, domain, answer and review. */
export interface QuestionnaireEntry {
	item: ItemCard;
	domain: string;
	saved: SavedAnswer | null;
	/** Absent for an item nobody reviewed or commented on yet. */
	review?: EntryReview;
}

/**
 * The same entry as the page's data carries it: arrays, not objects. SvelteKit writes a page's data
 * into the page with devalue, whose cost goes by the object keys it meets (two regular-expression
 * tests and a few strings per key): the whole questionnaire's 152 entries of four objects and 16
 * keys each were its largest single cost (BENCHMARKS.md, "Answering"). Positions, in this order.
 */
export type PackedEntry = [
	id: string,
	question: string,
	basis: ItemCard['basis'],
	severity: ItemCard['severity'],
	neverNa: boolean,
	provisionCount: number,
	domain: string,
	saved: PackedAnswer | null,
	review: [status: string, comments: number] | null
];

type PackedAnswer = [
	status: SavedAnswer['status'],
	note: string,
	evidence: string[],
	owner: string | null,
	due: string | null,
	version: number
];

export function packEntry(entry: QuestionnaireEntry): PackedEntry {
	const { item, saved, review } = entry;
	return [
		item.id,
		item.question,
		item.basis,
		item.severity,
		item.never_na,
		item.provisionCount,
		entry.domain,
		saved
			? [saved.status, saved.note, saved.evidence, saved.owner, saved.due, saved.version]
			: null,
		review ? [review.status, review.comments] : null
	];
}

export function unpackEntry(packed: PackedEntry): QuestionnaireEntry {
	const [id, question, basis, severity, never_na, provisionCount, domain, saved, review] = packed;
	const entry: QuestionnaireEntry = {
		item: { id, question, basis, severity, never_na, provisionCount },
		domain,
		saved: saved
			? {
					status: saved[0],
					note: saved[1],
					evidence: saved[2],
					owner: saved[3],
					due: saved[4],
					version: saved[5]
				}
			: null
	};
	if (review) entry.review = { status: review[0], comments: review[1] };
	return entry;
}

/**
 * A page's packed entries. On the way to the browser (SvelteKit's `transport` hook, src/hooks.ts) a
 * page rendered on the server leaves the questions out: every entry's card, closed or a form, shows
 * its question in the page's HTML already (`#<id> .question`), and the browser takes it from there
 * as the data is read, before the page starts. A page's data fetched on its own (a navigation in the
 * browser, `isDataRequest`) has no such HTML to read from and carries them. The whole questionnaire's
 * 152 questions were half of its page data's characters (BENCHMARKS.md, "Answering").
 */
export class PackedEntries {
	constructor(
		readonly entries: PackedEntry[],
		/** The questions are in the page's HTML: the page's data need not carry them. */
		readonly questionsInPage = false
	) {}
}

/**
 * The transport's encoding: the entries as one JSON text, their questions left out where the page
 * shows them. One string is what SvelteKit's writer (devalue) handles fastest: it walks every value
 * of an object or array it is given, counting and naming them, where a string it only escapes
 * (timed on the whole list's entries: 0.44 → 0.27 ms).
 */
export type EncodedEntries = [json: string, questionsInPage: boolean];

export function encodeEntries(value: PackedEntries): EncodedEntries {
	const entries = value.questionsInPage
		? value.entries.map((entry) => {
				const copy = [...entry] as PackedEntry;
				copy[1] = '';
				return copy;
			})
		: value.entries;
	return [JSON.stringify(entries), value.questionsInPage];
}

/** Back in the browser: each question left out read from the page (`question` finds it there). */
export function decodeEntries(
	[json, questionsInPage]: EncodedEntries,
	question: (id: string) => string
): PackedEntries {
	const entries = JSON.parse(json) as PackedEntry[];
	if (questionsInPage) for (const entry of entries) entry[1] = question(entry[0]);
	return new PackedEntries(entries);
}
