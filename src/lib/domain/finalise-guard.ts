/** What is still open on an assessment when a reviewer goes to finalise it. */
export interface OpenItems {
	unanswered: string[];
	/** Answered, but no decision in force on the answer as it stands. */
	unreviewed: string[];
	changesRequested: string[];
}

export type ItemReviewStatus = 'pending' | 'accepted' | 'changes_requested';

/**
 * Sorts the applicable items into what finalising would leave open. An unanswered item counts as
 * unanswered only (reviewing a blank is not what is missing); an item accepted but unanswered is not
 * open, as a reviewer decided on it.
 */
export function openItemsAtFinalise(input: {
	applicable: readonly string[];
	unanswered: readonly string[];
	reviews: ReadonlyMap<string, ItemReviewStatus>;
}): OpenItems {
	const unanswered = new Set(input.unanswered);
	const open: OpenItems = { unanswered: [], unreviewed: [], changesRequested: [] };
	for (const id of input.applicable) {
		const status = input.reviews.get(id) ?? 'pending';
		if (status === 'changes_requested') open.changesRequested.push(id);
		else if (status === 'accepted') continue;
		else if (unanswered.has(id)) open.unanswered.push(id);
		else open.unreviewed.push(id);
	}
	return open;
}

export function countOpen(open: OpenItems): number {
	return open.unanswered.length + open.unreviewed.length + open.changesRequested.length;
}

/** The owner and reason a finalisation over open items carries, for the report and the record. */
export interface FinaliseOverride {
	owner: string;
	reason: string;
	open: { unanswered: number; unreviewed: number; changesRequested: number };
}
