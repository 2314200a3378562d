import type { Database } from '../db/connection';
import { audited, type Actor, type AuditedTx } from '../db/audited';
import type { OrgKind, Role } from '../db/schema';
import {
	findMembership,
	findOrganisation,
	insertMembership,
	type RespondentScope
} from '../db/queries/organisations';
import { findClient } from '../db/queries/clients';
import { findAssessment } from '../db/queries/assessments';
import { assessmentCorpus } from '../assessments/service';
import {
	findInvitationById,
	findInvitationByTokenHash,
	insertInvitation,
	listAcceptedInvitations,
	listOpenInvitations,
	renewInvitationLink,
	markInvitationAccepted,
	revokeInvitation as markInvitationRevoked,
	type Invitation
} from '../db/queries/invitations';
import { generateSecureRandomString, hashSecretHex } from '../auth/tokens';
import { normaliseEmail } from '../auth/accounts';
import { findUserById } from '../db/queries/users';
import { enqueueMail } from '../mail/outbox';

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
		/** Whom it is for: accepting takes an account with this address, verified. */
		email: string;
		/** The language of the invitation mail (the inviter's choice); zh by default. */
		language?: 'zh' | 'en';
		lifetimeMs?: number;
		/** Checked by checkRespondentScope first. */
		scope?: RespondentScope | null;
		/**
		 * The app's origin for the link in the invitation mail; null sends no mail (the demo, which
		 * accepts its invitation at once).
		 */
		origin: string | null;
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
			email: normaliseEmail(input.email),
			language: input.language ?? 'zh',
			createdBy: actor.userId,
			expiresAt,
			scope
		});
		// The link's token is the invitation's secret: never in the audit log.
		tx.record({
			action: 'invitation.created',
			orgId: input.orgId,
			entity: { type: 'invitation', id },
			after: {
				role: input.role,
				email: normaliseEmail(input.email),
				language: input.language ?? 'zh',
				scope,
				expiresAt
			}
		});
		if (input.origin !== null)
			await mailInvitation(tx, actor.userId, {
				orgId: input.orgId,
				email: normaliseEmail(input.email),
				role: input.role,
				language: input.language ?? 'zh',
				expiresAt,
				link: invitationLink(input.origin, token)
			});
	});
	return { token, expiresAt };
}

export const invitationLink = (origin: string, token: string) => `${origin}/invite/${token}`;

/**
 * The invitation mail, in the language the inviter chose, written in the change that makes (or
 * renews) the link: the invitee reads who invited them to what, as which role, until when.
 */
async function mailInvitation(
	tx: AuditedTx,
	inviterId: string,
	invitation: {
		orgId: string;
		email: string;
		role: Role;
		language: 'zh' | 'en';
		expiresAt: Date;
		link: string;
	}
): Promise<void> {
	const org = await findOrganisation(tx.db, invitation.orgId);
	const inviter = await findUserById(tx.db, inviterId);
	if (!org || !inviter) throw new Error('invitation without its organisation or inviter');
	await enqueueMail(tx, {
		to: invitation.email,
		language: invitation.language,
		template: 'invitation',
		data: {
			email: invitation.email,
			orgName: org.name,
			inviterName: inviter.name,
			inviterEmail: inviter.email,
			role: invitation.role,
			expiresAt: invitation.expiresAt,
			link: invitation.link
		},
		orgId: invitation.orgId
	});
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

/** Invitations accepted in the last 90 days: who joined through which invitation, and when. */
export function acceptedInvitations(db: Database, orgId: string): Promise<Invitation[]> {
	return listAcceptedInvitations(db, orgId, new Date(Date.now() - 90 * 24 * 60 * 60 * 1000));
}

/**
 * Sends an open invitation again: a new link (the old one stops working) valid for another
 * INVITATION_LIFETIME_MS. Answers the new link's token, or null when the invitation was accepted,
 * revoked or is not the organisation's.
 */
export async function resendInvitation(
	db: Database,
	actor: Actor & { userId: string },
	input: { orgId: string; invitationId: string; origin: string }
): Promise<{ token: string; invitation: Invitation } | null> {
	const token = generateSecureRandomString() + generateSecureRandomString();
	const expiresAt = new Date(Date.now() + INVITATION_LIFETIME_MS);
	return audited(db, actor, async (tx) => {
		const invitation = await findInvitationById(tx.db, input.orgId, input.invitationId);
		if (!invitation) return null;
		const renewed = await renewInvitationLink(
			tx,
			{ orgId: input.orgId, id: input.invitationId },
			{ tokenHash: hashSecretHex(token), expiresAt }
		);
		if (!renewed) return null;
		tx.record({
			action: 'invitation.resent',
			orgId: input.orgId,
			entity: { type: 'invitation', id: input.invitationId },
			before: { expiresAt: invitation.expiresAt },
			after: { expiresAt }
		});
		// Invitations made before addresses were required have none to mail (and were revoked).
		if (invitation.email)
			await mailInvitation(tx, actor.userId, {
				orgId: input.orgId,
				email: invitation.email,
				role: invitation.role,
				language: invitation.language,
				expiresAt,
				link: invitationLink(input.origin, token)
			});
		return { token, invitation: { ...invitation, expiresAt } };
	});
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

export type AcceptRefusal =
	'not_found' | 'used' | 'expired' | 'revoked' | 'already_member' | 'wrong_email' | 'unverified';
export type AcceptResult = { ok: true; orgId: string } | { ok: false; reason: AcceptRefusal };

/** Who may accept: the person the invitation names, by their address, once they verified it. */
export function acceptRefusal(
	inv: Invitation,
	user: { email: string; emailVerifiedAt: Date | null }
): 'wrong_email' | 'unverified' | null {
	if (!inv.email || normaliseEmail(user.email) !== inv.email) return 'wrong_email';
	if (!user.emailVerifiedAt) return 'unverified';
	return null;
}

/**
 * Joins the user to the organisation; the link works once, and only for an account with the
 * invited address, verified (a link forwarded, leaked or guessed is no use to anyone else).
 */
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
		const user = await findUserById(tx.db, userId);
		const refusal = user ? acceptRefusal(inv, user) : 'wrong_email';
		if (refusal) return { ok: false, reason: refusal };
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
