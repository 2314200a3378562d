import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { attachEvidenceFiles, removeEvidenceFile } from '../../src/lib/server/evidence/files';
import { releaseEvidenceOfAssessment } from '../../src/lib/server/evidence/purge';
import { startFromPrevious } from '../../src/lib/server/assessments/history';
import {
	CHUNK_SIZE,
	EvidenceTooLargeError,
	stageEvidenceBlob,
	streamBlob
} from '../../src/lib/server/evidence/store';
import { listEvidenceFiles } from '../../src/lib/server/db/queries/evidence-files';
import { updateAssessmentState } from '../../src/lib/server/db/queries/assessments';
import { audited } from '../../src/lib/server/db/audited';
import type { Database } from '../../src/lib/server/db/connection';
import { useTestDatabase } from '../helpers/database';
import { consultancy, seedAssessment } from '../helpers/seed-assessment';

const database = useTestDatabase('evidence-store');
const ITEM = 'LIC-001';

/** Bytes as a stream of uneven pieces, as a network delivers them. */
async function* pieces(bytes: Uint8Array, size = 100_000): AsyncGenerator<Uint8Array> {
	for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
	const parts: Uint8Array[] = [];
	for await (const part of stream as unknown as AsyncIterable<Uint8Array>) parts.push(part);
	return Buffer.concat(parts);
}

async function blobs(db: Database, orgId: string) {
	return db
		.selectFrom('evidence_blobs')
		.select(['id', 'sha256', 'ref_count as refCount'])
		.where('org_id', '=', orgId)
		.orderBy('created_at')
		.execute();
}

