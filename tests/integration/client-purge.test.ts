import { describe, expect, it } from 'vitest';
import { createClient, editClient } from '../../src/lib/server/clients/service';
import { moveClientShelf, purgeClient } from '../../src/lib/server/clients/lifecycle';
import { moveAssessmentShelf } from '../../src/lib/server/assessments/lifecycle';
import { startAssessment, UnknownClientError } from '../../src/lib/server/assessments/service';
import { findClient, listClients } from '../../src/lib/server/db/queries/clients';
import { findAssessment, listAssessments } from '../../src/lib/server/db/queries/assessments';
import { runDueJobs } from '../../src/lib/server/jobs/runner';
import type { Database } from '../../src/lib/server/db/connection';
import { tablesHolding, useTestDatabase } from '../helpers/database';
import { consultancy, person, seedAssessment } from '../helpers/seed-assessment';

const database = useTestDatabase('client-purge');
const MARK = 'CLIENTMARK9Z';
const JOBS = { holder: 'test', digestHour: 8, origin: 'https://x.example', deletionGraceDays: 30 };

const client = async (db: Database, orgId: string, id: string) =>
	(await findClient(db, { orgId, id, includeDeleted: true }))!;
const assessment = async (db: Database, orgId: string, id: string) =>
	(await findAssessment(db, { orgId, id, includeDeleted: true }))!;
const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

/** A client whose every field holds the marker, with three assessments and a respondent. */
async function endedClient(db: Database) {
	const { orgId, ownerId } = await consultancy(db, '终止咨询');
	const actor = { userId: ownerId };
	const clientId = await createClient(db, actor, {
		orgId,
		fields: {
			name: `${MARK} 客户`,
			registeredName: `上海${MARK}有限公司`,
			businessScope: `${MARK} 经营范围`,
			contact: `${MARK} 王芳`,
			notes: `${MARK} 备注`
		}
	});
	const stored = await client(db, orgId, clientId);
	await editClient(db, actor, {
		client: stored,
		fields: { ...stored, notes: `${MARK} 新备注` }
	});
	const seeded = async (note: string) =>
		seedAssessment(db, {
			orgId,
			actorId: ownerId,
			clientId,
			answers: { 'LIC-001': { status: 'partial', note: `${MARK} ${note}` } }
		});
	const [earlier, archived, inUse] = [
		await seeded('earlier'),
		await seeded('archived'),
		await seeded('in use')
	];
	const respondentId = await person(db, 'respondent');
	await db
		.insertInto('memberships')
		.values({ org_id: orgId, user_id: respondentId, role: 'respondent', client_id: clientId })
		.execute();
	// Another client of the organisation, untouched by all of it.
	const keptId = await createClient(db, actor, {
		orgId,
		fields: { name: '保留客户', registeredName: null, contact: null, notes: '' }
	});
	const kept = await seedAssessment(db, {
		orgId,
		actorId: ownerId,
		clientId: keptId,
		answers: { 'LIC-001': { status: 'compliant' } }
	});
	return { orgId, ownerId, actor, clientId, earlier, archived, inUse, respondentId, keptId, kept };
}

