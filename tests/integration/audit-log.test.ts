import { describe, expect, it } from 'vitest';
import { changePassword, signUp } from '../../src/lib/server/auth/accounts';
import { createSession } from '../../src/lib/server/auth/session';
import { redactAuditForAssessment } from '../../src/lib/server/audit/service';
import { createClient } from '../../src/lib/server/clients/service';
import { audited, REDACTED } from '../../src/lib/server/db/audited';
import { insertClient } from '../../src/lib/server/db/queries/clients';
import { useTestDatabase } from '../helpers/database';
import { consultancy, person, seedAssessment } from '../helpers/seed-assessment';

const database = useTestDatabase('audit');

const auditRows = (where: { column: 'entity_id' | 'assessment_id' | 'actor_id'; value: string }) =>
	database()
		.db.selectFrom('audit_log')
		.selectAll()
		.where(where.column, '=', where.value)
		.orderBy('id')
		.execute();

describe('audited()', () => {
	it('commits a change with its rows: who, through which token, in which request, what, when', async () => {
		const { db } = database();
		const { orgId, ownerId } = await consultancy(db, 'Audited');
		const tokenId = crypto.randomUUID();
		await db
			.insertInto('api_tokens')
			.values({
				id: tokenId,
				org_id: orgId,
				name: 't',
				token_hash: tokenId,
				created_by: ownerId,
				user_id: ownerId,
				expires_at: new Date(Date.now() + 86_400_000)
			})
			.execute();
		const id = await createClient(
			db,
			{ userId: ownerId, apiTokenId: tokenId, requestId: 'req-1' },
			{ orgId, fields: { name: '浦江数科', registeredName: null, contact: null, notes: '' } }
		);
		const [row, ...more] = await auditRows({ column: 'entity_id', value: id });
		expect(more).toEqual([]);
		expect(row).toMatchObject({
			org_id: orgId,
			actor_id: ownerId,
			api_token_id: tokenId,
			request_id: 'req-1',
			action: 'client.created',
			entity_type: 'client',
			entity_id: id,
			old_value: null,
			new_value: { id, name: '浦江数科', registeredName: null, contact: null, notes: '' },
			redacted_at: null
		});
		expect(row!.at).toBeInstanceOf(Date);
	});

	it('rolls back a work that recorded nothing: no change survives without its row', async () => {
		const { db } = database();
		const { orgId, ownerId } = await consultancy(db, 'Forgetful');
		const id = crypto.randomUUID();
		const answer = await audited(db, { userId: ownerId }, async (tx) => {
			// A service that writes and forgets to record.
			await insertClient(tx, {
				id,
				orgId,
				name: 'Unrecorded',
				registeredName: null,
				contact: null,
				notes: '',
				createdBy: ownerId
			});
			return 'done';
		});
		expect(answer).toBe('done');
		expect(await db.selectFrom('clients').select('id').where('id', '=', id).execute()).toEqual([]);
		expect(await auditRows({ column: 'entity_id', value: id })).toEqual([]);
	});

	it('rolls the rows back with the change when the work fails', async () => {
		const { db } = database();
		const { orgId, ownerId } = await consultancy(db, 'Failing');
		await expect(
			audited(db, { userId: ownerId }, async (tx) => {
				tx.record({ action: 'client.created', orgId, entity: { type: 'client', id: 'x-fail' } });
				throw new Error('boom');
			})
		).rejects.toThrow('boom');
		expect(await auditRows({ column: 'entity_id', value: 'x-fail' })).toEqual([]);
	});

	it('redacts fields named like secrets where rows are written', async () => {
		const { db } = database();
		const { orgId, ownerId } = await consultancy(db, 'Secrets');
		await audited(db, { userId: ownerId }, async (tx) => {
			tx.record({
				action: 'test.secret',
				orgId,
				entity: { type: 'test', id: 'secret-1' },
				before: { passwordHash: '$argon2id$x', name: 'kept' },
				after: { token: 'sr_abc', nested: { sessionSecret: 's' } }
			});
		});
		const [row] = await auditRows({ column: 'entity_id', value: 'secret-1' });
		expect(row!.old_value).toEqual({ passwordHash: REDACTED, name: 'kept' });
		expect(row!.new_value).toEqual({ token: REDACTED, nested: { sessionSecret: REDACTED } });
	});
});

