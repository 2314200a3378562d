import { assessmentSummaryJson, startApiAssessment } from '$lib/server/api/assessments';
import type { Profile } from '$lib/domain/profile';
import { apiEndpoint } from '$lib/server/api/endpoint';
import { listAssessments } from '$lib/server/db/queries/assessments';

export const GET = apiEndpoint('listAssessments', async ({ api }) => {
	const assessments = await listAssessments(api.db, { orgId: api.membership.orgId });
	return { assessments: assessments.map(assessmentSummaryJson) };
});

export const POST = apiEndpoint('createAssessment', async ({ api, body }) => {
	return startApiAssessment(api, {
		clientId: body.client_id ?? null,
		title: body.title,
		profile: (body.profile ?? {}) as Profile
	});
});
