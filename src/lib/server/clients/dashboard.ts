import type { Database } from '../db/connection';
import { countOverdueAnswers } from '../db/queries/answers';
import { countInReviewByClient, listLatestClientAssessments } from '../db/queries/assessments';
import { listClients } from '../db/queries/clients';
import { evaluateAssessments } from '../assessments/service';

export interface ClientDashboardRow {
	clientId: string;
	clientName: string;
	latest: {
		id: string;
		title: string;
		state: string;
		verdict: string;
		score: number | null;
	} | null;
	openCriticalGaps: number;
	overdueActions: number;
	waitingForReview: number;
}

/**
 * A consultancy's clients at a glance: the newest assessment's verdict, score, open critical gaps
 * (answered partial or non-compliant; unanswered items count towards completeness instead)
 * and overdue actions, and how many assessments wait for review. Five queries whatever the number
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
	const [evaluations, overdue] = await Promise.all([
		evaluateAssessments(db, latest),
		countOverdueAnswers(db, ids, today)
	]);
	const latestByClient = new Map(latest.map((a) => [a.clientId!, a]));
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
							score: evaluation.score.overall.score
						}
					: null,
			openCriticalGaps: evaluation
				? evaluation.score.gaps.filter((g) => g.severity === 'critical').length
				: 0,
			overdueActions: a ? (overdue.get(a.id) ?? 0) : 0,
			waitingForReview: inReview.get(client.id) ?? 0
		};
	});
}
