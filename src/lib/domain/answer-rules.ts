import type { Item } from './corpus';
import type { AnswerStatus } from './scoring';

export type AnswerProblem =
	{ field: 'status'; code: 'na_refused' } | { field: 'note'; code: 'na_reason_required' };

/** Item-specific rules an answer must meet, beyond its shape. */
export function answerProblems(
	item: Item,
	answer: { status: AnswerStatus; note: string }
): AnswerProblem[] {
	if (answer.status !== 'not_applicable') return [];
	if (item.never_na) return [{ field: 'status', code: 'na_refused' }];
	if (answer.note.trim() === '') return [{ field: 'note', code: 'na_reason_required' }];
	return [];
}
