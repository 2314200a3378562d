import { m } from '$lib/paraglide/messages';

export function roleLabel(role: string): string {
	switch (role) {
		case 'owner':
			return m.role_owner();
		case 'consultant':
			return m.role_consultant();
		case 'respondent':
			return m.role_respondent();
		default:
			return m.role_viewer();
	}
}

export function orgKindLabel(kind: string): string {
	return kind === 'consultancy' ? m.org_kind_consultancy() : m.org_kind_firm();
}

/** What an API token may do beyond its member's role. */
export function tokenScopeLabel(scope: string): string {
	switch (scope) {
		case 'read_only':
			return m.access_token_scope_read_only();
		case 'read_write':
			return m.access_token_scope_read_write();
		default:
			return m.access_token_scope_role();
	}
}
