import type { Database } from '../db/connection';
import { audited, type Actor } from '../db/audited';
import type { OrgKind, Role } from '../db/schema';
import {
	findMembership,
	insertMembership,
	type RespondentScope
} from '../db/queries/organisations';
import { findClient } from '../db/queries/clients';
import { findAssessment } from '../db/queries/assessments';
import { assessmentCorpus } from '../assessments/service';
import {
	findInvitationByTokenHash,
	insertInvitation,
	listOpenInvitations,
	markInvitationAccepted,
	revokeInvitation as markInvitationRevoked,
	type Invitation
} from '../db/queries/invitations';
import { generateSecureRandomString, hashSecretHex } from '../auth/tokens';

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export type ScopeProblem = {
	field: 'clientId' | 'assessmentId' | 'domains';
	code: 'required' | 'unknown';
};

/**
 * Checks a respondent's reach against the organisation: a consultancy's respondent needs a client;
 * the assessment must be that client's, and the domains must be the assessment's. Other roles
 * reach everything, so any scope given for them is dropped.
 */
export async function checkRespondentScope(
	db: Database,
	org: { orgId: string; orgKind: OrgKind },
	role: Role,
	scope: RespondentScope
): Promise<{ ok: true; scope: RespondentScope | null } | { ok: false; problem: ScopeProblem }> {
	if (role !== 'respondent') return { ok: true, scope: null };
	if (!scope.clientId) {
		if (org.orgKind === 'consultancy')
			return { ok: false, problem: { field: 'clientId', code: 'required' } };
		return { ok: true, scope: null };
	}
	if (!(await findClient(db, { orgId: org.orgId, id: scope.clientId })))
		return { ok: false, problem: { field: 'clientId', code: 'unknown' } };
	if (!scope.assessmentId) {
		if (scope.domains?.length)
			return { ok: false, problem: { field: 'assessmentId', code: 'required' } };
		return { ok: true, scope: { clientId: scope.clientId, assessmentId: null, domains: null } };
	}
	const assessment = await findAssessment(db, { orgId: org.orgId, id: scope.assessmentId });
	if (!assessment || assessment.clientId !== scope.clientId)
		return { ok: false, problem: { field: 'assessmentId', code: 'unknown' } };
	const domains = scope.domains?.length ? [...new Set(scope.domains)] : null;
	if (domains) {
		const known = new Set((await assessmentCorpus(db, assessment)).domains.map((d) => d.id));
		if (domains.some((d) => !known.has(d)))
			return { ok: false, problem: { field: 'domains', code: 'unknown' } };
	}
	return { ok: true, scope: { clientId: scope.clientId, assessmentId: assessment.id, domains } };
}

export async function createInvitation(
	db: Database,
	actor: Actor & { userId: string },
	input: {
		orgId: string;
		role: Role;
		email: string | null;
		lifetimeMs?: number;
		/** Checked by checkRespondentScope first. */
		scope?: RespondentScope | null;
	}
): Promise<{ token: string; expiresAt: Date }> {
	const token = generateSecureRandomString() + generateSecureRandomString();
	const expiresAt = new Date(Date.now() + (input.lifetimeMs ?? INVITATION_LIFETIME_MS));
	const id = crypto.randomUUID();
	const scope = input.scope ?? null;
	await audited(db, actor, async (tx) => {
		await insertInvitation(tx, {
			id,
			orgId: input.orgId,
			tokenHash: hashSecretHex(token),
			role: input.role,
			email: input.email,
			createdBy: actor.userId,
			expiresAt,
			scope
		});
		// The link's token is the invitation's secret: never in the audit log.
		tx.record({
			action: 'invitation.created',
			orgId: input.orgId,
			entity: { type: 'invitation', id },
			after: { role: input.role, email: input.email, scope, expiresAt }
		});
	});
	return { token, expiresAt };
}

/** Revokes an open invitation of the organisation; false when there is none to revoke. */
export async function revokeInvitation(
	db: Database,
	actor: Actor,
	input: { orgId: string; invitationId: string }
): Promise<boolean> {
	return audited(db, actor, async (tx) => {
		const revoked = await markInvitationRevoked(tx, input.orgId, input.invitationId);
		if (revoked === 0) return false;
		tx.record({
			action: 'invitation.revoked',
			orgId: input.orgId,
			entity: { type: 'invitation', id: input.invitationId },
			after: { revoked: true }
		});
		return true;
	});
}

/** The organisation's invitations still open (of one client, when given), newest first. */
export function openInvitations(
	db: Database,
	orgId: string,
	clientId?: string
): Promise<Invitation[]> {
	return listOpenInvitations(db, orgId, clientId);
}

export type InvitationState = 'open' | 'used' | 'expired' | 'revoked';

export function invitationState(inv: Invitation, now = new Date()): InvitationState {
	if (inv.acceptedAt) return 'used';
	if (inv.revokedAt) return 'revoked';
	if (new Date(inv.expiresAt).getTime() <= now.getTime()) return 'expired';
	return 'open';
}

export async function findInvitation(db: Database, token: string): Promise<Invitation | null> {
	if (!/^[a-z2-7]{20,64}$/.test(token)) return null;
	return findInvitationByTokenHash(db, hashSecretHex(token));
}

export type AcceptResult =
	| { ok: true; orgId: string }
	| { ok: false; reason: 'not_found' | 'used' | 'expired' | 'revoked' | 'already_member' };

/** Joins the user to the organisation; the link works once. */
export async function acceptInvitation(
	db: Database,
	actor: Actor & { userId: string },
	token: string
): Promise<AcceptResult> {
	const userId = actor.userId;
	return audited(db, actor, async (tx): Promise<AcceptResult> => {
		const inv = await findInvitation(tx.db, token);
		if (!inv) return { ok: false, reason: 'not_found' };
		const state = invitationState(inv);
		if (state !== 'open') return { ok: false, reason: state };
		if (await findMembership(tx.db, userId, inv.orgId))
			return { ok: false, reason: 'already_member' };
		if (!(await markInvitationAccepted(tx, inv.id, userId))) return { ok: false, reason: 'used' };
		const scope = { clientId: inv.clientId, assessmentId: inv.assessmentId, domains: inv.domains };
		await insertMembership(tx, { orgId: inv.orgId, userId, role: inv.role, scope });
		tx.record({
			action: 'invitation.accepted',
			orgId: inv.orgId,
			entity: { type: 'invitation', id: inv.id },
			after: { member: userId, role: inv.role, ...scope }
		});
		return { ok: true, orgId: inv.orgId };
	});
}
