import {
	requireAssessment,
	canEdit,
	canReview,
	START_ROLES
} from '$lib/server/web/guards/assessment';
import { listIdentityConflicts } from '$lib/server/identity/service';
import { runtime } from '$lib/server/web/runtime';
import { reachesWholeAssessments } from '$lib/server/auth/scope';
import { currentQuestionnaire } from '$lib/server/corpus';
import { clientOf } from '$lib/server/clients/service';
import { scheduleOf, SCHEDULE_ROLES } from '$lib/server/assessments/schedule';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
	// A deleted assessment opens only its lifecycle page (restore or purge); every other page 404s.
	const { assessment, membership } = await requireAssessment(
		event,
		event.params.orgId,
		event.params.assessmentId,
		'view',
		{ includeDeleted: event.route.id?.endsWith('/lifecycle') ?? false }
	);
	// The registered name or business scope differed from the record: whoever manages it chooses.
	const canResolveIdentity = START_ROLES.includes(membership.role);
	const db = runtime().db;
	// Read at once, not one after the other: every tab of an assessment waits for this layout.
	const [client, identityConflicts, schedule] = await Promise.all([
		assessment.clientId ? clientOf(db, { orgId: membership.orgId, id: assessment.clientId }) : null,
		canResolveIdentity
			? listIdentityConflicts(db, { orgId: membership.orgId, assessmentId: assessment.id })
			: [],
		scheduleOf(db, assessment)
	]);
	return {
		/** The context line: client → assessment → state. */
		client: client ? { id: client.id, name: client.name } : null,
		identityConflicts,
		assessment: {
			id: assessment.id,
			title: assessment.title,
			state: assessment.state,
			versionHash: assessment.versionHash,
			hasProfile: assessment.profileVersion > 0,
			/** A newer questionnaire than this assessment's is current. */
			outdated: assessment.versionHash !== currentQuestionnaire().hash,
			clientId: assessment.clientId
		},
		/** Due date, responsible consultant, overdue or due soon: shown in the head of every tab. */
		schedule,
		canSchedule: SCHEDULE_ROLES.includes(membership.role),
		/** Archived or deleted (awaiting its purge): said in the head of every tab. */
		shelf: assessment.deletedAt
			? ('deleted' as const)
			: assessment.archivedAt
				? ('archived' as const)
				: ('active' as const),
		canEdit: canEdit(membership, assessment),
		canReview: canReview(membership),
		/** False for a respondent restricted to some domains: no profile, result or report. */
		wholeAssessment: reachesWholeAssessments(membership)
	};
};
