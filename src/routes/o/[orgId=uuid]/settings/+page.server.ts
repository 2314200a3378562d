import { error } from '@sveltejs/kit';
import { fail, message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { logoSchema } from '$lib/schemas/branding';
import { apiTokenActions, loadApiTokens } from '$lib/server/web/actions/api-tokens';
import { loadOrgSecurity, orgSecurityActions } from '$lib/server/web/actions/org-security';
import {
	loadOrganisationRecord,
	organisationRecordActions
} from '$lib/server/web/actions/organisation-record';
import { requireOrgWide } from '$lib/server/web/guards/auth';
import { checkLogo, organisationLogo, setOrganisationLogo } from '$lib/server/orgs/branding';
import { runtime } from '$lib/server/web/runtime';
import type { Actions, PageServerLoad } from './$types';

/** Organisation settings: owners only. Each section loads its own form; branding is a consultancy's. */
export const load: PageServerLoad = async (event) => {
	const { membership } = await requireOrgWide(event, event.params.orgId, ['owner']);
	const branding =
		membership.orgKind === 'consultancy'
			? {
					form: await superValidate(zod4(logoSchema), { id: 'branding' }),
					logo: await logoPreview(membership.orgId)
				}
			: null;
	return {
		branding,
		...(await loadOrganisationRecord(event)),
		...(await loadApiTokens(event)),
		...(await loadOrgSecurity(event))
	};
};

async function logoPreview(orgId: string): Promise<string | null> {
	const logo = await organisationLogo(runtime().db, orgId);
	return logo ? dataUrl(logo.mime, logo.bytes) : null;
}

const dataUrl = (mime: string, bytes: Uint8Array) =>
	`data:${mime};base64,${Buffer.from(bytes).toString('base64')}`;

async function requireBrandingOwner(event: Parameters<Actions[string]>[0]) {
	const viewer = await requireOrgWide(event, event.params.orgId!, ['owner']);
	if (viewer.membership.orgKind !== 'consultancy') error(403, 'Forbidden');
	return viewer;
}

export const actions: Actions = {
	...organisationRecordActions,
	...apiTokenActions,
	...orgSecurityActions,
	logo: async (event) => {
		const { actor, membership } = await requireBrandingOwner(event);
		const form = await superValidate(event.request, zod4(logoSchema), { id: 'branding' });
		if (!form.valid) return fail(400, { form });
		const bytes = new Uint8Array(await form.data.logo.arrayBuffer());
		const checked = await checkLogo(bytes);
		if (!checked.ok) return setError(form, 'logo', checked.message);
		await setOrganisationLogo(runtime().db, actor, {
			orgId: membership.orgId,
			logo: { bytes, mime: checked.mime }
		});
		return message(form, { type: 'success' as const, text: m.branding_saved() });
	},
	removeLogo: async (event) => {
		const { actor, membership } = await requireBrandingOwner(event);
		await setOrganisationLogo(runtime().db, actor, { orgId: membership.orgId, logo: null });
		// An empty form is "invalid" to superforms, and `message` would answer 400: set it directly.
		const form = await superValidate(zod4(logoSchema), { id: 'branding' });
		form.message = { type: 'success' as const, text: m.branding_removed() };
		return { form };
	}
};