describe('a client’s end', () => {
	it('deletes the client with its assessments at one instant, restores only those, and purges all of it after the grace period, leaving no table with its name, notes or answers', async () => {
		const { db } = database();
		const f = await endedClient(db);
		const { orgId, actor } = f;

		// One assessment deleted on its own first, another archived.
		const t0 = new Date('2026-03-01T00:00:00Z');
		const earlier = await assessment(db, orgId, f.earlier.id);
		expect(
			await moveAssessmentShelf(db, actor, { assessment: earlier, move: 'delete', now: t0 })
		).toEqual({ ok: true });
		const archived = await assessment(db, orgId, f.archived.id);
		expect(
			await moveAssessmentShelf(db, actor, { assessment: archived, move: 'archive', now: t0 })
		).toEqual({ ok: true });

		// The client deleted: it and every assessment of it not deleted yet, at its instant.
		const t1 = new Date('2026-03-05T00:00:00Z');
		expect(
			await moveClientShelf(db, actor, {
				client: await client(db, orgId, f.clientId),
				move: 'delete',
				now: t1
			})
		).toEqual({ ok: true });
		expect(await findClient(db, { orgId, id: f.clientId })).toBeNull();
		expect(ids(await listClients(db, { orgId }))).toEqual([f.keptId]);
		expect(ids(await listClients(db, { orgId, shelf: 'deleted' }))).toEqual([f.clientId]);
		expect((await assessment(db, orgId, f.earlier.id)).deletedAt).toEqual(t0);
		expect((await assessment(db, orgId, f.archived.id)).deletedAt).toEqual(t1);
		expect((await assessment(db, orgId, f.inUse.id)).deletedAt).toEqual(t1);
		expect(ids(await listAssessments(db, { orgId }))).toEqual([f.kept.id]);
		// Deleting it again does not apply; nor does restoring one of its assessments alone.
		expect(
			await moveClientShelf(db, actor, {
				client: await client(db, orgId, f.clientId),
				move: 'delete'
			})
		).toEqual({ ok: false, reason: 'wrong_shelf' });
		expect(
			await moveAssessmentShelf(db, actor, {
				assessment: await assessment(db, orgId, f.inUse.id),
				move: 'restore'
			})
		).toEqual({ ok: false, reason: 'client_deleted' });

		// Restored: back with the two deleted with it (the archived one still archived); the one
		// deleted on its own before stays deleted.
		expect(
			await moveClientShelf(db, actor, {
				client: await client(db, orgId, f.clientId),
				move: 'restore'
			})
		).toEqual({ ok: true });
		expect(ids(await listClients(db, { orgId }))).toEqual(
			ids([{ id: f.clientId }, { id: f.keptId }])
		);
		expect((await assessment(db, orgId, f.earlier.id)).deletedAt).toEqual(t0);
		expect(await assessment(db, orgId, f.archived.id)).toMatchObject({
			deletedAt: null,
			archivedAt: t0
		});
		expect(await assessment(db, orgId, f.inUse.id)).toMatchObject({
			deletedAt: null,
			archivedAt: null
		});

		// Archived: out of the default list, nothing new under it; its assessments unchanged.
		expect(
			await moveClientShelf(db, actor, {
				client: await client(db, orgId, f.clientId),
				move: 'archive'
			})
		).toEqual({ ok: true });
		expect(ids(await listClients(db, { orgId }))).toEqual([f.keptId]);
		expect(ids(await listClients(db, { orgId, shelf: 'archived' }))).toEqual([f.clientId]);
		const refused = await startAssessment(db, actor, { orgId, clientId: f.clientId }).catch(
			(e: unknown) => e
		);
		expect(refused).toBeInstanceOf(UnknownClientError);
		expect((refused as UnknownClientError).reason).toBe('archived');
		expect((await findAssessment(db, { orgId, id: f.inUse.id }))?.archivedAt).toBeNull();
		await moveClientShelf(db, actor, {
			client: await client(db, orgId, f.clientId),
			move: 'restore'
		});

		// Deleted again; not purged before the grace period, nor by a purge of one not deleted.
		expect(await purgeClient(db, actor, await client(db, orgId, f.clientId))).toBe(false);
		const t2 = new Date('2026-04-01T00:00:00Z');
		await moveClientShelf(db, actor, {
			client: await client(db, orgId, f.clientId),
			move: 'delete',
			now: t2
		});
		expect(await tablesHolding(db, MARK)).toEqual(
			expect.arrayContaining(['clients', 'answers', 'audit_log'])
		);
		await runDueJobs(db, { ...JOBS, now: new Date('2026-04-30T00:30:00Z') });
		expect(await findClient(db, { orgId, id: f.clientId, includeDeleted: true })).not.toBeNull();
		// The assessment deleted on its own on 1 March was due: purged alone.
		expect(await findAssessment(db, { orgId, id: f.earlier.id, includeDeleted: true })).toBeNull();
		expect(
			await findAssessment(db, { orgId, id: f.inUse.id, includeDeleted: true })
		).not.toBeNull();
		await runDueJobs(db, { ...JOBS, now: new Date('2026-05-02T00:30:00Z') });
		expect(await findClient(db, { orgId, id: f.clientId, includeDeleted: true })).toBeNull();
		for (const a of [f.earlier, f.archived, f.inUse])
			expect(await findAssessment(db, { orgId, id: a.id, includeDeleted: true })).toBeNull();

		// Nothing holds its name, registered name, scope, contact, notes or answers any more.
		expect(await tablesHolding(db, MARK)).toEqual([]);
		// Who did what when stays: the client's rows keep their actor, their content is gone.
		const rows = await db
			.selectFrom('audit_log')
			.select(['action', 'actor_id', 'redacted_at', 'new_value'])
			.where('entity_type', '=', 'client')
			.where('entity_id', '=', f.clientId)
			.orderBy('id')
			.execute();
		expect(rows.map((r) => r.action)).toEqual([
			'client.created',
			'client.updated',
			// The first assessment's profile named the firm: the client's record took it.
			'client.identity_updated',
			'client.deleted',
			'client.restored',
			'client.archived',
			'client.restored',
			'client.deleted',
			'client.purged'
		]);
		expect(rows[0]).toMatchObject({ actor_id: f.ownerId });
		expect(rows[0]!.redacted_at).not.toBeNull();
		expect(rows.at(-1)).toMatchObject({ actor_id: null, redacted_at: null });
		// The two deleted with it went in its own purge.
		expect(rows.at(-1)!.new_value).toMatchObject({ assessmentsPurged: 2 });
		// The respondent reaching it left with it, recorded.
		const removed = await db
			.selectFrom('audit_log')
			.select(['new_value'])
			.where('action', '=', 'member.removed')
			.where('entity_id', '=', f.respondentId)
			.execute();
		expect(removed.map((r) => r.new_value)).toEqual([{ reason: 'client_purged' }]);
		expect(
			await db
				.selectFrom('memberships')
				.select('user_id')
				.where('user_id', '=', f.respondentId)
				.execute()
		).toEqual([]);
		// The other client and its assessment are untouched.
		expect(await findClient(db, { orgId, id: f.keptId })).not.toBeNull();
		expect(await findAssessment(db, { orgId, id: f.kept.id })).not.toBeNull();
	});

	it('purges nothing when the client was restored after the purge read it', async () => {
		const { db } = database();
		const f = await endedClient(db);
		const { orgId, actor } = f;
		const now = new Date('2026-03-01T00:00:00Z');
		await moveClientShelf(db, actor, {
			client: await client(db, orgId, f.clientId),
			move: 'delete',
			now
		});
		const stale = await client(db, orgId, f.clientId);
		await moveClientShelf(db, actor, { client: stale, move: 'restore' });
		expect(await purgeClient(db, actor, stale)).toBe(false);
		expect(await findClient(db, { orgId, id: f.clientId })).not.toBeNull();
		expect(await findAssessment(db, { orgId, id: f.inUse.id })).not.toBeNull();
	});
});
