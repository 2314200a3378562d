import { createHash, randomBytes } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { addReviewComment, moveAssessment } from '../../src/lib/server/assessments/review';
import {
	attachEvidenceFiles,
	removeEvidenceFile,
	reviewEvidenceFile
} from '../../src/lib/server/evidence/files';
import { stageEvidenceBlob } from '../../src/lib/server/evidence/store';
import { findAssessment } from '../../src/lib/server/db/queries/assessments';
import { findMembership } from '../../src/lib/server/db/queries/organisations';
import { draftReportKey } from '../../src/lib/server/report/draft-report-key';
import { loadReportModel } from '../../src/lib/server/report/load-report';
import { reportFile } from '../../src/lib/server/report/report-file';
import { issueFinalReports } from '../../src/lib/server/report/issued-report';
import { useTestDatabase } from '../helpers/database';
import { pdfText, squash } from '../helpers/pdf';
import { consultancy, seedAssessment } from '../helpers/seed-assessment';

/**
 * The evidence annex and the review comments of a real assessment: the loader passes the files and
 * comments in as plain data, the rendered PDF and Word file list a real upload with its hash, and
 * the draft's cache key (and a final's issued files) follow every change that the report prints.
 */
const database = useTestDatabase('report-annex');
const ITEM = 'LIC-001';
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
	yield bytes;
}

async function setUp(name: string) {
	const db = database().db;
	const { orgId, ownerId } = await consultancy(db, name);
	const seeded = await seedAssessment(db, {
		orgId,
		actorId: ownerId,
		answers: { [ITEM]: { status: 'non_compliant', owner: '合规部', due: '2027-03-31' } }
	});
	const membership = (await findMembership(db, ownerId, orgId))!;
	const actor = { userId: ownerId };
	const current = async () => (await findAssessment(db, { orgId, id: seeded.id }))!;
	const key = async (comments = false) =>
		(
			await draftReportKey(db, {
				assessment: await current(),
				membership,
				lang: 'zh',
				edition: 'summary',
				comments,
				now: new Date('2026-12-02T03:00:00Z')
			})
		).key;
	const upload = async (bytes: Uint8Array, fileName: string) => {
		const staged = await stageEvidenceBlob(db, orgId, once(bytes), 25 * 1024 * 1024);
		const result = await attachEvidenceFiles(db, actor, {
			assessment: await current(),
			itemId: ITEM,
			uploads: [{ staged, fileName, contentType: 'application/pdf' }],
			details: { effectiveOn: '2026-11-01', expiresOn: '2027-10-31', replaces: null }
		});
		if (typeof result === 'string') throw new Error(`upload refused: ${result}`);
		return result[0]!;
	};
	return { db, orgId, actor, membership, current, key, upload };
}

