import { fail } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { getLocale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import type { FormNotice } from '$lib/forms';
import {
	packEditSchema,
	packPageFormSchema,
	type PackFormNotice,
	type PackPageForm
} from '$lib/schemas/pack';
import {
	mergePackInput,
	normalisePackInput,
	type PackField,
	type PackInput
} from '$lib/domain/pack-input';
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

/** Fields by their labels, in the page's language. */
const fieldList = (fields: readonly PackField[]) =>
	fields.map((field) => PACK_FIELD_LABELS[field]()).join(getLocale() === 'zh' ? '、' : ', ');

/** The form's values as the page holds them: what `base` carries, and what the inputs show. */
const asFormValues = (input: PackInput) =>
	Object.fromEntries(Object.entries(input).map(([k, v]) => [k, v === null ? '' : v]));

/** The values the writer opened the form with, when the page sent them readable. */
function baseOf(base: string | undefined): PackInput | null {
	if (!base) return null;
	try {
		return normalisePackInput(JSON.parse(base));
	} catch {
		return null;
	}
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
	const form = await superValidate<Record<string, unknown>, PackFormNotice>(
		{
			...asFormValues(stored.input),
			version: stored.version,
			base: JSON.stringify(stored.input)
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
		const form = await superValidate<PackPageForm, PackFormNotice>(
			event.request,
			zod4(packPageFormSchema)
		);
		if (!form.valid) return fail(400, { form });
		const { version, base, ...input } = form.data;
		const opened = baseOf(base);
		const db = runtime().db;
		let saved = await savePackInput(db, actor, { assessment, input, expectedVersion: version });
		if (saved.ok) {
			Object.assign(form.data, { version: saved.version, base: JSON.stringify(input) });
			return message(form, { type: 'success', text: m.pack_form_saved() });
		}
		let merge = mergePackInput(opened, input, saved.current.input);
		// Someone saved other fields since: their changes and this person's, saved together.
		if (merge.conflicts.length === 0 && merge.theirs.length > 0) {
			const theirs = merge.theirs;
			const again = await savePackInput(db, actor, {
				assessment,
				input: merge.merged,
				expectedVersion: saved.current.version
			});
			if (again.ok) {
				Object.assign(form.data, asFormValues(merge.merged), {
					version: again.version,
					base: JSON.stringify(merge.merged)
				});
				return message(form, {
					type: 'success',
					text: m.pack_form_saved_merged({ fields: fieldList(theirs) })
				});
			}
			saved = again;
			merge = mergePackInput(opened, input, again.current.input);
		}
		const { current } = saved;
		// The same values as stored (a save sent again, or two people typing alike): nothing to refuse.
		if (merge.conflicts.length === 0 && merge.theirs.length === 0) {
			Object.assign(form.data, { version: current.version, base: JSON.stringify(current.input) });
			return message(form, { type: 'success', text: m.pack_form_saved() });
		}
		// Nothing saved. The form now holds this person's changes over the other save — what they
		// typed stays, what only the other changed comes in, what both changed is shown beside the
		// field — so that the next save, made knowingly, loses neither's text.
		Object.assign(form.data, asFormValues(merge.merged), {
			version: current.version,
			base: JSON.stringify(current.input)
		});
		if (!opened)
			return message(
				form,
				{ type: 'error', text: m.pack_form_conflict({ fields: fieldList(merge.conflicts) }) },
				{ status: 409 }
			);
		const text = [
			merge.conflicts.length
				? m.pack_form_conflict_beside({ fields: fieldList(merge.conflicts) })
				: m.pack_form_not_saved(),
			...(merge.theirs.length
				? [m.pack_form_conflict_taken({ fields: fieldList(merge.theirs) })]
				: [])
		].join(getLocale() === 'zh' ? '' : ' ');
		const theirValues = Object.fromEntries(
			merge.conflicts.map((f) => [f, current.input[f] === null ? '' : String(current.input[f])])
		);
		return message(form, { type: 'error', text, saved: theirValues }, { status: 409 });
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
			const who = result.current.editedBy ?? m.harden_pack_edit_conflict_someone();
			const theirs = excerpt(result.current.text, 400);
			// Told what happened: they took it back to the draft (nothing of theirs to quote), or
			// changed it while this person was saving text or taking it back to the draft.
			const text =
				result.current.text === ''
					? m.harden_pack_edit_conflict_cleared()
					: clear
						? m.harden_pack_edit_conflict_not_cleared({
								who,
								theirs,
								button: m.pack_edit_clear()
							})
						: m.harden_pack_edit_conflict({ who, theirs });
			return message(form, { type: 'error', text }, { status: 409 });
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
