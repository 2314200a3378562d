import { Migrator } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations';
import { open, totpPurpose } from '../../src/lib/server/auth/secret-box';
import { checkSecondFactor } from '../../src/lib/server/auth/two-factor';
import { openDatabase, type OpenedDatabase } from '../../src/lib/server/db/connection';
import { createScratchDatabase, testDbKind, type ScratchDatabase } from '../setup/databases';
import { totpCode } from '../helpers/totp';

/**
 * The sealed-TOTP migration: a key stored in the clear before it is sealed under the instance's
 * key (SECRET_KEY here, as several instances would share it), and still checks codes, each once.
 * Both engines: the pg driver and PGlite read and write bytea differently.
 */
describe('the sealed-TOTP migration', () => {
	let scratch: ScratchDatabase | undefined;
	let database: OpenedDatabase | undefined;
	const before = process.env.SECRET_KEY;
	afterAll(async () => {
		process.env.SECRET_KEY = before;
		await database?.close();
		await scratch?.drop();
	});

	it('seals a key stored in the clear; codes from it still work, each once', async () => {
		process.env.SECRET_KEY = 'ab'.repeat(32);
		scratch = await createScratchDatabase(testDbKind(), 'sealed-totp-migration');
		database = await openDatabase({
			databaseUrl: scratch.env.DATABASE_URL ?? null,
			dataDir: scratch.env.DATA_DIR
		});
		const db = database.db;
		const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
		const earlier = await migrator.migrateTo('2026_12_01_145140_mail_and_security');
		if (earlier.error) throw earlier.error;
		const id = crypto.randomUUID();
		const key = crypto.getRandomValues(new Uint8Array(20));
		await db
			.insertInto('users')
			.values({ id, email: `${id}@example.com`, name: 'x', password_hash: 'x', totp_key: key })
			.execute();

		const latest = await migrator.migrateToLatest();
		if (latest.error) throw latest.error;

		const row = await db
			.selectFrom('users')
			.select(['totp_key', 'totp_last_step'])
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		const stored = new Uint8Array(row.totp_key!);
		expect(stored.length).toBe(1 + 12 + 16 + 20);
		expect(Buffer.from(stored).includes(Buffer.from(key))).toBe(false);
		expect(open(stored, totpPurpose(id))).toEqual(key);
		expect(row.totp_last_step).toBeNull();

		const code = totpCode(key);
		expect(await checkSecondFactor(db, { userId: id }, { userId: id, code })).toEqual({
			ok: true,
			how: 'totp'
		});
		expect(await checkSecondFactor(db, { userId: id }, { userId: id, code })).toEqual({
			ok: false,
			reason: 'used_code'
		});
	});
});
