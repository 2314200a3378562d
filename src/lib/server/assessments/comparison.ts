import { compareAssessments, type ComparedAssessment, type Comparison } from '../../domain/compare';

export type { ComparedAssessment, Comparison };
import type { Database } from '../db/connection';
import { findAssessment, type AssessmentRecord } from '../db/queries/assessments';
import { loadAssessmentView } from './service';

function describe(a: AssessmentRecord): ComparedAssessment {
	return {
		id: a.id,
		title: a.title,
		state: a.state,
		versionHash: a.versionHash,
		createdAt: new Date(a.createdAt).toISOString()
	};
}

/** May these two be compared: one organisation (the lookup sees to it), and one client if any. */
export function comparable(a: AssessmentRecord, b: AssessmentRecord): boolean {
	return a.id !== b.id && (a.clientId ?? null) === (b.clientId ?? null);
}

/**
 * Compares two assessments of the organisation, the earlier one first whatever the argument order.
 * Null when either is not the organisation's, or they assess different clients.
 */
export async function loadComparison(
	db: Database,
	input: { orgId: string; id: string; otherId: string }
): Promise<Comparison | null> {
	const [one, other] = await Promise.all([
		findAssessment(db, { orgId: input.orgId, id: input.id }),
		findAssessment(db, { orgId: input.orgId, id: input.otherId })
	]);
	if (!one || !other || !comparable(one, other)) return null;
	return compareRecords(db, one, other);
}

export async function compareRecords(
	db: Database,
	one: AssessmentRecord,
	other: AssessmentRecord
): Promise<Comparison> {
	const [before, after] =
		new Date(one.createdAt).getTime() <= new Date(other.createdAt).getTime()
			? [one, other]
			: [other, one];
	const [b, a] = [await loadAssessmentView(db, before), await loadAssessmentView(db, after)];
	return { before: describe(before), after: describe(after), ...compareAssessments(b, a) };
}
