import { error } from '@sveltejs/kit';
import type { Item } from '../../../domain/corpus';
import type { AssessmentRecord } from '../../db/queries/assessments';
import type { Membership } from '../../db/queries/organisations';
import { applicableItem, assessmentCorpus } from '../../assessments/service';
import { reachesDomain } from '../../auth/scope';
import { runtime } from '../runtime';

/** The item if the assessment's profile scopes it in and the member reaches its domain; else null. */
export async function evidenceItem(
	membership: Membership,
	assessment: AssessmentRecord,
	itemId: string
): Promise<Item | null> {
	const corpus = await assessmentCorpus(runtime().db, assessment);
	const item = applicableItem(corpus, assessment.profile, itemId);
	return item && reachesDomain(membership, item.domain) ? item : null;
}

/** The same, 404 when out of scope or reach. */
export async function requireEvidenceItem(
	membership: Membership,
	assessment: AssessmentRecord,
	itemId: string
): Promise<Item> {
	const item = await evidenceItem(membership, assessment, itemId);
	if (!item) error(404, 'Not found');
	return item;
}
