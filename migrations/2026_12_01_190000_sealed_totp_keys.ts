import type { Kysely } from 'kysely';
import { isSealed, open, seal, totpPurpose } from '../src/lib/server/auth/secret-box';

/**
 * Two-factor keys at rest (issue 14): each user's TOTP key is sealed with AES-256-GCM under
 * SECRET_KEY (or the key file in DATA_DIR: src/lib/server/auth/secret-box.ts), bound to its row;
 * the keys stored in the clear until now are sealed here. `totp_last_step` keeps the 30-second
 * step of the last code accepted, so a code is accepted once (a code read over a shoulder, or
 * replayed from a phishing page, is refused).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function totpKeys(db: Kysely<any>): Promise<{ id: string; totp_key: Uint8Array }[]> {
	return db
		.selectFrom('users')
		.select(['id', 'totp_key'])
		.where('totp_key', 'is not', null)
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('users').addColumn('totp_last_step', 'bigint').execute();
	for (const row of await totpKeys(db)) {
		const key = new Uint8Array(row.totp_key);
		if (isSealed(key)) continue;
		await db
			.updateTable('users')
			.set({ totp_key: seal(key, totpPurpose(row.id)) })
			.where('id', '=', row.id)
			.execute();
	}
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	for (const row of await totpKeys(db)) {
		const key = new Uint8Array(row.totp_key);
		if (!isSealed(key)) continue;
		// A key that does not open with this SECRET_KEY is dropped: that person sets two-factor up again.
		await db
			.updateTable('users')
			.set({ totp_key: open(key, totpPurpose(row.id)) })
			.where('id', '=', row.id)
			.execute();
	}
	await db.schema.alterTable('users').dropColumn('totp_last_step').execute();
}
