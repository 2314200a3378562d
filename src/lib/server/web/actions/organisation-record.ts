import { fail, type RequestEvent } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import type { FormNotice } from '$lib/forms';
import { organisationSchema, type OrganisationForm } from '$lib/schemas/organisation';
import { editOrganisationRecord, organisationRecord } from '../../orgs/organisation-record';
import { requireOrgWide } from '../guards/auth';
import { runtime } from '../runtime';

/** The settings' first section (owners): the organisation's name, registered name and business scope. */
const OWNER = ['owner'] as const;
const FORM_ID = 'organisation';
type OrgEvent = RequestEvent<{ orgId: string }>;

async function formValues(orgId: string): Promise<OrganisationForm> {
	const record = await organisationRecord(runtime().db, orgId);
	return {
		name: record?.name ?? '',
		registeredName: record?.registeredName ?? '',
		businessScope: record?.businessScope ?? ''
	};
}

export async function loadOrganisationRecord(event: OrgEvent) {
	const { membership } = await requireOrgWide(event, event.params.orgId, OWNER);
	return {
		organisation: {
			form: await superValidate<OrganisationForm, FormNotice>(
				await formValues(membership.orgId),
				zod4(organisationSchema),
				{ id: FORM_ID, errors: false }
			)
		}
	};
}

export const organisationRecordActions = {
	organisation: async (event: OrgEvent) => {
		const { actor, membership } = await requireOrgWide(event, event.params.orgId, OWNER);
		const form = await superValidate<OrganisationForm, FormNotice>(
			event.request,
			zod4(organisationSchema),
			{ id: FORM_ID }
		);
		if (!form.valid) return fail(400, { form });
		const changed = await editOrganisationRecord(runtime().db, actor, {
			orgId: membership.orgId,
			...form.data
		});
		form.data = await formValues(membership.orgId);
		return message(form, {
			type: 'success',
			text: changed ? m.face_org_saved() : m.face_org_unchanged()
		});
	}
};
