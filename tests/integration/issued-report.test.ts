import { seedsCorpus } from '../../src/lib/corpus/seeds-corpus';
import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../src/lib/domain/profile';
import { moveAssessment } from '../../src/lib/server/assessments/review';
import { saveAnswer, startAssessment } from '../../src/lib/server/assessments/service';
import { installCorpus } from '../../src/lib/server/corpus';
import { findAssessment } from '../../src/lib/server/db/queries/assessments';
import { listAuditEntries } from '../../src/lib/server/db/queries/audit-log';
import { findMembership } from '../../src/lib/server/db/queries/organisations';
import { createOrganisation } from '../../src/lib/server/orgs/organisations';
import { issueFinalReports, ISSUED_AT_FINALISE } from '../../src/lib/server/report/issued-report';
import { reportFile } from '../../src/lib/server/report/report-file';
import { useTestDatabase } from '../helpers/database';
import { person } from '../helpers/seed-assessment';

const database = useTestDatabase('issued');
const seeds = seedsCorpus();
const profile: Profile = { org_type: 'tech_company', registered_name: '上海浦江数字科技有限公司' };
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function finalisedAssessment(label: string) {
	const db = database().db;
	await installCorpus(db, seeds);
	const userId = await person(db, label);
	const actor = { userId };
	const orgId = await createOrganisation(db, actor, { name: '浦江数科', kind: 'firm' });
	const id = await startAssessment(db, actor, {
		orgId,
		title: '2026 年度',
		profile,
		clientId: null
	});
	const draft = (await findAssessment(db, { orgId, id }))!;
	await saveAnswer(db, actor, {
		assessment: draft,
		itemId: 'LIC-001',
		expectedVersion: 0,
		values: {
			status: 'non_compliant',
			note: '无牌照',
			evidence: [],
			owner: '周敏',
			due: '2027-01-31'
		}
	});
	for (const transition of ['submit', 'finalise'] as const)
		expect(
			await moveAssessment(db, actor, {
				assessment: (await findAssessment(db, { orgId, id }))!,
				transition
			})
		).toEqual({ ok: true });
	const assessment = (await findAssessment(db, { orgId, id }))!;
	const membership = (await findMembership(db, userId, orgId))!;
	return { db, actor, orgId, id, assessment, membership };
}

describe('a final report is kept as issued', () => {
	it('stores the summary edition of each language and format at finalising, and serves exactly those bytes', async () => {
		const { db, actor, orgId, id, assessment, membership } = await finalisedAssessment('issue');
		await issueFinalReports(db, actor, { assessment, membership });
		const rows = await db
			.selectFrom('issued_reports')
			.select(['format', 'lang', 'edition', 'bytes', 'sha256', 'issued_on', 'file_name'])
			.where('assessment_id', '=', id)
			.execute();
		expect(rows.map((r) => `${r.format}/${r.lang}/${r.edition}`).sort()).toEqual(
			ISSUED_AT_FINALISE.map((v) => `${v.format}/${v.lang}/${v.edition}`).sort()
		);
		const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
		for (const r of rows) {
			expect(r.sha256).toBe(sha256(new Uint8Array(r.bytes)));
			expect(r.issued_on).toBe(today);
		}
		expect(rows.find((r) => r.format === 'docx' && r.lang === 'zh')!.file_name).toMatch(
			/^差距报告-上海浦江数字科技有限公司-\d{4}-\d{2}-\d{2}\.docx$/
		);
		const issued = (await listAuditEntries(db, { orgId, assessmentId: id })).filter(
			(e) => e.action === 'report.issued'
		);
		expect(issued).toHaveLength(ISSUED_AT_FINALISE.length);

		// Whatever a renderer would print now, the download is the row's bytes.
		const kept = new TextEncoder().encode('%PDF- the bytes issued at finalising');
		await db
			.updateTable('issued_reports')
			.set({ bytes: Buffer.from(kept) })
			.where('assessment_id', '=', id)
			.where('format', '=', 'pdf')
			.where('lang', '=', 'zh')
			.execute();
		const variant = { assessment, membership, lang: 'zh', edition: 'summary' } as const;
		const pdf = await reportFile(db, actor, { ...variant, format: 'pdf' });
		expect(Buffer.from(pdf.bytes).equals(Buffer.from(kept))).toBe(true);
		const docx = await reportFile(db, actor, { ...variant, format: 'docx' });
		const stored = rows.find((r) => r.format === 'docx' && r.lang === 'zh')!;
		expect(docx.etag).toBe(stored.sha256);
		expect(Buffer.from(docx.bytes).equals(Buffer.from(stored.bytes))).toBe(true);
		const document = strFromU8(unzipSync(docx.bytes)['word/document.xml']!);
		expect(document).toContain('定稿');

		// The full edition is issued at its first download, then kept.
		const full = { ...variant, edition: 'full', format: 'docx' } as const;
		const first = await reportFile(db, actor, full);
		const again = await reportFile(db, actor, full);
		expect(again.etag).toBe(first.etag);
		expect(Buffer.from(again.bytes).equals(Buffer.from(first.bytes))).toBe(true);
	}, 180_000);

	it('re-opening supersedes the issued reports (kept on record) and the draft renders afresh', async () => {
		const { db, actor, orgId, id, assessment, membership } = await finalisedAssessment('reopen');
		await issueFinalReports(db, actor, { assessment, membership });
		await db
			.updateTable('issued_reports')
			.set({ bytes: Buffer.from('not a report') })
			.where('assessment_id', '=', id)
			.execute();
		expect(
			await moveAssessment(db, actor, { assessment, transition: 'reopen', reason: '补充材料' })
		).toEqual({ ok: true });
		const draft = (await findAssessment(db, { orgId, id }))!;
		const file = await reportFile(db, actor, {
			assessment: draft,
			membership,
			lang: 'en',
			edition: 'summary',
			format: 'docx'
		});
		expect(strFromU8(unzipSync(file.bytes)['word/document.xml']!)).toContain('Draft');
		const rows = await db
			.selectFrom('issued_reports')
			.select(['superseded_at'])
			.where('assessment_id', '=', id)
			.execute();
		expect(rows).toHaveLength(ISSUED_AT_FINALISE.length);
		expect(rows.every((r) => r.superseded_at !== null)).toBe(true);
	}, 180_000);
});
