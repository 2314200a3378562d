import { fail } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { getLocale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import type { FormNotice } from '$lib/forms';
import { packEditSchema, packPageFormSchema, type PackPageForm } from '$lib/schemas/pack';
import type { PackInput } from '$lib/domain/pack-input';
import { requirePackEditor } from '$lib/server/web/guards/pack';
import { requireAssessment } from '$lib/server/web/guards/assessment';
import { runtime } from '$lib/server/web/runtime';
import {
	editFingerprint,
	loadPackForm,
	loadPackModel,
	savePackEdit,
	savePackInput
} from '$lib/server/pack/service';
import { canEditPack } from '$lib/server/web/guards/pack';
import type { PackSection } from '$lib/domain/filing-pack';
import { attachmentsBlock, exitBlock, supportBlock } from '$lib/domain/pack-annex-text';
import type { Actions, PageServerLoad } from './$types';

/** The drafted statements as plain lines: where a person starts an edit from. */
function draftText(section: PackSection, toComplete: string): string {
	return section.statements
		.map(
			(s) =>
				(s.label ? `${s.label}${getLocale() === 'zh' ? '：' : ': '}` : '') + (s.text ?? toComplete)
		)
		.join('\n');
}

const PACK_FIELD_LABELS: Record<keyof PackInput, () => string> = {
	service_name: m.pack_field_service_name,
	channels: m.pack_field_channels,
	service_hours: m.pack_field_service_hours,
	target_users: m.pack_field_target_users,
	user_scale: m.pack_field_user_scale,
	partner_name: m.pack_field_partner_name,
	partner_licence: m.pack_field_partner_licence,
	planned_filing_date: m.pack_field_planned_filing_date,
	validity_months: m.pack_field_validity_months
};

/** The fields where the pack someone else saved differs from what this person sent, by label. */
function changedPackFields(saved: PackInput, sent: PackInput): string[] {
	return (Object.keys(PACK_FIELD_LABELS) as (keyof PackInput)[])
		.filter((field) => (saved[field] ?? null) !== (sent[field] ?? null))
		.map((field) => PACK_FIELD_LABELS[field]());
}

export const load: PageServerLoad = async (event) => {
	const { assessment, membership } = await requireAssessment(
		event,
		event.params.orgId,
		event.params.assessmentId,
		'view',
		{ wholeAssessment: true }
	);
	const db = runtime().db;
	const lang = getLocale() === 'en' ? 'en' : 'zh';
	const [model, stored] = await Promise.all([
		loadPackModel(db, { assessment, lang }),
		loadPackForm(db, assessment.id)
	]);
	const form = await superValidate<Record<string, unknown>, FormNotice>(
		{
			...Object.fromEntries(Object.entries(stored.input).map(([k, v]) => [k, v === null ? '' : v])),
			version: stored.version
		},
		zod4(packPageFormSchema),
		{ errors: false }
	);
	const sections = await Promise.all(
		model.sections.map(async (s) => ({
			id: s.id,
			heading: s.title,
			number: s.number,
			basisLabel: s.basisLabel,
			statements: s.statements,
			blockers: s.blockers,
			edit: s.edit,
			form: await superValidate<Record<string, unknown>, FormNotice>(
				{
					section: s.id,
					text: s.edit ? s.edit.text : draftText(s, model.words.toComplete),
					base_hash: s.draftHash,
					edit_hash: editFingerprint(s.edit?.text ?? null)
				},
				zod4(packEditSchema),
				{ id: `edit-${s.id}`, errors: false }
			)
		}))
	);
	return {
		form,
		pack: {
			title: model.title,
			subtitle: model.subtitle,
			path: model.path,
			front: model.front,
			toComplete: model.words.toComplete
		},
		attachments: attachmentsBlock(model),
		exit: exitBlock(model),
		support: supportBlock(model),
		sections,
		canEditPack: canEditPack(membership)
	};
};

export const actions: Actions = {
	save: async (event) => {
		const { assessment, actor } = await requirePackEditor(event);
		const form = await superValidate<PackPageForm, FormNotice>(
			event.request,
			zod4(packPageFormSchema)
		);
		if (!form.valid) return fail(400, { form });
		const { version, ...input } = form.data;
		const saved = await savePackInput(runtime().db, actor, {
			assessment,
			input,
			expectedVersion: version
		});
		if (!saved.ok) {
			form.data.version = saved.current.version;
			const changed = changedPackFields(saved.current.input, input);
			// The same values as stored (a save sent again, or two people typing alike): nothing to refuse.
			if (changed.length === 0)
				return message(form, { type: 'success', text: m.pack_form_saved() });
			// What this person typed stays in the form; the next save, made knowingly, replaces theirs.
			return message(
				form,
				{
					type: 'error',
					text: m.pack_form_conflict({
						fields: changed.join(getLocale() === 'zh' ? '、' : ', ')
					})
				},
				{ status: 409 }
			);
		}
		form.data.version = saved.version;
		return message(form, { type: 'success', text: m.pack_form_saved() });
	},
	edit: async (event) => {
		const { assessment, actor } = await requirePackEditor(event);
		const data = await event.request.formData();
		const id = `edit-${String(data.get('section') ?? '')}`;
		const form = await superValidate<Record<string, unknown>, FormNotice>(
			data,
			zod4(packEditSchema),
			{
				id
			}
		);
		if (!form.valid) return fail(400, { form });
		const clear = data.get('clear') !== null;
		const text = clear ? '' : String(form.data.text);
		const result = await savePackEdit(runtime().db, actor, {
			assessment,
			section: String(form.data.section),
			text,
			baseHash: String(form.data.base_hash),
			expectedEditHash: String(form.data.edit_hash)
		});
		if (!result.ok && result.reason === 'conflict') {
			// Saving again replaces theirs: the person has now been told what it said.
			form.data.edit_hash = editFingerprint(result.current.text || null);
			return message(
				form,
				{
					type: 'error',
					text: m.harden_pack_edit_conflict({
						who: result.current.editedBy ?? m.harden_pack_edit_conflict_someone(),
						theirs: excerpt(result.current.text, 400)
					})
				},
				{ status: 409 }
			);
		}
		if (!result.ok) return fail(400, { form });
		form.data.edit_hash = editFingerprint(text || null);
		return message(form, {
			type: 'success',
			text: clear ? m.pack_edit_cleared() : m.pack_edit_saved()
		});
	}
};

/** The start of a long text, cut at a character (not inside a surrogate pair), with an ellipsis. */
function excerpt(text: string, max: number): string {
	const chars = [...text];
	return chars.length <= max ? text : `${chars.slice(0, max).join('')}…`;
}