async function chunkCount(db: Database) {
	const row = await db
		.selectFrom('evidence_chunks')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

async function setUp(name: string) {
	const db = database().db;
	const { orgId, ownerId } = await consultancy(db, name);
	const assessment = await seedAssessment(db, { orgId, actorId: ownerId, answers: {} });
	return { db, orgId, ownerId, assessment, actor: { userId: ownerId } };
}

async function upload(
	ctx: Awaited<ReturnType<typeof setUp>>,
	bytes: Uint8Array,
	fileName = 'policy.pdf',
	assessment = ctx.assessment,
	expiresOn: string | null = null
) {
	const staged = await stageEvidenceBlob(ctx.db, ctx.orgId, pieces(bytes), 25 * 1024 * 1024);
	const result = await attachEvidenceFiles(ctx.db, ctx.actor, {
		assessment,
		itemId: ITEM,
		uploads: [{ staged, fileName, contentType: 'application/pdf' }],
		details: { effectiveOn: '2020-01-01', expiresOn, replaces: null }
	});
	if (typeof result === 'string') throw new Error(`unexpected: ${result}`);
	return result[0]!;
}

describe('evidence storage', () => {
	it('refuses a file for an assessment finalised while the file was arriving, and keeps none of it', async () => {
		const ctx = await setUp('定稿咨询');
		const staged = await stageEvidenceBlob(ctx.db, ctx.orgId, pieces(randomBytes(300_000)), 1e7);
		// The reviewer finalises while the upload is still arriving (its request checked the state
		// as it began).
		const finalised = await audited(ctx.db, ctx.actor, async (tx) => {
			const scope = { orgId: ctx.orgId, id: ctx.assessment.id };
			tx.record({
				action: 'assessment.finalise',
				orgId: ctx.orgId,
				entity: { type: 'assessment', id: scope.id }
			});
			return updateAssessmentState(tx, scope, 'draft', 'final');
		});
		expect(finalised).toBe(true);
		const result = await attachEvidenceFiles(ctx.db, ctx.actor, {
			assessment: ctx.assessment,
			itemId: ITEM,
			uploads: [{ staged, fileName: 'late.pdf', contentType: 'application/pdf' }],
			details: { effectiveOn: '2020-01-01', expiresOn: null, replaces: null }
		});
		expect(result).toBe('final');
		expect(await listEvidenceFiles(ctx.db, { assessmentId: ctx.assessment.id })).toEqual([]);
	});

	it('stores a file in 256 KB rows and streams back the same bytes with their SHA-256', async () => {
		const ctx = await setUp('存储咨询');
		const bytes = randomBytes(3 * CHUNK_SIZE + 12_345);
		const file = await upload(ctx, bytes);
		expect(file.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
		expect(file.size).toBe(bytes.length);
		const [stored] = await listEvidenceFiles(ctx.db, { assessmentId: ctx.assessment.id });
		const rows = await ctx.db
			.selectFrom('evidence_chunks')
			.select(['seq', (eb) => eb.fn<number>('length', ['data']).as('length')])
			.where('blob_id', '=', stored!.blobId)
			.orderBy('seq')
			.execute();
		expect(rows.map((r) => Number(r.length))).toEqual([CHUNK_SIZE, CHUNK_SIZE, CHUNK_SIZE, 12_345]);
		expect((await readAll(streamBlob(ctx.db, stored!.blobId))).equals(bytes)).toBe(true);
	});

	it('keeps one copy of the same bytes within an organisation, counted, and never shares across organisations', async () => {
		const a = await setUp('甲咨询');
		const b = await setUp('乙咨询');
		const bytes = randomBytes(50_000);
		await upload(a, bytes, 'one.pdf');
		await upload(a, bytes, 'two.pdf');
		await upload(b, bytes, 'three.pdf');
		expect((await blobs(a.db, a.orgId)).map((x) => x.refCount)).toEqual([2]);
		expect((await blobs(b.db, b.orgId)).map((x) => x.refCount)).toEqual([1]);
		expect((await blobs(a.db, a.orgId))[0]!.id).not.toBe((await blobs(b.db, b.orgId))[0]!.id);
	});

	it('refuses a file over the limit and leaves nothing of it stored', async () => {
		const ctx = await setUp('超限咨询');
		const before = await chunkCount(ctx.db);
		await expect(
			stageEvidenceBlob(ctx.db, ctx.orgId, pieces(randomBytes(CHUNK_SIZE * 3)), CHUNK_SIZE * 2)
		).rejects.toBeInstanceOf(EvidenceTooLargeError);
		expect(await blobs(ctx.db, ctx.orgId)).toEqual([]);
		expect(await chunkCount(ctx.db)).toBe(before);
	});

	it('frees bytes on removal and purge exactly when nothing references them any more', async () => {
		const ctx = await setUp('清理咨询');
		const other = await seedAssessment(ctx.db, {
			orgId: ctx.orgId,
			actorId: ctx.ownerId,
			answers: {}
		});
		const shared = randomBytes(40_000);
		const own = randomBytes(40_000);
		const first = await upload(ctx, shared, 'shared.pdf');
		await upload(ctx, own, 'own.pdf');
		await upload(ctx, shared, 'shared-again.pdf', other);

		expect(
			await removeEvidenceFile(ctx.db, ctx.actor, {
				assessment: ctx.assessment,
				itemId: ITEM,
				fileId: first.id,
				reviewer: true
			})
		).toBe('removed');
		const sharedSha = createHash('sha256').update(shared).digest('hex');
		const ownSha = createHash('sha256').update(own).digest('hex');
		const counts = async () =>
			Object.fromEntries((await blobs(ctx.db, ctx.orgId)).map((x) => [x.sha256, x.refCount]));
		expect(await counts()).toEqual({ [sharedSha]: 1, [ownSha]: 1 });

		const released = await releaseEvidenceOfAssessment(ctx.db, ctx.actor, ctx.assessment);
		expect(released).toEqual({ files: 1, blobs: 1 });
		expect(await counts()).toEqual({ [sharedSha]: 1 });
		expect(await listEvidenceFiles(ctx.db, { assessmentId: ctx.assessment.id })).toEqual([]);

		await releaseEvidenceOfAssessment(ctx.db, ctx.actor, other);
		expect(await counts()).toEqual({});
		const orphanChunks = await ctx.db
			.selectFrom('evidence_chunks as c')
			.leftJoin('evidence_blobs as b', 'b.id', 'c.blob_id')
			.select('c.blob_id')
			.where('b.id', 'is', null)
			.execute();
		expect(orphanChunks).toEqual([]);

		const audit = await ctx.db
			.selectFrom('audit_log')
			.select(['action', 'new_value'])
			.where('org_id', '=', ctx.orgId)
			.where('action', 'like', 'evidence.%')
			.orderBy('id')
			.execute();
		expect(audit.map((r) => r.action)).toEqual([
			'evidence.uploaded',
			'evidence.uploaded',
			'evidence.uploaded',
			'evidence.removed',
			'evidence.released',
			'evidence.released'
		]);
		const uploaded = audit[0]!.new_value as { sha256: string } | string;
		expect(JSON.stringify(uploaded)).toContain(sharedSha);
	});

	it('carries the files to an assessment started from this one, marking the expired for re-confirmation', async () => {
		const ctx = await setUp('沿用咨询');
		await upload(ctx, randomBytes(1000), 'expired.pdf', ctx.assessment, '2021-01-01');
		await upload(ctx, randomBytes(1000), 'valid.pdf', ctx.assessment, '2099-01-01');
		const nextId = await startFromPrevious(ctx.db, ctx.actor, {
			orgId: ctx.orgId,
			previousId: ctx.assessment.id
		});
		const carried = await listEvidenceFiles(ctx.db, { assessmentId: nextId! });
		expect(carried.map((f) => [f.fileName, f.needsReconfirmation, f.reviewStatus]).sort()).toEqual([
			['expired.pdf', true, 'pending'],
			['valid.pdf', false, 'pending']
		]);
		expect((await blobs(ctx.db, ctx.orgId)).map((b) => b.refCount)).toEqual([2, 2]);
	});
});
