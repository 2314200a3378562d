/**
 * The Word report's render time, and the server time of re-downloading a final assessment's issued
 * report (two indexed reads: no model is built). Run on demand; figures go in BENCHMARKS.md.
 *
 *   npx tsx scripts/bench-docx.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadCorpus } from '../src/lib/corpus/load';
import { corpusPaths } from '../src/lib/corpus/paths';
import type { ReportInput } from '../src/lib/domain/report-model';
import { audited } from '../src/lib/server/db/audited';
import { openDatabase } from '../src/lib/server/db/connection';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { findAssessment } from '../src/lib/server/db/queries/assessments';
import {
	findIssuedReportEntry,
	insertIssuedReport,
	readIssuedReportBytes
} from '../src/lib/server/db/queries/issued-reports';
import { findMembership } from '../src/lib/server/db/queries/organisations';
import { insertUser } from '../src/lib/server/db/queries/users';
import { moveAssessment } from '../src/lib/server/assessments/review';
import { saveAnswer, startAssessment } from '../src/lib/server/assessments/service';
import { draftReportKey } from '../src/lib/server/report/draft-report-key';
import { loadReportModel } from '../src/lib/server/report/load-report';
import { reportCacheKey } from '../src/lib/server/report/report-cache';
import { installCorpus } from '../src/lib/server/corpus';
import { renderReportDocx } from '../src/lib/server/documents/docx/render-docx';
import { createOrganisation } from '../src/lib/server/orgs/organisations';
import { reportFile } from '../src/lib/server/report/report-file';
import { mixedAssessment, mixedReportModel } from '../tests/helpers/report-fixture';

const RUNS = 9;
const corpus = loadCorpus(corpusPaths().seedsDir);
const mixed = mixedAssessment(corpus);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed(work: () => Promise<unknown>): Promise<number> {
	await work(); // warm
	const times: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const started = performance.now();
		await work();
		times.push(performance.now() - started);
	}
	return median(times);
}

const model = (overrides: Partial<ReportInput>) => mixedReportModel(corpus, overrides);

/** Where a re-download's time goes: the row's metadata, its bytes, and the whole service call. */
async function issuedRedownload(): Promise<Record<string, number>> {
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-docx-'));
	const { db, close } = await openDatabase({ databaseUrl: null, dataDir });
	try {
		await migrateToLatest(db);
		await installCorpus(db, corpus);
		const userId = crypto.randomUUID();
		await audited(db, { userId }, async (tx) => {
			await insertUser(tx, {
				id: userId,
				email: `bench-${userId}@example.com`,
				name: 'Bench',
				passwordHash: 'x',
				emailVerifiedAt: new Date()
			});
			tx.record({ action: 'user.signed_up', orgId: null, entity: { type: 'user', id: userId } });
		});
		const actor = { userId };
		const orgId = await createOrganisation(db, actor, { name: 'Bench', kind: 'firm' });
		const id = await startAssessment(db, actor, {
			orgId,
			title: 'Bench',
			profile: mixed.profile,
			clientId: null
		});
		// The draft's PDF cache key, the mixed assessment answered: made from the report model (before)
		// and from the stamps, without the model (after).
		for (const answer of mixed.answers)
			await saveAnswer(db, actor, {
				assessment: (await findAssessment(db, { orgId, id }))!,
				itemId: answer.itemId,
				values: {
					note: answer.note,
					evidence: answer.evidence,
					owner: answer.owner,
					// The fixture's dates are for a model only: some (2027-02-30) are no calendar's.
					due: answer.due?.replace(/-(29|30|31)$/, '-28') ?? null,
					status: answer.status
				},
				expectedVersion: 0
			});
		const draft = (await findAssessment(db, { orgId, id }))!;
		const draftMembership = (await findMembership(db, userId, orgId))!;
		const keyInput = { assessment: draft, membership: draftMembership, lang: 'zh' as const };
		const keys = {
			'Draft PDF cache key, before: report model built and hashed (ms, PGlite)': await timed(
				async () => reportCacheKey(await loadReportModel(db, keyInput))
			),
			'Draft PDF cache key, after: draftReportKey, no model (ms, PGlite)': await timed(() =>
				draftReportKey(db, { ...keyInput, edition: 'summary' })
			)
		};
		for (const transition of ['submit', 'finalise'] as const)
			await moveAssessment(db, actor, {
				assessment: (await findAssessment(db, { orgId, id }))!,
				transition
			});
		const assessment = (await findAssessment(db, { orgId, id }))!;
		const membership = (await findMembership(db, userId, orgId))!;
		// An issued PDF of a realistic size, stored as finalising stores it.
		const bytes = new Uint8Array(1_200_000).fill(37);
		await audited(db, actor, async (tx) => {
			await insertIssuedReport(
				tx,
				{ orgId, assessmentId: id },
				{
					format: 'pdf',
					lang: 'zh',
					edition: 'summary',
					fileName: 'bench.pdf',
					bytes,
					sha256: 'x'.repeat(64),
					issuedOn: '2026-12-01'
				}
			);
			tx.record({ action: 'report.issued', orgId, entity: { type: 'assessment', id } });
		});
		const scope = {
			orgId,
			assessmentId: id,
			format: 'pdf',
			lang: 'zh',
			edition: 'summary'
		} as const;
		const entry = (await findIssuedReportEntry(db, scope))!;
		const download = () =>
			reportFile(db, actor, {
				assessment,
				membership,
				lang: 'zh',
				edition: 'summary',
				format: 'pdf'
			});
		return {
			...keys,
			'Issued report: metadata read (ms, PGlite)': await timed(() =>
				findIssuedReportEntry(db, scope)
			),
			'Issued report: 1.2 MB of bytes read from the database (ms, PGlite)': await timed(() =>
				readIssuedReportBytes(db, entry.id)
			),
			// timed() warms once: the first download reads the bytes, the measured ones reuse them.
			'Issued report re-download, reportFile (ms, PGlite)': await timed(download)
		};
	} finally {
		await close();
		fs.rmSync(dataDir, { recursive: true, force: true });
	}
}

const summaryZh = model({});
const fullBoth = model({ lang: 'both', edition: 'full' });
// BENCH_ONLY=issued: the re-download figures alone.
const figures = {
	...(process.env.BENCH_ONLY === 'issued'
		? {}
		: {
				'DOCX, summary edition, zh (ms)': await timed(() => renderReportDocx(summaryZh)),
				'DOCX, full edition, bilingual (ms)': await timed(() => renderReportDocx(fullBoth))
			}),
	...(await issuedRedownload())
};
for (const [label, ms] of Object.entries(figures)) console.log(`${label}: ${ms.toFixed(1)}`);
console.log(
	`load average: ${os
		.loadavg()
		.map((l) => l.toFixed(2))
		.join(' ')}; median of ${RUNS}`
);
