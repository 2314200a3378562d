import type { Database } from '../db/connection';
import { countOverdueAnswers } from '../db/queries/answers';
import { countInReviewByClient, listLatestClientAssessments } from '../db/queries/assessments';
import { listClients } from '../db/queries/clients';
import { assessmentCorpus, evaluateAssessments } from '../assessments/service';
import { memberNames } from '../assessments/schedule';
import { scheduleStanding, type AssessmentScheduleView } from '../../domain/assessment-schedule';

export interface ClientDashboardRow {
	clientId: string;
	clientName: string;
	latest: {
		id: string;
		title: string;
		state: string;
		verdict: string;
		score: number | null;
		answered: number;
		applicable: number;
		/** Last activity: the assessment's last change (an answer, a review, a state). */
		updatedAt: Date;
		/** Whom the assessment waits on: the client answering, the consultant reviewing, nobody. */
		waitsOn: 'client' | 'consultant' | null;
		/** Its due date and responsible consultant, overdue or due soon. */
		schedule: AssessmentScheduleView;
	} | null;
	/** Critical items answered partial or non-compliant. */
	openCriticalGaps: number;
	/** Critical items not answered yet: told apart from the answered gaps. */
	unansweredCritical: number;
	overdueActions: number;
	waitingForReview: number;
}

/**
 * A consultancy's clients at a glance: the assessment worked on last, its verdict, score, progress,
 * whom it waits on and when it last changed, open critical gaps
 * (answered partial or non-compliant; unanswered items count towards completeness instead)
 * and overdue actions, how many assessments wait for review, and the due date and responsible
 * consultant of the newest. A fixed number of queries whatever the number
 * of clients (the answers of all newest assessments are read in one).
 */
export async function loadClientDashboard(
	db: Database,
	orgId: string,
	today = new Date().toISOString().slice(0, 10)
): Promise<ClientDashboardRow[]> {
	const [clients, latest, inReview] = await Promise.all([
		listClients(db, { orgId }),
		listLatestClientAssessments(db, { orgId }),
		countInReviewByClient(db, { orgId })
	]);
	const ids = latest.map((a) => a.id);
	const [evaluations, overdue, names] = await Promise.all([
		evaluateAssessments(db, latest),
		countOverdueAnswers(db, ids, today),
		memberNames(db, orgId)
	]);
	const latestByClient = new Map(latest.map((a) => [a.clientId!, a]));
	const criticalIds = new Set(
		(await Promise.all(latest.map((a) => assessmentCorpus(db, a))))
			.flatMap((c) => c.items)
			.filter((i) => i.severity === 'critical')
			.map((i) => i.id)
	);
	return clients.map((client) => {
		const a = latestByClient.get(client.id);
		const evaluation = a ? evaluations.get(a.id) : undefined;
		return {
			clientId: client.id,
			clientName: client.name,
			latest:
				a && evaluation
					? {
							id: a.id,
							title: a.title,
							state: a.state,
							verdict: evaluation.score.verdict,
							score: evaluation.score.overall.score,
							answered: evaluation.score.progress.answered,
							applicable: evaluation.score.progress.applicable,
							updatedAt: a.updatedAt,
							waitsOn:
								a.state === 'draft' ? 'client' : a.state === 'in_review' ? 'consultant' : null,
							schedule: {
								dueDate: a.dueDate,
								responsibleName: a.responsibleUserId
									? (names.get(a.responsibleUserId) ?? null)
									: null,
								standing: scheduleStanding(a.dueDate, a.state, today)
							}
						}
					: null,
			openCriticalGaps: evaluation
				? evaluation.score.gaps.filter((g) => g.severity === 'critical').length
				: 0,
			unansweredCritical: evaluation
				? evaluation.score.unanswered.filter((id) => criticalIds.has(id)).length
				: 0,
			overdueActions: a ? (overdue.get(a.id) ?? 0) : 0,
			waitingForReview: inReview.get(client.id) ?? 0
		};
	});
}
