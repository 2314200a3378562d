import type { Database } from '../db/connection';
import { listAccessReview, type AccessReviewRow } from '../db/queries/access-review';
import { listApiTokens, type ApiTokenRecord } from '../db/queries/api-tokens';

export interface AccessReviewMember extends AccessReviewRow {
	/** The member's working tokens in this organisation. */
	tokens: ApiTokenRecord[];
}

/**
 * Everything an owner reviews about who can get in: each member, their role, whether their
 * address is verified, their second factor, their last sign-in, and the tokens acting for them.
 */
export async function accessReview(db: Database, orgId: string): Promise<AccessReviewMember[]> {
	const [members, tokens] = await Promise.all([
		listAccessReview(db, orgId),
		listApiTokens(db, { orgId })
	]);
	return members.map((member) => ({
		...member,
		tokens: tokens.filter((t) => t.userId === member.userId)
	}));
}
