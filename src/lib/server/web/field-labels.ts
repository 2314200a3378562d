import { m } from '$lib/paraglide/messages';

/**
 * The label a person sees beside a field, in their language, for a field's key as a form or the
 * API sends it: a refusal names the field the way the page does ("Note", "说明"), not by its key.
 * A key the same in several forms but labelled differently ("name") is looked up by route first.
 * A JSON path ("answers.3.note") is named by its last key. An unknown key is named as sent.
 */
export function fieldLabel(key: string, routeId: string | null): string {
	const last =
		key
			.split('.')
			.filter((part) => !/^\d+$/.test(part))
			.pop() ?? key;
	if (last === 'name') {
		const byRoute = NAME_BY_ROUTE.find(([pattern]) => pattern.test(routeId ?? ''));
		if (byRoute) return byRoute[1]();
	}
	// The review page's reason re-opens an assessment; the item list's says why an item does not apply.
	if (last === 'reason')
		return /\/review$/.test(routeId ?? '') ? m.clients_reopen_reason() : m.answer_na_reason();
	return LABELS[last]?.() ?? key;
}

const NAME_BY_ROUTE: [RegExp, () => string][] = [
	[/^\/\(auth\)\/signup/, m.field_name],
	[/^\/orgs$/, m.field_org_name],
	[/\/settings/, m.api_token_name],
	[/clients/, m.clients_name]
];

const LABELS: Record<string, () => string> = {
	title: m.assessment_title,
	note: m.answer_note,
	evidence: m.answer_evidence,
	owner: m.answer_owner,
	due: m.answer_due,
	notes: m.clients_notes,
	contact: m.clients_contact,
	registeredName: m.identity_field_registered_name,
	registered_name: m.identity_field_registered_name,
	businessScope: m.identity_field_business_scope,
	business_scope: m.identity_field_business_scope,
	orgName: m.field_org_name,
	email: m.field_email,
	newEmail: m.field_email,
	password: m.field_password,
	currentPassword: m.field_password,
	newPassword: m.field_password,
	confirmPassword: m.field_password,
	body: m.clients_comment_add,
	q: m.library_search,
	effective_on: m.evidence_effective_on,
	expires_on: m.evidence_expires_on,
	replaces: m.evidence_replaces
};
