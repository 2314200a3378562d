import type { Database } from '../db/connection';
import {
	listAssessments,
	type AssessmentRecord,
	type AssessmentShelf
} from '../db/queries/assessments';
import { listClients } from '../db/queries/clients';
import type { Membership } from '../db/queries/organisations';
import { countItemReviews } from '../db/queries/reviews';
import { reachOf } from '../auth/scope';
import { evaluateAssessments } from './service';

/** The organisation's assessments, newest first. */
export function assessmentsOf(
	db: Database,
	orgId: string,
	shelf?: AssessmentShelf
): Promise<AssessmentRecord[]> {
	return listAssessments(db, { orgId, shelf });
}

/**
 * The assessments a member may see (a restricted respondent: only those within reach), optionally
 * of one client, with score, verdict, state and review figures. A fixed number of queries.
 */
export async function listAssessmentRows(
	db: Database,
	membership: Membership,
	filter: { clientId?: string; shelf?: AssessmentShelf } = {}
) {
	const reach = reachOf(membership);
	if (reach && (reach.clientId === null || (filter.clientId && filter.clientId !== reach.clientId)))
		return [];
	const assessments = await listAssessments(db, {
		orgId: membership.orgId,
		clientId: reach?.clientId ?? filter.clientId,
		id: reach?.assessmentId ?? undefined,
		shelf: filter.shelf
	});
	const ids = assessments.map((a) => a.id);
	const [evaluations, reviews, clients] = await Promise.all([
		evaluateAssessments(db, assessments),
		countItemReviews(db, ids),
		membership.orgKind === 'consultancy'
			? listClients(db, { orgId: membership.orgId, shelf: 'all' })
			: []
	]);
	const clientNames = new Map(clients.map((c) => [c.id, c.name]));
	return assessments.map((a) => {
		const evaluation = evaluations.get(a.id)!;
		const overall = evaluation.score.overall;
		const review = reviews.get(a.id);
		return {
			id: a.id,
			title: a.title,
			state: a.state,
			clientId: a.clientId,
			clientName: a.clientId ? (clientNames.get(a.clientId) ?? null) : null,
			updatedAt: a.updatedAt,
			archivedAt: a.archivedAt,
			deletedAt: a.deletedAt,
			versionHash: a.versionHash,
			verdict: evaluation.score.verdict,
			score: overall.score,
			// Progress over every applicable item: the same figures as every progress bar.
			answered: evaluation.score.progress.answered,
			applicable: evaluation.score.progress.applicable,
			accepted: review?.accepted ?? 0,
			changesRequested: review?.changesRequested ?? 0
		};
	});
}

export type AssessmentRow = Awaited<ReturnType<typeof listAssessmentRows>>[number];
