import type { Database } from '../db/connection';
import type { Actor } from '../db/audited';
import { findUserById } from '../db/queries/users';
import { checkCurrentPassword } from './accounts';
import { checkSecondFactor, type SecondFactorResult } from './two-factor';

export type ReauthResult =
	| { ok: true }
	| { ok: false; reason: 'wrong_password' }
	| Exclude<SecondFactorResult, { ok: true }>;

/**
 * The person proves again that it is them before a sensitive step (making an API token): a session
 * left open on a shared computer is not enough. With two-factor, a current code (or a recovery
 * code), checked and throttled as at log-in; without, the password, throttled as when changing it.
 */
export async function reauthenticate(
	db: Database,
	actor: Actor & { userId: string },
	input: { password: string; code: string; device?: string | null }
): Promise<ReauthResult> {
	const userId = actor.userId;
	const user = await findUserById(db, userId);
	if (user?.twoFactor) {
		const checked = await checkSecondFactor(db, actor, {
			userId,
			code: input.code,
			device: input.device
		});
		return checked.ok ? { ok: true } : checked;
	}
	return checkCurrentPassword(db, userId, input.password);
}
