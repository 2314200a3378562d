import type { ExpiringEvidenceEntry } from '../../domain/evidence-queue';
import type { Database } from '../db/connection';
import type { AssessmentRecord } from '../db/queries/assessments';
import { evidenceAttention } from './attention';

/**
 * The dashboards' queue: the evidence files of these assessments (each client's newest, or the
 * firm's current one) that have expired, expire within 30 days or await re-confirmation, the
 * soonest first. Two queries per assessment; a dashboard shows a handful.
 */
export async function expiringEvidenceQueue(
	db: Database,
	assessments: readonly Pick<AssessmentRecord, 'id' | 'title'>[],
	today: string,
	clientNameOf: (assessmentId: string) => string | null = () => null
): Promise<ExpiringEvidenceEntry[]> {
	const perAssessment = await Promise.all(
		assessments.map(async (a) =>
			(await evidenceAttention(db, a, today, () => true)).expiring.map((f) => ({
				...f,
				assessmentId: a.id,
				assessmentTitle: a.title,
				clientName: clientNameOf(a.id)
			}))
		)
	);
	return perAssessment
		.flat()
		.sort((a, b) => (a.expiresOn ?? '9999').localeCompare(b.expiresOn ?? '9999'));
}
