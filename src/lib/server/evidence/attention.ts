import { evidenceExpiry, latestVersions, type EvidenceAttention } from '../../domain/evidence';
import type { Database } from '../db/connection';
import type { AssessmentRecord } from '../db/queries/assessments';
import { listEvidenceFiles, listEvidenceRequests } from '../db/queries/evidence-files';

/** What an assessment's evidence asks of people now, on the items `inReach` lets through. */
export async function evidenceAttention(
	db: Database,
	assessment: Pick<AssessmentRecord, 'id'>,
	today: string,
	inReach: (itemId: string) => boolean
): Promise<EvidenceAttention> {
	const [requests, files] = await Promise.all([
		listEvidenceRequests(db, { assessmentId: assessment.id }),
		listEvidenceFiles(db, { assessmentId: assessment.id })
	]);
	const todo = requests
		.filter((r) => r.fulfilledAt === null && inReach(r.itemId))
		.sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'))
		.map((r) => ({
			id: r.id,
			itemId: r.itemId,
			description: r.description,
			dueOn: r.dueOn,
			overdue: r.dueOn !== null && r.dueOn < today
		}));
	const expiring = latestVersions(files)
		.filter((f) => inReach(f.itemId))
		.map((f) => ({ ...f, expiry: evidenceExpiry(f.expiresOn, today) }))
		.filter((f) => f.expiry !== 'valid' || f.needsReconfirmation)
		.sort((a, b) => (a.expiresOn ?? '').localeCompare(b.expiresOn ?? ''))
		.map((f) => ({
			id: f.id,
			itemId: f.itemId,
			fileName: f.fileName,
			expiresOn: f.expiresOn,
			expiry: f.expiry,
			needsReconfirmation: f.needsReconfirmation
		}));
	return { todo, expiring };
}
