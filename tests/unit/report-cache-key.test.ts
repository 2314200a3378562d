import { seedsCorpus } from '../../src/lib/corpus/seeds-corpus';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../../src/lib/domain/report-model';
import { evaluateAssessment } from '../../src/lib/domain/result';
import { reportWords } from '../../src/lib/labels/report-words';
import {
	hashRendererSources,
	RENDERER_SOURCE_DIR,
	rendererSourceHashPlugin,
	SOURCE_HASH_DEFINE
} from '../../src/lib/server/documents/pdf/renderer-source.js';
import {
	computeRendererVersion,
	rendererSourceHash,
	rendererVersion,
	rendererVersionId,
	type RendererVersion
} from '../../src/lib/server/documents/pdf/renderer-version';
import { reportCacheKey } from '../../src/lib/server/report/report-cache';

const corpus = seedsCorpus();

function model() {
	return buildReportModel(
		{
			corpus,
			evaluation: evaluateAssessment(corpus, 'a'.repeat(64), {}, []),
			profile: {},
			answers: [],
			lang: 'zh',
			firm: '测试科技有限公司',
			consultancy: null,
			assessor: 'Test',
			assessmentTitle: null,
			updatedAt: new Date('2026-11-22T00:00:00Z')
		},
		reportWords()
	);
}

function withChange(version: RendererVersion, change: Partial<Omit<RendererVersion, 'id'>>) {
	const changed = { ...version, ...change };
	return { ...changed, id: rendererVersionId(changed) };
}

describe('report cache key', () => {
	// Each computation hashes the font files (tens of MB): seconds on a loaded machine.
	it('is the same for two computations of the renderer version', { timeout: 30_000 }, () => {
		const first = computeRendererVersion();
		const second = computeRendererVersion();
		expect(second).toEqual(first);
		expect(first.packages).toMatchObject({ pdfmake: '0.3.11', fontkit: expect.any(String) });
		expect(first.fonts).toMatch(/^[0-9a-f]{64}$/);
		const m = model();
		expect(reportCacheKey(m, first)).toBe(reportCacheKey(m, second));
		expect(reportCacheKey(m)).toBe(reportCacheKey(m, rendererVersion()));
	});

	it('changes with every input of the renderer version', () => {
		const version = computeRendererVersion();
		const m = model();
		const key = reportCacheKey(m, version);
		const changes: Partial<Omit<RendererVersion, 'id'>>[] = [
			{ packages: { ...version.packages, pdfmake: '0.3.12' } },
			{ packages: { ...version.packages, fontkit: '2.0.5' } },
			{ packages: { ...version.packages, linebreak: '1.1.1' } },
			{ fonts: '0'.repeat(64) },
			{ source: '0'.repeat(64) }
		];
		const keys = changes.map((change) => reportCacheKey(m, withChange(version, change)));
		for (const k of keys) expect(k).not.toBe(key);
		expect(new Set(keys).size).toBe(keys.length);
	});
});

describe('renderer source hash', () => {
	const dir = path.resolve(RENDERER_SOURCE_DIR);

	it('is computed from the sources when they are present, as the build computes it', () => {
		expect(rendererSourceHash()).toBe(hashRendererSources(dir));
		const define = rendererSourceHashPlugin(process.cwd()).config().define;
		expect(define[SOURCE_HASH_DEFINE]).toBe(JSON.stringify(rendererSourceHash()));
	});

	it('changes when a renderer file changes or is added, and not with where the folder is', () => {
		const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'renderer-'));
		try {
			fs.cpSync(dir, copy, { recursive: true });
			const hash = hashRendererSources(dir);
			expect(hashRendererSources(copy)).toBe(hash);
			fs.appendFileSync(path.join(copy, 'pdfmake-patches', 'join-inlines.ts'), '\n');
			const edited = hashRendererSources(copy);
			expect(edited).not.toBe(hash);
			fs.writeFileSync(path.join(copy, 'pdf-extra.ts'), '');
			expect(hashRendererSources(copy)).not.toBe(edited);
		} finally {
			fs.rmSync(copy, { recursive: true, force: true });
		}
	});

	it('refuses a folder without the renderer sources (a build without the plugin)', () => {
		const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'no-renderer-'));
		try {
			expect(() => hashRendererSources(empty)).toThrow(/no renderer sources/);
		} finally {
			fs.rmSync(empty, { recursive: true, force: true });
		}
	});
});
