import { m } from '$lib/paraglide/messages';

/** What a notification says, in the reader's language. */
export function notificationText(n: {
	kind: string;
	actorName: string | null;
	assessmentTitle: string | null;
	itemId: string | null;
	data: Record<string, unknown>;
}): string {
	const words = {
		actor: n.actorName ?? m.notify_someone(),
		title: n.assessmentTitle ?? '—',
		item: n.itemId ?? '',
		file: typeof n.data.file === 'string' ? n.data.file : ''
	};
	switch (n.kind) {
		case 'assigned':
			return m.notify_kind_assigned(words);
		case 'evidence_requested':
			return m.notify_kind_evidence_requested(words);
		case 'evidence_rejected':
			return m.notify_kind_evidence_rejected(words);
		case 'mentioned':
			return m.notify_kind_mentioned(words);
		case 'review_requested':
			return m.notify_kind_review_requested(words);
		case 'sent_back':
			return m.notify_kind_sent_back(words);
		case 'finalised':
			return m.notify_kind_finalised(words);
		default:
			return m.notify_kind_reopened(words);
	}
}

/** Where a notification leads: the item, or the page of the assessment that needs the reader. */
export function notificationHref(
	orgId: string,
	n: { kind: string; assessmentId: string | null; itemId: string | null }
): string | null {
	if (!n.assessmentId) return null;
	const base = `/o/${orgId}/assessments/${n.assessmentId}`;
	if (n.itemId) return `${base}/items/${encodeURIComponent(n.itemId)}`;
	if (n.kind === 'review_requested' || n.kind === 'finalised') return `${base}/review`;
	if (n.kind === 'sent_back' || n.kind === 'reopened') return `${base}/questionnaire`;
	return base;
}

const ACTIONS: Record<string, () => string> = {
	'assessment.created': m.notify_act_assessment_created,
	'assessment.imported': m.notify_act_assessment_imported,
	'assessment.started_from_previous': m.notify_act_assessment_started_from_previous,
	'assessment.submit': m.notify_act_assessment_submit,
	'assessment.part_submitted': m.notify_act_assessment_part_submitted,
	'assessment.request_changes': m.notify_act_assessment_request_changes,
	'assessment.finalise': m.notify_act_assessment_finalise,
	'assessment.reopen': m.notify_act_assessment_reopen,
	'assessment.schedule': m.notify_act_assessment_schedule,
	'assessment.archived': m.notify_act_assessment_archived,
	'assessment.restored': m.notify_act_assessment_restored,
	'assessment.deleted': m.notify_act_assessment_deleted,
	'profile.saved': m.notify_act_profile_saved,
	'answer.saved': m.notify_act_answer_saved,
	'answer.confirmed': m.notify_act_answer_confirmed,
	'item.reviewed': m.notify_act_item_reviewed,
	'item.commented': m.notify_act_item_commented,
	'evidence.uploaded': m.notify_act_evidence_uploaded,
	'evidence.removed': m.notify_act_evidence_removed,
	'evidence.requested': m.notify_act_evidence_requested,
	'evidence.accepted': m.notify_act_evidence_accepted,
	'evidence.rejected': m.notify_act_evidence_rejected,
	'report.issued': m.notify_act_report_issued
};

/** An audit action as the activity list says it. */
export function activityText(action: string): string {
	return ACTIONS[action]?.() ?? m.notify_act_other({ action });
}
