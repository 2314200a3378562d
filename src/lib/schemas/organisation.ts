import { IDENTITY_MAX } from '$lib/domain/identity';
import { optionalText, requiredText, z } from './zod';

/**
 * The organisation's own record, edited by its owners: the name shown in the app, and the two
 * licence facts a firm assessing itself keeps here (their one source for its drafts).
 */
export const organisationSchema = z.object({
	name: requiredText(200),
	registeredName: optionalText(IDENTITY_MAX.registered_name),
	businessScope: optionalText(IDENTITY_MAX.business_scope)
});

export type OrganisationForm = typeof organisationSchema._zod.output;
