import type { Database } from '../connection';

export interface TrustedDevice {
	id: string;
	userId: string;
	secretHash: Uint8Array;
}

/** Bookkeeping (not audited): a browser that just logged in, for the throttle's device allowance. */
export async function insertTrustedDevice(
	db: Database,
	device: { id: string; userId: string; secretHash: Uint8Array }
): Promise<void> {
	await db
		.insertInto('trusted_devices')
		.values({ id: device.id, user_id: device.userId, secret_hash: device.secretHash })
		.execute();
}

export async function findTrustedDevice(db: Database, id: string): Promise<TrustedDevice | null> {
	const row = await db
		.selectFrom('trusted_devices')
		.select(['id', 'user_id as userId', 'secret_hash as secretHash'])
		.where('id', '=', id)
		.executeTakeFirst();
	return row ?? null;
}

/** Bookkeeping (not audited): when the browser last logged in. */
export async function touchTrustedDevice(db: Database, id: string, at: Date): Promise<void> {
	await db.updateTable('trusted_devices').set({ last_used_at: at }).where('id', '=', id).execute();
}