describe('the evidence annex of a stored assessment', { timeout: 120_000 }, () => {
	it('lists an uploaded file with its SHA-256 in the model, the PDF and the Word file, and the key follows upload, decision and removal', async () => {
		const ctx = await setUp('附录咨询');
		const { db, actor, membership, current, key } = ctx;
		const empty = await key();
		expect(await key()).toBe(empty);

		const bytes = randomBytes(40_000);
		const attached = await ctx.upload(bytes, '数据安全管理制度.pdf');
		expect(attached.sha256).toBe(sha256(bytes));
		const uploaded = await key();
		expect(uploaded).not.toBe(empty);

		const model = await loadReportModel(db, {
			assessment: await current(),
			membership,
			lang: 'zh'
		});
		expect(model.evidenceAnnex).toHaveLength(1);
		const [file] = model.evidenceAnnex[0]!.files;
		expect(model.evidenceAnnex[0]!.itemId).toBe(ITEM);
		expect(file).toMatchObject({
			name: '数据安全管理制度.pdf',
			bytes: 40_000,
			size: '39 KB',
			effectiveOn: '2026-11-01',
			expires: { main: '2027-10-31', alt: null },
			decision: 'pending',
			sha256: sha256(bytes)
		});
		expect(file!.uploader).not.toBe('—');

		const pdf = await reportFile(db, actor, {
			assessment: await current(),
			membership,
			lang: 'both',
			edition: 'summary',
			format: 'pdf'
		});
		const text = squash(pdfText(pdf.bytes));
		expect(text).toContain(sha256(bytes));
		expect(text).toContain(squash('数据安全管理制度.pdf'));
		const docx = await reportFile(db, actor, {
			assessment: await current(),
			membership,
			lang: 'en',
			edition: 'full',
			format: 'docx'
		});
		const xml = strFromU8(unzipSync(docx.bytes)['word/document.xml']!);
		expect(xml).toContain(sha256(bytes));
		expect(xml).toContain('数据安全管理制度.pdf');

		// The reviewer's decision is printed: the key moves with it.
		expect(
			await reviewEvidenceFile(db, actor, {
				assessment: await current(),
				itemId: ITEM,
				fileId: attached.id,
				status: 'accepted'
			})
		).toBe('reviewed');
		const decided = await key();
		expect(decided).not.toBe(uploaded);
		expect(
			(await loadReportModel(db, { assessment: await current(), membership, lang: 'en' }))
				.evidenceAnnex[0]!.files[0]!.decisionLabel.main
		).toBe('Accepted');
		// The PDF served now is a new render, not the cached one without the decision.
		const redone = await reportFile(db, actor, {
			assessment: await current(),
			membership,
			lang: 'both',
			edition: 'summary',
			format: 'pdf'
		});
		expect(redone.etag).not.toBe(pdf.etag);
		expect(squash(pdfText(redone.bytes))).toContain(squash('已接受 / Accepted'));

		// The uploader renamed: the annex prints the name, so the key moves.
		await db
			.updateTable('users')
			.set({ name: '张敏（合规）' })
			.where('id', '=', actor.userId)
			.execute();
		const renamed = await key();
		expect(renamed).not.toBe(decided);

		expect(
			await removeEvidenceFile(db, actor, {
				assessment: await current(),
				itemId: ITEM,
				fileId: attached.id,
				reviewer: true
			})
		).toBe('removed');
		const removed = await key();
		expect(removed).not.toBe(renamed);
		expect(
			(await loadReportModel(db, { assessment: await current(), membership, lang: 'zh' }))
				.evidenceAnnex
		).toEqual([]);
	});

	it('prints review comments only when asked; the key follows the choice and, then only, the comments', async () => {
		const ctx = await setUp('意见咨询');
		const { db, actor, membership, current, key } = ctx;
		const plain = await key(false);
		const withComments = await key(true);
		expect(withComments).not.toBe(plain);

		const added = await addReviewComment(db, actor, {
			assessment: await current(),
			itemId: ITEM,
			body: '请补充董事会批准记录。'
		});
		expect(added).toMatchObject({ ok: true });
		// A report without comments is the same report: its cached copy still serves.
		expect(await key(false)).toBe(plain);
		expect(await key(true)).not.toBe(withComments);

		const without = await loadReportModel(db, {
			assessment: await current(),
			membership,
			lang: 'en'
		});
		expect(without.commentsIncluded).toBe(false);
		expect(without.gaps.find((g) => g.itemId === ITEM)!.comments).toEqual([]);
		const withModel = await loadReportModel(db, {
			assessment: await current(),
			membership,
			lang: 'en',
			comments: true
		});
		const comments = withModel.gaps.find((g) => g.itemId === ITEM)!.comments;
		expect(comments).toHaveLength(1);
		expect(comments[0]!.text).toBe('请补充董事会批准记录。');
		expect(comments[0]!.byline).toMatch(/^.+, \d{4}-\d{2}-\d{2}$/);
	});

	it('issues a final report with and without comments apart, each kept as issued', async () => {
		const ctx = await setUp('签发咨询');
		const { db, actor, membership, current } = ctx;
		const bytes = randomBytes(10_000);
		await ctx.upload(bytes, 'contract.pdf');
		await addReviewComment(db, actor, {
			assessment: await current(),
			itemId: ITEM,
			body: 'Signed copy still missing.'
		});
		for (const transition of ['submit', 'finalise'] as const)
			expect(await moveAssessment(db, actor, { assessment: await current(), transition })).toEqual({
				ok: true
			});
		const final = await current();
		await issueFinalReports(db, actor, { assessment: final, membership, comments: true });
		const rows = await db
			.selectFrom('issued_reports')
			.select(['format', 'lang', 'comments', 'sha256'])
			.where('assessment_id', '=', final.id)
			.execute();
		expect(rows).toHaveLength(6);
		expect(rows.every((r) => r.comments)).toBe(true);

		const variant = { assessment: final, membership, lang: 'en', edition: 'summary' } as const;
		const withComments = await reportFile(db, actor, {
			...variant,
			format: 'pdf',
			comments: true
		});
		// Served as issued at finalising.
		expect(withComments.timing).toContain('issued');
		const text = squash(pdfText(withComments.bytes));
		expect(text).toContain(squash('Signed copy still missing.'));
		expect(text).toContain(sha256(bytes));

		// The variant without comments is issued at its first download, apart from the other.
		const without = await reportFile(db, actor, { ...variant, format: 'pdf' });
		expect(without.etag).not.toBe(withComments.etag);
		expect(squash(pdfText(without.bytes))).not.toContain(squash('Signed copy still missing.'));
		expect(squash(pdfText(without.bytes))).toContain(sha256(bytes));
		const again = await reportFile(db, actor, { ...variant, format: 'pdf' });
		expect(again.etag).toBe(without.etag);
		expect(again.timing).toContain('issued');
	});
});
