import { fail, type RequestEvent } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { bulkAnswersSchema } from '$lib/schemas/assessment';
import { reachesDomain } from '../../auth/scope';
import { changeAnswers, type BulkChange, type BulkSkip } from '../../assessments/bulk';
import { assessmentCorpus } from '../../assessments/service';
import { runtime } from '../runtime';
import { requireAssessment } from '../guards/assessment';

const skipText: Record<BulkSkip, () => string> = {
	conflict: () => m.workspace_skip_conflict(),
	never_na: () => m.workspace_skip_never_na(),
	not_carried_over: () => m.workspace_skip_not_carried_over(),
	not_gap: () => m.workspace_skip_not_gap(),
	not_applicable_item: () => m.workspace_skip_not_applicable_item(),
	unchanged: () => m.workspace_skip_unchanged(),
	reason_required: () => m.sec_skip_reason_required(),
	too_long: () => m.sec_skip_too_long(),
	bidi_control: () => m.sec_skip_bidi_control()
};

/** The workspace's bulk change: N/A with one reason, confirm carried over, owner, due date. */
export async function bulkAnswersAction(
	event: RequestEvent<{ orgId: string; assessmentId: string }>
) {
	const { assessment, actor, membership } = await requireAssessment(
		event,
		event.params.orgId,
		event.params.assessmentId,
		'edit'
	);
	const form = await superValidate(event.request, zod4(bulkAnswersSchema), { id: 'bulk' });
	if (!form.valid) return fail(400, { bulkForm: form });
	const db = runtime().db;
	const corpus = await assessmentCorpus(db, assessment);
	const domainOf = new Map(corpus.items.map((i) => [i.id, i.domain]));
	const items = form.data.items.map((entry) => {
		const [itemId = '', version = '0'] = entry.split(':');
		return { itemId, version: Number(version) };
	});
	// A respondent restricted to some domains changes only within them; the rest is not theirs.
	const reachable = items.filter((i) => reachesDomain(membership, domainOf.get(i.itemId) ?? ''));
	const { data } = form;
	const change: BulkChange =
		data.change === 'not_applicable'
			? { kind: 'not_applicable', reason: data.reason }
			: data.change === 'owner'
				? { kind: 'owner', owner: data.owner }
				: data.change === 'due'
					? { kind: 'due', due: data.due }
					: { kind: 'confirm' };
	const result = await changeAnswers(db, actor, { assessment, items: reachable, change });
	const unreachable = items
		.filter((i) => !reachable.includes(i))
		.map((i) => ({ itemId: i.itemId, reason: 'not_applicable_item' as const }));
	return {
		bulkForm: form,
		bulk: {
			changed: result.changed.length,
			skipped: [...result.skipped, ...unreachable].map((s) => ({
				itemId: s.itemId,
				reason: skipText[s.reason]()
			}))
		}
	};
}
