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