describe('accounts in the audit log', () => {
	it('records a sign-up, a login and a password change, never a hash, a session id or a secret', async () => {
		const { db } = database();
		const email = `audit-${crypto.randomUUID()}@example.com`;
		const signedUp = await signUp(db, {
			name: '周敏',
			email,
			password: 'correct horse battery',
			orgName: '浦江数科',
			orgKind: 'firm',
			requestId: 'signup-req'
		});
		if (!signedUp.ok) throw new Error('sign-up failed');
		const { userId } = signedUp;
		const { session, token } = await createSession(db, { userId }, signedUp.orgId);
		expect(
			await changePassword(
				db,
				{ userId },
				{
					currentPassword: 'correct horse battery',
					newPassword: 'another horse battery',
					keepSessionId: session.id
				}
			)
		).toEqual({ ok: true, tokensRevoked: 0 });

		const rows = await auditRows({ column: 'actor_id', value: userId });
		expect(rows.map((r) => [r.action, r.entity_type, r.entity_id])).toEqual([
			['user.signed_up', 'user', userId],
			['organisation.created', 'organisation', signedUp.orgId],
			['user.logged_in', 'user', userId],
			['user.password_changed', 'user', userId]
		]);
		expect(rows[0]).toMatchObject({ org_id: null, request_id: 'signup-req' });
		const { password_hash } = await db
			.selectFrom('users')
			.select('password_hash')
			.where('id', '=', userId)
			.executeTakeFirstOrThrow();
		const logged = JSON.stringify(rows);
		for (const secret of [
			password_hash,
			'correct horse battery',
			'another horse battery',
			session.id,
			token,
			token.split('.')[1]!
		])
			expect(logged).not.toContain(secret);
	});
});

describe('redactAuditForAssessment', () => {
	it('replaces what the rows held with a marker and keeps who did what when', async () => {
		const { db } = database();
		const { orgId, ownerId } = await consultancy(db, 'Purge');
		const note = 'board minutes, 2026-03-04';
		const purged = await seedAssessment(db, {
			orgId,
			actorId: ownerId,
			answers: { 'LIC-001': { status: 'partial', note } }
		});
		const kept = await seedAssessment(db, {
			orgId,
			actorId: ownerId,
			answers: { 'LIC-001': { status: 'partial', note } }
		});
		const before = await auditRows({ column: 'assessment_id', value: purged.id });
		// The profile names the firm: its registered name goes to the organisation's record, a row
		// that names the assessment it was entered on.
		expect(before.map((r) => r.action)).toEqual([
			'assessment.created',
			'profile.saved',
			'organisation.identity_updated',
			'answer.saved'
		]);
		expect(JSON.stringify(before)).toContain(note);
		const keptBefore = await auditRows({ column: 'assessment_id', value: kept.id });

		expect(await redactAuditForAssessment(db, purged.id, { userId: ownerId })).toBe(4);
		// The assessment itself may go now: its rows stay.
		await db.deleteFrom('assessments').where('id', '=', purged.id).execute();

		const after = await auditRows({ column: 'assessment_id', value: purged.id });
		expect(JSON.stringify(after)).not.toContain(note);
		const redacted = after.slice(0, before.length);
		expect(redacted.map((r) => [r.id, r.action, r.actor_id, r.at, r.entity_id])).toEqual(
			before.map((r) => [r.id, r.action, r.actor_id, r.at, r.entity_id])
		);
		for (const [i, row] of redacted.entries()) {
			expect(row.old_value).toBe(before[i]!.old_value === null ? null : REDACTED);
			expect(row.new_value).toBe(before[i]!.new_value === null ? null : REDACTED);
			expect(row.redacted_at).toBeInstanceOf(Date);
		}
		// The purge is itself on record.
		expect(after.slice(before.length)).toMatchObject([
			{ action: 'audit.redacted', actor_id: ownerId, new_value: { rows: 4 } }
		]);
		// Another assessment's rows are untouched.
		expect(await auditRows({ column: 'assessment_id', value: kept.id })).toEqual(keptBefore);
	});

	it('does nothing (and records nothing) when there is nothing to redact', async () => {
		const { db } = database();
		const nothing = crypto.randomUUID();
		expect(await redactAuditForAssessment(db, nothing)).toBe(0);
		expect(await auditRows({ column: 'entity_id', value: nothing })).toEqual([]);
	});
});

describe('a person without an organisation', () => {
	it('is audited as a sign-up with no organisation', async () => {
		const { db } = database();
		const id = await person(db, 'solo');
		const [row] = await auditRows({ column: 'entity_id', value: id });
		expect(row).toMatchObject({ action: 'user.signed_up', org_id: null, actor_id: id });
	});
});
