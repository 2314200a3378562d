import type { Database } from '../db/connection';
import type { OrgKind } from '../db/schema';
import { deleteUserSessions } from '../db/queries/sessions';
import {
	findCredentials,
	findUserIdByEmail,
	insertUser,
	updatePasswordHash
} from '../db/queries/users';
import { createOrganisation } from '../orgs/organisations';
import { hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from './password';
import {
	clearAccountFailures,
	isLoginThrottled,
	recordLoginFailure,
	throttleKeys
} from './throttle';

export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}

export type SignUpResult =
	{ ok: true; userId: string; orgId: string | null } | { ok: false; reason: 'email_taken' };

export async function signUp(
	db: Database,
	input: { name: string; email: string; password: string; orgName: string | null; orgKind: OrgKind }
): Promise<SignUpResult> {
	const email = normaliseEmail(input.email);
	if (await findUserIdByEmail(db, email)) return { ok: false, reason: 'email_taken' };
	const passwordHash = await hashPassword(input.password);
	const userId = crypto.randomUUID();
	try {
		const orgId = await db.transaction().execute(async (tx) => {
			await insertUser(tx, { id: userId, email, name: input.name.trim(), passwordHash });
			// Someone joining by invitation starts with no organisation of their own.
			if (input.orgName === null) return null;
			return createOrganisation(tx, { name: input.orgName, kind: input.orgKind, ownerId: userId });
		});
		return { ok: true, userId, orgId };
	} catch (error) {
		// Two sign-ups racing for one email: the unique index decides.
		if (await findUserIdByEmail(db, email)) return { ok: false, reason: 'email_taken' };
		throw error;
	}
}

export type LogInResult =
	{ ok: true; userId: string } | { ok: false; reason: 'wrong_credentials' | 'throttled' };

export async function logIn(
	db: Database,
	input: { email: string; password: string; address: string }
): Promise<LogInResult> {
	const email = normaliseEmail(input.email);
	const keys = throttleKeys(email, input.address);
	if (await isLoginThrottled(db, keys)) return { ok: false, reason: 'throttled' };
	const credentials = await findCredentials(db, { email });
	if (!credentials) {
		await verifyAgainstDummy(input.password);
		await recordLoginFailure(db, keys);
		return { ok: false, reason: 'wrong_credentials' };
	}
	if (!(await verifyPassword(credentials.passwordHash, input.password))) {
		await recordLoginFailure(db, keys);
		return { ok: false, reason: 'wrong_credentials' };
	}
	await clearAccountFailures(db, keys);
	// A hash made cheaply (by a test run) or at a lower cost than today's: store one at today's cost,
	// now that the password is at hand.
	if (needsRehash(credentials.passwordHash))
		await updatePasswordHash(db, credentials.id, await hashPassword(input.password));
	return { ok: true, userId: credentials.id };
}

/** Changes the password and ends every other session of the user. */
export async function changePassword(
	db: Database,
	input: { userId: string; currentPassword: string; newPassword: string; keepSessionId: string }
): Promise<{ ok: true } | { ok: false; reason: 'wrong_password' }> {
	const credentials = await findCredentials(db, { id: input.userId });
	if (!credentials || !(await verifyPassword(credentials.passwordHash, input.currentPassword))) {
		return { ok: false, reason: 'wrong_password' };
	}
	const passwordHash = await hashPassword(input.newPassword);
	await db.transaction().execute(async (tx) => {
		await updatePasswordHash(tx, input.userId, passwordHash);
		await deleteUserSessions(tx, input.userId, { except: input.keepSessionId });
	});
	return { ok: true };
}
