import type { Database } from '../db/connection';
import type { AssessmentRecord } from '../db/queries/assessments';
import type { Membership } from '../db/queries/organisations';
import { listSubmittedParts } from '../db/queries/assessment-parts';
import { reachesDomain } from '../auth/scope';
import { loadAssessmentView } from './service';

/** The domains with items in scope of the assessment (its profile decides): the parts to submit. */
export async function domainsInScope(
	db: Database,
	assessment: AssessmentRecord
): Promise<string[]> {
	const { corpus, evaluation } = await loadAssessmentView(db, assessment);
	return corpus.domains
		.filter((d) => evaluation.score.domains[d.id] !== undefined)
		.map((d) => d.id);
}

/** Each domain in scope the member reaches, and who submitted it when (null: not yet). */
export async function partsOf(db: Database, assessment: AssessmentRecord, membership: Membership) {
	const [scope, parts] = await Promise.all([
		domainsInScope(db, assessment),
		listSubmittedParts(db, assessment.id)
	]);
	const byDomain = new Map(parts.map((p) => [p.domain, p]));
	return scope
		.filter((d) => reachesDomain(membership, d))
		.map((domain) => {
			const part = byDomain.get(domain);
			return {
				domain,
				submittedBy: part?.submitterName ?? null,
				submittedAt: part?.submittedAt ?? null
			};
		});
}
