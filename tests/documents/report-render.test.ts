import { seedsCorpus } from '../../src/lib/corpus/seeds-corpus';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReportModel } from '../../src/lib/domain/report-model';
import type { Answer } from '../../src/lib/domain/scoring';
import { renderReportPdf } from '../../src/lib/server/documents/pdf/render-pdf';
import { reportCacheKey } from '../../src/lib/server/report/report-cache';
import { PoolClosedError, RenderPool } from '../../src/lib/server/documents/pdf/worker-pool';
import { colours } from '../../src/lib/server/documents/pdf/pdf-text';
import { SEVERITY_ORDER } from '../../src/lib/domain/scoring';
import { outlineTitles } from '../helpers/report-pdf';
import { techCompanyReport } from '../helpers/report-fixture';

const corpus = seedsCorpus();
const SLOW = 120_000;

const model = (
	answers: Answer[],
	lang: ReportModel['lang'] = 'both',
	edition: ReportModel['edition'] = 'summary'
) => techCompanyReport(corpus, answers, lang, edition);

function text(bytes: Uint8Array, pages: string[] = []): string {
	const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'render-')), 'r.pdf');
	fs.writeFileSync(file, bytes);
	return execFileSync('pdftotext', [...pages, file, '-'], { encoding: 'utf8' });
}

const pool = new RenderPool(1);
afterAll(() => pool.close());

/** Timers keeping the process alive (unref'd ones are not counted). */
const liveTimers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

describe('rendering the report', () => {
	it(
		'stopping the workers refuses the report in flight and clears its time limit',
		async () => {
			// The server's shutdown closes the pool: a render's two-minute limit left pending kept the
			// stopped server alive that long (npm start after SIGTERM, during the warm-up report).
			const stopping = new RenderPool(1);
			await stopping.render(model([], 'en'));
			const before = liveTimers();
			const inFlight = stopping.render(model([], 'en')).catch((error: unknown) => error);
			expect(liveTimers(), 'the job on the worker has its time limit').toBe(before + 1);
			await stopping.close();
			expect(await inFlight).toBeInstanceOf(PoolClosedError);
			expect(liveTimers(), 'and it is cleared').toBe(before);
			await expect(stopping.render(model([], 'en'))).rejects.toBeInstanceOf(PoolClosedError);
		},
		SLOW
	);

	it(
		'renders on a worker thread, and the same content gives the same bytes',
		async () => {
			const m = model([], 'en');
			const first = await pool.render(m);
			expect(first.renderer).toBe('worker');
			expect(new TextDecoder().decode(first.bytes.slice(0, 5))).toBe('%PDF-');
			const again = await renderReportPdf(m);
			expect(Buffer.from(again).equals(Buffer.from(first.bytes))).toBe(true);
			expect(reportCacheKey(m)).toBe(reportCacheKey(model([], 'en')));
			expect(reportCacheKey(m)).not.toBe(reportCacheKey(model([], 'zh')));
		},
		SLOW
	);

	it(
		'copes with 300 answers and a 5,000-character note with no break in it',
		async () => {
			// The full edition: the one that prints every answer.
			const base = model(
				[
					{
						itemId: 'LIC-001',
						status: 'partial',
						note: 'x'.repeat(5000),
						evidence: ['<img src=x onerror=alert(1)>'],
						owner: '{{owner}}',
						due: '2027-01-31'
					}
				],
				'both',
				'full'
			);
			const one = base.answers[0]!;
			const many: ReportModel = {
				...base,
				answers: Array.from({ length: 300 }, (_, i) => ({
					...one,
					itemId: `T-${String(i).padStart(3, '0')}`,
					note: `note ${i}`
				}))
			};
			const rendered = await pool.render(many);
			const t = text(rendered.bytes);
			expect(t).toContain('T-299');
			expect(t).toContain('{{owner}}');
			// A note of 5,000 characters with no break runs over pages: count its letters.
			expect(t.match(/x/g)?.length).toBeGreaterThanOrEqual(5000);
			expect(t).toContain('<img src=x onerror=alert(1)>');
		},
		SLOW
	);

	it(
		'bookmarks every section in both languages, and prints the disclaimer once',
		async () => {
			const m = model([]);
			const rendered = await pool.render(m);
			const outline = outlineTitles(rendered.bytes);
			for (const label of [m.labels.executiveSummary, m.labels.gapRegister, m.labels.disclaimer])
				expect(outline).toContain(`${label.main} / ${label.alt}`);
			const all = text(rendered.bytes);
			expect(all.split('not legal advice').length - 1).toBe(1);
		},
		SLOW
	);

	it('keeps the severities apart in greyscale: each a clear step lighter than the one above', () => {
		const luma = (hex: string) => {
			const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
			return 0.299 * r! + 0.587 * g! + 0.114 * b!;
		};
		const steps = SEVERITY_ORDER.map((s) => luma(colours[s]));
		for (let i = 1; i < steps.length; i++) expect(steps[i]! - steps[i - 1]!).toBeGreaterThan(24);
	});
});
