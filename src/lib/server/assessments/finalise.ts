import type { Database } from '../db/connection';
import type { AssessmentRecord } from '../db/queries/assessments';
import type { Membership } from '../db/queries/organisations';
import { findFinaliseOverride } from '../db/queries/finalise-overrides';
import { listItemReviews } from '../db/queries/reviews';
import { openItemsAtFinalise, type OpenItems } from '../../domain/finalise-guard';
import { reachesDomain } from '../auth/scope';
import { loadAssessmentView } from './service';

/**
 * The items finalising would leave open, as the assessment stands: what the confirmation lists and
 * what an override must answer for. Items outside the reviewer's domains are counted all the same
 * (finalising closes the whole assessment), but only their ids are shown to one who reaches them.
 */
export async function openItemsOf(db: Database, assessment: AssessmentRecord): Promise<OpenItems> {
	return (await openWithDomains(db, assessment)).open;
}

async function openWithDomains(db: Database, assessment: AssessmentRecord) {
	const [{ corpus, evaluation }, reviews] = await Promise.all([
		loadAssessmentView(db, assessment),
		listItemReviews(db, assessment.id)
	]);
	const open = openItemsAtFinalise({
		applicable: evaluation.result.applicable,
		unanswered: evaluation.result.unanswered,
		reviews: new Map(reviews.map((r) => [r.itemId, r.status]))
	});
	return { open, domainOf: new Map(corpus.items.map((i) => [i.id, i.domain])) };
}

/** The open items with their domain, for a confirmation list a member may read. */
export async function openItemsForConfirmation(
	db: Database,
	assessment: AssessmentRecord,
	membership: Membership
): Promise<OpenItems> {
	const { open, domainOf } = await openWithDomains(db, assessment);
	const visible = (ids: string[]) =>
		ids.filter((id) => reachesDomain(membership, domainOf.get(id) ?? ''));
	return {
		unanswered: visible(open.unanswered),
		unreviewed: visible(open.unreviewed),
		changesRequested: visible(open.changesRequested)
	};
}

/** The owner and reason of a finalisation over open items, or null: the report prints it. */
export function finaliseOverrideOf(db: Database, assessmentId: string) {
	return findFinaliseOverride(db, assessmentId);
}
