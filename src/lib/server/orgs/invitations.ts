import type { Database } from '../db/connection';
import type { Role } from '../db/schema';
import { findMembership, insertMembership } from '../db/queries/organisations';
import {
	findInvitationByTokenHash,
	insertInvitation,
	markInvitationAccepted,
	type Invitation
} from '../db/queries/invitations';
import { generateSecureRandomString, hashSecretHex } from '../auth/tokens';

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export async function createInvitation(
	db: Database,
	input: { orgId: string; role: Role; email: string | null; createdBy: string; lifetimeMs?: number }
): Promise<{ token: string; expiresAt: Date }> {
	const token = generateSecureRandomString() + generateSecureRandomString();
	const expiresAt = new Date(Date.now() + (input.lifetimeMs ?? INVITATION_LIFETIME_MS));
	await insertInvitation(db, {
		id: crypto.randomUUID(),
		orgId: input.orgId,
		tokenHash: hashSecretHex(token),
		role: input.role,
		email: input.email,
		createdBy: input.createdBy,
		expiresAt
	});
	return { token, expiresAt };
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
	token: string,
	userId: string
): Promise<AcceptResult> {
	return db.transaction().execute(async (tx) => {
		const inv = await findInvitation(tx, token);
		if (!inv) return { ok: false, reason: 'not_found' };
		const state = invitationState(inv);
		if (state !== 'open') return { ok: false, reason: state };
		if (await findMembership(tx, userId, inv.orgId)) return { ok: false, reason: 'already_member' };
		if (!(await markInvitationAccepted(tx, inv.id, userId))) return { ok: false, reason: 'used' };
		await insertMembership(tx, { orgId: inv.orgId, userId, role: inv.role });
		return { ok: true, orgId: inv.orgId };
	});
}
