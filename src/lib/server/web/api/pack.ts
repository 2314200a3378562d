import type { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { normalisePackInput, type PackInput } from '$lib/domain/pack-input';
import type { packFormSchema, putPackSchema } from '$lib/schemas/api-pack';
import { isRestricted } from '../../auth/scope';
import { loadPackForm, savePackInput } from '../../pack/service';
import { requireApiAssessment } from './assessments';
import type { ApiContext } from './endpoint';
import { ApiError, forbidden } from './http';
import { EDIT_ROLES } from '../guards/assessment';

const formJson = (input: PackInput, version: number): z.input<typeof packFormSchema> => ({
	...input,
	version
});

/** The pack form reaches the whole assessment: a member limited to some of it neither reads nor writes it. */
function requireWholeAssessment(api: ApiContext) {
	if (isRestricted(api.membership)) throw forbidden(m.pack_api_err_scope());
}

export async function getApiPackForm(api: ApiContext, id: string) {
	requireWholeAssessment(api);
	const assessment = await requireApiAssessment(api, id);
	const { input, version } = await loadPackForm(api.db, assessment.id);
	return formJson(input, version);
}

/** Saves the pack form (also once the assessment is final); a stale version is a 409. */
export async function putApiPackForm(
	api: ApiContext,
	id: string,
	body: z.output<typeof putPackSchema>
) {
	requireWholeAssessment(api);
	if (!EDIT_ROLES.includes(api.membership.role)) throw forbidden(m.pack_api_err_role());
	const assessment = await requireApiAssessment(api, id);
	const { version, ...fields } = body;
	const input = normalisePackInput(fields);
	const result = await savePackInput(api.db, api.actor, {
		assessment,
		input,
		expectedVersion: version ?? 0
	});
	if (!result.ok)
		throw new ApiError(409, 'version_conflict', m.api_err_version_conflict(), undefined, {
			current: formJson(result.current.input, result.current.version)
		});
	return formJson(input, result.version);
}
