import { error, redirect } from '@sveltejs/kit';
// Superforms' fail, not SvelteKit's: it leaves the uploaded file out of the returned form.
import { fail, message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { startAssessmentSchema } from '$lib/schemas/assessment';
import { startFromPreviousSchema } from '$lib/schemas/history';
import { startFromPrevious } from '$lib/server/assessments/history';
import {
	importAssessmentFormSchema,
	type AssessmentExport,
	type ImportNotice
} from '$lib/schemas/assessment-export';
import { importAssessment } from '$lib/server/assessments/transfer';
import { requireMembership, requireOrgWide } from '$lib/server/web/guards/auth';
import { isRestricted } from '$lib/server/auth/scope';
import { START_ROLES } from '$lib/server/web/guards/assessment';
import { listAssessmentRows } from '$lib/server/assessments/list';
import { startAssessmentAction } from '$lib/server/web/actions/start-assessment';
import { clientChoices } from '$lib/server/clients/service';
import { runtime } from '$lib/server/web/runtime';
import { jsonTooDeep, MAX_JSON_DEPTH } from '$lib/server/web/json-depth';
import type { Actions, PageServerLoad } from './$types';

type ImportForm = typeof importAssessmentFormSchema._zod.output;

export const load: PageServerLoad = async (event) => {
	const { membership } = await requireMembership(event, event.params.orgId);
	const db = runtime().db;
	const canStart = START_ROLES.includes(membership.role) && !isRestricted(membership);
	// Archived and deleted assessments are listed apart, to those who archive and delete them.
	const asked = event.url.searchParams.get('shelf');
	const shelf = canStart && (asked === 'archived' || asked === 'deleted') ? asked : 'active';
	return {
		assessments: await listAssessmentRows(db, membership, { shelf }),
		shelf,
		canStart,
		clients:
			canStart && membership.orgKind === 'consultancy'
				? await clientChoices(db, membership.orgId)
				: [],
		form: await superValidate(zod4(startAssessmentSchema)),
		importForm: await superValidate<ImportForm, ImportNotice>(zod4(importAssessmentFormSchema))
	};
};

export const actions: Actions = {
	start: (event) => startAssessmentAction(event),
	/** The next assessment, started from a previous one (from this list or its result page). */
	next: async (event) => {
		const { actor, membership } = await requireOrgWide(event, event.params.orgId, START_ROLES);
		const form = await superValidate(event.request, zod4(startFromPreviousSchema));
		if (!form.valid) return fail(400, { nextForm: form });
		const id = await startFromPrevious(runtime().db, actor, {
			orgId: membership.orgId,
			previousId: form.data.previousId,
			title: form.data.title
		});
		if (!id) error(404, 'Not found');
		redirect(303, `/o/${membership.orgId}/assessments/${id}/questionnaire`);
	},
	/** An exported assessment (JSON) as a new draft, for the same or another client of the org. */
	import: async (event) => {
		const { actor, membership } = await requireOrgWide(event, event.params.orgId, START_ROLES);
		const form = await superValidate<ImportForm, ImportNotice>(
			event.request,
			zod4(importAssessmentFormSchema)
		);
		if (!form.valid) return fail(400, { form });
		let data: unknown;
		try {
			const text = await form.data.file.text();
			if (jsonTooDeep(text))
				return setError(form, 'file', m.hostile_json_too_deep({ max: MAX_JSON_DEPTH }));
			data = JSON.parse(text);
		} catch {
			return setError(form, 'file', m.exports_err_not_json());
		}
		const result = await importAssessment(runtime().db, actor, {
			orgId: membership.orgId,
			clientId: form.data.clientId || null,
			confirmOtherClient: form.data.confirmOtherClient,
			otherClient: form.data.otherClient,
			// importAssessment validates the whole document itself before it writes anything.
			data: data as AssessmentExport
		});
		if (!result.ok) {
			if (result.otherClient)
				return message(
					form,
					{
						type: 'error',
						text: result.issues[0]!.message,
						issues: [m.import_guard_hint()],
						confirmOtherClient: true
					},
					{ status: 409 }
				);
			const client = result.issues.find((i) => i.path === 'clientId');
			if (client) return setError(form, 'clientId', client.message);
			return message(
				form,
				{
					type: 'error',
					text: m.exports_import_issues(),
					issues: result.issues.map((i) => `${i.path}: ${i.message}`)
				},
				{ status: 400 }
			);
		}
		const made = `/o/${membership.orgId}/assessments/${result.id}/result`;
		// A JSON file carries no file's bytes: say which evidence files were left behind.
		if (result.evidenceNotRestored.length > 0)
			return message(form, {
				type: 'success',
				text: m.notify_import_not_restored({ count: result.evidenceNotRestored.length }),
				issues: result.evidenceNotRestored.map((f) => `${f.itemId} · ${f.fileName} · ${f.sha256}`),
				link: { href: made, label: m.notify_import_open() }
			});
		redirect(303, made);
	}
};
