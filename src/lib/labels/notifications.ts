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
	'report.issued': m.notify_act_report_issued,
	'answer.carried_by_version': m.notify2_act_answer_carried_by_version,
	'answer.removed_by_version': m.notify2_act_answer_removed_by_version,
	'answer.to_confirm_by_version': m.notify2_act_answer_to_confirm_by_version,
	'api_token.created': m.notify2_act_api_token_created,
	'api_token.narrowed': m.notify2_act_api_token_narrowed,
	'api_token.revoked': m.notify2_act_api_token_revoked,
	'api_token.widened': m.notify2_act_api_token_widened,
	'assessment.purged': m.notify2_act_assessment_purged,
	'assessment.version_moved': m.notify2_act_assessment_version_moved,
	'audit.redacted': m.notify2_act_audit_redacted,
	'client.archived': m.clients_lifecycle_act_archived,
	'client.created': m.notify2_act_client_created,
	'client.deleted': m.clients_lifecycle_act_deleted,
	'client.identity_updated': m.notify2_act_client_identity_updated,
	'client.purged': m.clients_lifecycle_act_purged,
	'client.restored': m.clients_lifecycle_act_restored,
	'client.updated': m.notify2_act_client_updated,
	'digest.sent': m.notify2_act_digest_sent,
	'evidence.released': m.notify2_act_evidence_released,
	'gap_action.status_changed': m.notify2_act_gap_action_status_changed,
	'gap_observation.saved': m.notify2_act_gap_observation_saved,
	'identity.conflict_resolved': m.notify2_act_identity_conflict_resolved,
	'invitation.accepted': m.notify2_act_invitation_accepted,
	'invitation.created': m.notify2_act_invitation_created,
	'invitation.resent': m.notify2_act_invitation_resent,
	'invitation.revoked': m.notify2_act_invitation_revoked,
	'member.left': m.notify2_act_member_left,
	'member.removed': m.notify2_act_member_removed,
	'member.role_changed': m.notify2_act_member_role_changed,
	'member.two_factor_reset': m.notify2_act_member_two_factor_reset,
	'notification.read': m.notify2_act_notification_read,
	'organisation.created': m.notify2_act_organisation_created,
	'organisation.identity_updated': m.notify2_act_organisation_identity_updated,
	'organisation.logo_removed': m.notify2_act_organisation_logo_removed,
	'organisation.logo_set': m.notify2_act_organisation_logo_set,
	'organisation.renamed': m.notify2_act_organisation_renamed,
	'organisation.two_factor_policy_changed': m.notify2_act_organisation_two_factor_policy_changed,
	'pack.form_saved': m.notify2_act_pack_form_saved,
	'pack.section_edited': m.notify2_act_pack_section_edited,
	'report_statement.saved': m.notify2_act_report_statement_saved,
	'template.imported': m.notify2_act_template_imported,
	'user.deleted': m.notify2_act_user_deleted,
	'user.email_change_requested': m.notify2_act_user_email_change_requested,
	'user.email_changed': m.notify2_act_user_email_changed,
	'user.email_verified': m.notify2_act_user_email_verified,
	'user.language_changed': m.notify2_act_user_language_changed,
	'user.logged_in': m.notify2_act_user_logged_in,
	'user.logged_out': m.notify2_act_user_logged_out,
	'user.login_failed': m.notify2_act_user_login_failed,
	'user.notification_preferences_changed': m.notify2_act_user_notification_preferences_changed,
	'user.password_changed': m.notify2_act_user_password_changed,
	'user.password_rehashed': m.notify2_act_user_password_rehashed,
	'user.password_reset': m.notify2_act_user_password_reset,
	'user.password_reset_requested': m.notify2_act_user_password_reset_requested,
	'user.recovery_code_used': m.notify2_act_user_recovery_code_used,
	'user.recovery_codes_renewed': m.notify2_act_user_recovery_codes_renewed,
	'user.second_factor_failed': m.notify2_act_user_second_factor_failed,
	'user.second_factor_passed': m.notify2_act_user_second_factor_passed,
	'user.sessions_ended': m.notify2_act_user_sessions_ended,
	'user.sign_up_with_registered_email': m.notify2_act_user_sign_up_with_registered_email,
	'user.signed_up': m.notify2_act_user_signed_up,
	'user.two_factor_disabled': m.notify2_act_user_two_factor_disabled,
	'user.two_factor_enabled': m.notify2_act_user_two_factor_enabled,
	'user.verification_code_sent': m.notify2_act_user_verification_code_sent,
	'user.verification_failed': m.notify2_act_user_verification_failed
};

/** Whether the activity list has words for the audit action (tests/unit/activity-labels.test.ts). */
export const hasActivityText = (action: string): boolean => Object.hasOwn(ACTIONS, action);

/** An audit action as the activity list says it; an action without words (a bug) shows its code. */
export function activityText(action: string): string {
	return ACTIONS[action]?.() ?? m.notify_act_other({ action });
}
