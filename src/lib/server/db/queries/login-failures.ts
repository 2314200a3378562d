import type { Database } from '../connection';

export async function insertLoginFailures(db: Database, keys: string[]): Promise<void> {
	if (keys.length === 0) return;
	await db
		.insertInto('login_failures')
		.values(keys.map((key) => ({ key })))
		.execute();
}

export async function countRecentFailures(db: Database, key: string, since: Date): Promise<number> {
	const row = await db
		.selectFrom('login_failures')
		.select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
		.where('key', '=', key)
		.where('failed_at', '>', since)
		.executeTakeFirstOrThrow();
	return row.n;
}

export async function deleteLoginFailures(db: Database, key: string): Promise<void> {
	await db.deleteFrom('login_failures').where('key', '=', key).execute();
}
