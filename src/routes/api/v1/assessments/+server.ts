import type { Profile } from '$lib/domain/profile';
import {
	assessmentSummaryJson,
	startApiAssessment,
	startApiAssessmentFrom
} from '$lib/server/web/api/assessments';
import { apiEndpoint } from '$lib/server/web/api/endpoint';
import { assessmentsOf } from '$lib/server/assessments/list';

export const GET = apiEndpoint('listAssessments', async ({ api, query }) => {
	const assessments = await assessmentsOf(api.db, api.membership.orgId, query.shelf);
	return { assessments: assessments.map(assessmentSummaryJson) };
});

export const POST = apiEndpoint('createAssessment', async ({ api, body }) =>
	body.from_assessment_id
		? startApiAssessmentFrom(api, { previousId: body.from_assessment_id, title: body.title })
		: startApiAssessment(api, {
				clientId: body.client_id ?? null,
				title: body.title,
				profile: (body.profile ?? {}) as Profile,
				confirmIdentityChange: body.confirm_client_identity_change === true
			})
);
