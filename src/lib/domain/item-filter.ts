import type { Item } from './corpus';
import type { StoredAnswer } from './stored-answer';
import { sameAnswerValues } from './answer-rules';

/** The domain filter's value for every domain at once. */
export const ALL = 'all';
export const SHOW = ['all', 'unanswered', 'gaps', 'carried', 'changed'] as const;
export type Show = (typeof SHOW)[number];

export interface ItemFilters {
	show: Show;
	/** Words to find in the item's id, question or the answer's note, any case. */
	q: string;
}

/** The workspace's filters from a query string; anything unknown reads as "all". */
export function parseFilters(params: URLSearchParams): ItemFilters {
	const show = params.get('show') ?? 'all';
	return {
		show: (SHOW as readonly string[]).includes(show) ? (show as Show) : 'all',
		q: (params.get('q') ?? '').trim().slice(0, 100)
	};
}

const isGap = (a: StoredAnswer | undefined) =>
	a === undefined || a.status === 'partial' || a.status === 'non_compliant';

/**
 * Whether an item shows under the filters. `before` is what the assessment this one was started
 * from held for the item (a Map of its answers; absent where it was started afresh): "changed"
 * shows the answers given since that differ from it, or that it did not have.
 */
export function matchesFilters(
	item: Pick<Item, 'id' | 'question'>,
	answer: StoredAnswer | undefined,
	filters: ItemFilters,
	before?: ReadonlyMap<string, StoredAnswer>
): boolean {
	if (filters.show === 'unanswered' && answer) return false;
	if (filters.show === 'gaps' && !isGap(answer)) return false;
	if (filters.show === 'carried' && !answer?.carriedOver) return false;
	if (filters.show === 'changed' && !changedSinceCarryOver(answer, before?.get(item.id), before))
		return false;
	if (filters.q === '') return true;
	const q = filters.q.toLowerCase();
	return [item.id, item.question.zh, item.question.en, answer?.note ?? ''].some((text) =>
		text.toLowerCase().includes(q)
	);
}

function changedSinceCarryOver(
	answer: StoredAnswer | undefined,
	previous: StoredAnswer | undefined,
	before: ReadonlyMap<string, StoredAnswer> | undefined
): boolean {
	if (!before || !answer || answer.carriedOver) return false;
	return !previous || !sameAnswerValues(answer, previous);
}
