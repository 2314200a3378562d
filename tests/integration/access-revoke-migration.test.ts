import { sql } from 'kysely';
import { Migrator } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations';
import { openDatabase, type OpenedDatabase } from '../../src/lib/server/db/connection';
import { createScratchDatabase, testDbKind, type ScratchDatabase } from '../setup/databases';

/**
 * The access-revoke migration ends what belongs to nobody: tokens made by the admin CLI or by
 * someone no longer a member are revoked, pending invitations naming no email are revoked, and each
 * revocation leaves an audit row. Tokens of members keep working, now with an expiry.
 */
describe('the access-revoke migration', () => {
	let scratch: ScratchDatabase | undefined;
	let database: OpenedDatabase | undefined;
	afterAll(async () => {
		await database?.close();
		await scratch?.drop();
	});

	it('revokes tokens of nobody and invitations without an email, audited; keeps a member’s token', async () => {
		scratch = await createScratchDatabase(testDbKind(), 'access-revoke-migration');
		database = await openDatabase({
			databaseUrl: scratch.env.DATABASE_URL ?? null,
			dataDir: scratch.env.DATA_DIR
		});
		const db = database.db;
		const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
		const before = await migrator.migrateTo('2026_12_01_142739_user_verification_language');
		if (before.error) throw before.error;
		const [org, owner, gone] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
		await db.insertInto('organisations').values({ id: org, name: 'Old', kind: 'firm' }).execute();
		for (const id of [owner, gone])
			await db
				.insertInto('users')
				.values({ id, email: `${id}@example.com`, name: 'x', password_hash: 'x' })
				.execute();
		await db
			.insertInto('memberships')
			.values({ org_id: org, user_id: owner, role: 'owner' })
			.execute();
		const token = (label: string, createdBy: string | null) =>
			sql`insert into api_tokens (id, org_id, name, token_hash, created_by)
				values (${crypto.randomUUID()}, ${org}, ${label}, ${label}, ${createdBy})
				returning id`.execute(db);
		const kept = (await token('member', owner)).rows[0] as { id: string };
		const cli = (await token('cli', null)).rows[0] as { id: string };
		const leaver = (await token('leaver', gone)).rows[0] as { id: string };
		const invitation = (email: string | null) =>
			sql`insert into invitations (id, org_id, token_hash, role, email, created_by, expires_at)
				values (${crypto.randomUUID()}, ${org}, ${crypto.randomUUID()}, 'owner', ${email}, ${owner},
					now() + interval '1 day')
				returning id`.execute(db);
		const anyone = (await invitation(null)).rows[0] as { id: string };
		const bound = (await invitation('cfo@client.example')).rows[0] as { id: string };

		const latest = await migrator.migrateToLatest();
		if (latest.error) throw latest.error;

		const tokens = await db
			.selectFrom('api_tokens')
			.select(['id', 'revoked_at', 'user_id', 'expires_at'])
			.execute();
		const byId = new Map(tokens.map((t) => [t.id, t]));
		expect(byId.get(kept.id)).toMatchObject({ revoked_at: null, user_id: owner });
		expect(byId.get(kept.id)!.expires_at).toBeTruthy();
		expect(byId.get(cli.id)!.revoked_at).toBeTruthy();
		expect(byId.get(leaver.id)!.revoked_at).toBeTruthy();
		const invitations = await db.selectFrom('invitations').select(['id', 'revoked_at']).execute();
		expect(invitations.find((i) => i.id === anyone.id)!.revoked_at).toBeTruthy();
		expect(invitations.find((i) => i.id === bound.id)!.revoked_at).toBeNull();
		const audit = await db
			.selectFrom('audit_log')
			.select(['action', 'entity_id'])
			.where('org_id', '=', org)
			.execute();
		expect(audit).toEqual(
			expect.arrayContaining([
				{ action: 'api_token.revoked', entity_id: cli.id },
				{ action: 'api_token.revoked', entity_id: leaver.id },
				{ action: 'invitation.revoked', entity_id: anyone.id }
			])
		);
		expect(audit).toHaveLength(3);
	});
});
