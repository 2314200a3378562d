import { describe, expect, it } from 'vitest';
import { acceptItems, moveAssessment, reviewItem } from '../../src/lib/server/assessments/review';
import { saveProfile } from '../../src/lib/server/assessments/service';
import { exportAssessment, importAssessment } from '../../src/lib/server/assessments/transfer';
import { attachEvidenceFiles, reviewEvidenceFile } from '../../src/lib/server/evidence/files';
import { stageEvidenceBlob } from '../../src/lib/server/evidence/store';
import { findAssessment } from '../../src/lib/server/db/queries/assessments';
import { listItemReviews } from '../../src/lib/server/db/queries/reviews';
import {
	loadConsultantVoice,
	saveGapObservation,
	saveReportStatement
} from '../../src/lib/server/voice/consultant-voice';
import { useTestDatabase } from '../helpers/database';
import { consultancy, seedAssessment } from '../helpers/seed-assessment';

const database = useTestDatabase('attack-final-lock');
const ITEM = 'LIC-001';

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
	yield bytes;
}

/**
 * A reviewer's request reads the assessment, then writes: a finalise that commits in between must
 * be seen by the write, as it is by answers, comments and evidence uploads. Here the request's
 * reading is the record taken while the assessment was in review; it is final by the time each
 * write runs.
 */
describe('a review write that read the assessment before it was finalised', () => {
	it('is refused, and the signed-off review, evidence standing, consultant’s words and profile stay as they were', async () => {
		const db = database().db;
		const { orgId, ownerId } = await consultancy(db, '终稿咨询');
		const actor = { userId: ownerId };
		const seeded = await seedAssessment(db, {
			orgId,
			actorId: ownerId,
			answers: { [ITEM]: { status: 'non_compliant', owner: '合规部', due: '2027-03-31' } }
		});
		const current = async () => (await findAssessment(db, { orgId, id: seeded.id }))!;
		const staged = await stageEvidenceBlob(db, orgId, once(new Uint8Array([1, 2, 3])), 1024);
		const attached = await attachEvidenceFiles(db, actor, {
			assessment: await current(),
			itemId: ITEM,
			uploads: [{ staged, fileName: 'policy.pdf', contentType: 'application/pdf' }],
			details: { effectiveOn: '2026-11-01', expiresOn: null, replaces: null }
		});
		if (typeof attached === 'string') throw new Error(attached);
		expect(
			(await moveAssessment(db, actor, { assessment: await current(), transition: 'submit' })).ok
		).toBe(true);
		const readInReview = await current();
		expect(readInReview.state).toBe('in_review');
		expect(
			(await moveAssessment(db, actor, { assessment: readInReview, transition: 'finalise' })).ok
		).toBe(true);

		const stale = { assessment: readInReview };
		expect(await reviewItem(db, actor, { ...stale, itemId: ITEM, decision: 'accepted' })).toBe(
			false
		);
		expect(await acceptItems(db, actor, { ...stale, itemIds: [ITEM] })).toBe('final');
		expect(
			await reviewEvidenceFile(db, actor, {
				...stale,
				itemId: ITEM,
				fileId: attached[0]!.id,
				status: 'rejected'
			})
		).toBe('final');
		expect(
			await saveReportStatement(db, actor, {
				...stale,
				expectedVersion: 0,
				opinion: { zh: '补签的意见', en: 'An opinion written after sign-off' },
				scope: { zh: '', en: '' }
			})
		).toMatchObject({ ok: false, reason: 'final' });
		expect(
			await saveGapObservation(db, actor, {
				...stale,
				itemId: ITEM,
				expectedVersion: 0,
				text: { zh: '补写的意见', en: 'An observation written after sign-off' }
			})
		).toMatchObject({ ok: false, reason: 'final' });

		expect(
			await saveProfile(db, actor, {
				...stale,
				profile: { ...readInReview.profile, retail_customers: false, elderly_customers: false },
				expectedVersion: readInReview.profileVersion
			})
		).toMatchObject({ ok: false, reason: 'final' });

		expect(await listItemReviews(db, seeded.id)).toEqual([]);
		expect((await current()).profile).toEqual(readInReview.profile);
		const voice = await loadConsultantVoice(db, seeded.id);
		expect(voice.statement.version).toBe(0);
		expect(voice.observations[ITEM]).toBeUndefined();
	});
});

describe('importing an export that names thousands of evidence files', () => {
	it('restores and refuses them in a few statements, not one per file (embedded PostgreSQL is one connection)', async () => {
		const db = database().db;
		const { orgId, ownerId } = await consultancy(db, '导入咨询');
		const actor = { userId: ownerId };
		const seeded = await seedAssessment(db, {
			orgId,
			actorId: ownerId,
			answers: { [ITEM]: { status: 'compliant' } }
		});
		const staged = await stageEvidenceBlob(db, orgId, once(new Uint8Array([7, 7, 7])), 1024);
		const attached = await attachEvidenceFiles(db, actor, {
			assessment: (await findAssessment(db, { orgId, id: seeded.id }))!,
			itemId: ITEM,
			uploads: [{ staged, fileName: 'held.pdf', contentType: 'application/pdf' }],
			details: { effectiveOn: '2026-11-01', expiresOn: null, replaces: null }
		});
		if (typeof attached === 'string') throw new Error(attached);
		const exported = (await exportAssessment(db, { orgId, id: seeded.id }))!;
		const held = exported.evidence_files[0]!;
		// 1,500 versions of the file the organisation holds, and 1,500 it never had.
		const files = Array.from({ length: 3000 }, (_, i) => ({
			...held,
			file_name: `file-${i}.pdf`,
			version: i + 1,
			sha256: i < 1500 ? held.sha256 : i.toString(16).padStart(64, '0')
		}));
		let statements = 0;
		const counted = db.withPlugin({
			transformQuery: (args) => {
				statements++;
				return args.node;
			},
			transformResult: (args) => Promise.resolve(args.result)
		});
		const result = await importAssessment(counted, actor, {
			orgId,
			clientId: null,
			data: { ...exported, evidence_files: files }
		});
		if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 3)));
		expect(result.evidenceNotRestored).toHaveLength(1500);
		const imported = await exportAssessment(db, { orgId, id: result.id });
		expect(imported!.evidence_files).toHaveLength(1500);
		expect(statements).toBeLessThan(60);
	});
});
