import { IDENTITY_MAX } from '$lib/domain/identity';
import { requiredText, z } from './zod';

/**
 * The organisation's own record, edited by its owners: the name shown in the app, and the two
 * licence facts a firm assessing itself keeps here (their one source for its drafts).
 */
export const organisationSchema = z.object({
	name: requiredText(200),
	registeredName: z.string().trim().max(IDENTITY_MAX.registered_name).default(''),
	businessScope: z.string().trim().max(IDENTITY_MAX.business_scope).default('')
});

export type OrganisationForm = typeof organisationSchema._zod.output;
