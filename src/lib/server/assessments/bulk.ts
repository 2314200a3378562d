import type { AnswerProblem } from '../../domain/answer-rules';
import type { AnswerValues, StoredAnswer } from '../../domain/stored-answer';
import { audited, type Actor } from '../db/audited';
import type { Database } from '../db/connection';
import { findAnswer } from '../db/queries/answers';
import type { AssessmentRecord } from '../db/queries/assessments';
import { applicableItem, assessmentCorpus, pickValues, saveAnswerIn } from './service';

/** One change made to several answers at once from the workspace. */
export type BulkChange =
	| { kind: 'not_applicable'; reason: string }
	| { kind: 'confirm' }
	| { kind: 'owner'; owner: string }
	| { kind: 'due'; due: string };

/** Why an item was left as it was. */
export type BulkSkip =
	| 'conflict'
	| 'never_na'
	| 'not_carried_over'
	| 'not_gap'
	| 'not_applicable_item'
	| 'unchanged'
	| 'reason_required'
	| 'too_long'
	| 'bidi_control';

/** Why the answer's rules refused the change: each problem its own reason, as the item page says. */
const problemSkip: Record<AnswerProblem['code'], BulkSkip> = {
	na_refused: 'never_na',
	na_reason_required: 'reason_required',
	too_long: 'too_long',
	bidi_control: 'bidi_control'
};

export interface BulkResult {
	changed: string[];
	skipped: { itemId: string; reason: BulkSkip }[];
}

/** The values an answer takes under the change, or why it is skipped. */
function changedValues(change: BulkChange, stored: StoredAnswer | null): AnswerValues | BulkSkip {
	switch (change.kind) {
		case 'not_applicable':
			return {
				status: 'not_applicable',
				note: change.reason,
				evidence: stored?.evidence ?? [],
				owner: null,
				due: null
			};
		case 'confirm':
			return stored?.carriedOver ? pickValues(stored) : 'not_carried_over';
		case 'owner':
		case 'due': {
			if (stored?.status !== 'partial' && stored?.status !== 'non_compliant') return 'not_gap';
			return change.kind === 'owner'
				? { ...pickValues(stored), owner: change.owner }
				: { ...pickValues(stored), due: change.due };
		}
	}
}

/**
 * Applies one change to the chosen answers, each on the version the person saw: an answer saved by
 * someone since, an item that may not be N/A, an owner for an item that is no gap, is skipped and
 * named. Each change is a new version with its own history row, in one transaction.
 */
export async function changeAnswers(
	db: Database,
	actor: Actor,
	input: {
		assessment: AssessmentRecord;
		items: { itemId: string; version: number }[];
		change: BulkChange;
	}
): Promise<BulkResult> {
	const { assessment, change } = input;
	const corpus = await assessmentCorpus(db, assessment);
	return audited(db, actor, async (tx) => {
		const result: BulkResult = { changed: [], skipped: [] };
		for (const { itemId, version } of input.items) {
			const item = applicableItem(corpus, assessment.profile, itemId);
			if (!item) {
				result.skipped.push({ itemId, reason: 'not_applicable_item' });
				continue;
			}
			if (change.kind === 'not_applicable' && item.never_na) {
				result.skipped.push({ itemId, reason: 'never_na' });
				continue;
			}
			const stored = await findAnswer(tx.db, assessment.id, itemId);
			if ((stored?.version ?? 0) !== version) {
				result.skipped.push({ itemId, reason: 'conflict' });
				continue;
			}
			const values = changedValues(change, stored);
			if (typeof values === 'string') {
				result.skipped.push({ itemId, reason: values });
				continue;
			}
			const saved = await saveAnswerIn(tx, {
				assessment,
				itemId,
				values,
				expectedVersion: version
			});
			// The same values again (an owner it already had) are no change: no version, no history row.
			if (saved.ok && saved.version === version)
				result.skipped.push({ itemId, reason: 'unchanged' });
			else if (saved.ok) result.changed.push(itemId);
			else
				result.skipped.push({
					itemId,
					// Finalised since the request began: changed by someone else, as a conflict is.
					reason:
						saved.reason === 'invalid'
							? problemSkip[saved.problems[0]!.code]
							: saved.reason === 'not_applicable_item'
								? 'not_applicable_item'
								: 'conflict'
				});
		}
		return result;
	});
}
