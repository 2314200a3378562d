import type { ActionPlanEntry, ActionStatus } from '../../domain/action-status';
import type { Localized, Severity } from '../../domain/corpus';
import { byDueThenSeverity } from '../../domain/report-model';
import { listGapActions } from '../db/queries/gap-actions';
import { shanghaiDate } from './load-report';
import { audited, type Actor } from '../db/audited';
import type { Database } from '../db/connection';
import type { AssessmentRecord } from '../db/queries/assessments';
import { setGapActions } from '../db/queries/gap-actions';
import { loadAssessmentView } from '../assessments/service';

export type ActionStatusResult =
	| { ok: true; changed: string[] }
	| { ok: false; reason: 'final' }
	| { ok: false; reason: 'not_gap'; items: string[] };

/**
 * Sets where the actions of the chosen gaps stand, one item or many: all or nothing, refused on a
 * final assessment (its report was issued) and for an item that is not a gap now. Each item whose
 * status changes is a `gap_action.status_changed` row.
 */
export async function setActionStatus(
	db: Database,
	actor: Actor,
	input: { assessment: AssessmentRecord; itemIds: readonly string[]; status: ActionStatus }
): Promise<ActionStatusResult> {
	const { assessment, status } = input;
	if (assessment.state === 'final') return { ok: false, reason: 'final' };
	const { evaluation } = await loadAssessmentView(db, assessment);
	const gaps = new Set(evaluation.score.gaps.map((g) => g.itemId));
	const itemIds = [...new Set(input.itemIds)];
	const notGaps = itemIds.filter((id) => !gaps.has(id));
	if (notGaps.length) return { ok: false, reason: 'not_gap', items: notGaps };
	return audited(db, actor, async (tx) => {
		const before = await setGapActions(tx, { assessmentId: assessment.id, itemIds, status });
		const changed = itemIds.filter((id) => before[id] !== status);
		for (const itemId of changed)
			tx.record({
				action: 'gap_action.status_changed',
				orgId: assessment.orgId,
				entity: { type: 'assessment', id: assessment.id },
				assessmentId: assessment.id,
				itemId,
				before: { status: before[itemId] },
				after: { status }
			});
		return { ok: true, changed };
	});
}

/** The action plan as the result page shows it: one row per gap, by due date then severity. */
export async function listActionPlan(
	db: Database,
	input: {
		assessment: AssessmentRecord;
		gaps: readonly { itemId: string; severity: Severity; remediation: Localized }[];
		answers: readonly { itemId: string; owner: string | null; due: string | null }[];
		now?: Date;
	}
): Promise<ActionPlanEntry[]> {
	const statuses = await listGapActions(db, input.assessment.id);
	const today = shanghaiDate(input.now ?? new Date());
	const answers = new Map(input.answers.map((a) => [a.itemId, a]));
	return input.gaps
		.map((g): ActionPlanEntry => {
			const answer = answers.get(g.itemId);
			const status = statuses[g.itemId] ?? 'open';
			const due = answer?.due ?? null;
			return {
				itemId: g.itemId,
				action: g.remediation,
				severity: g.severity,
				owner: answer?.owner ?? null,
				due,
				status,
				overdue: status !== 'done' && due !== null && due < today
			};
		})
		.sort(byDueThenSeverity);
}
