import fs from 'node:fs';
import path from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/lib/corpus/load';
import { corpusPaths } from '../../src/lib/corpus/paths';
import { buildOpenApiDocument } from '../../src/lib/server/api/openapi';
import { buildApiRoutes } from '../../src/lib/server/api/registry';

const apiRoot = path.resolve('src/routes/api/v1');

/** Every endpoint file below src/routes/api/v1 as "METHOD /path/{param}". */
export function routeFileOperations(): string[] {
	const operations: string[] = [];
	const walk = (dir: string) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.name === '+server.ts') {
				const route =
					'/' +
					path
						.relative(apiRoot, dir)
						.split(path.sep)
						.map((s) => s.replace(/^\[(\w+)(=\w+)?\]$/, '{$1}'))
						.join('/');
				const source = fs.readFileSync(full, 'utf8');
				for (const [, method] of source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g))
					operations.push(`${method} ${route}`);
			}
		}
	};
	walk(apiRoot);
	return operations.sort();
}

function documentOperations(document: { paths?: Record<string, object> }): string[] {
	return Object.entries(document.paths ?? {})
		.flatMap(([p, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${p}`))
		.sort();
}

describe('the OpenAPI document of /api/v1', () => {
	const corpus = loadCorpus(corpusPaths().seedsDir);
	const document = buildOpenApiDocument(buildApiRoutes(corpus.profileQuestions));

	it('is a valid OpenAPI 3.1 document', async () => {
		const result = await new Validator().validate(document as never);
		expect(result.errors ?? []).toEqual([]);
		expect(result.valid).toBe(true);
		expect(document.openapi).toBe('3.1.0');
	});

	it('lists exactly the route files under src/routes/api/v1, method by method', () => {
		const files = routeFileOperations();
		expect(files.length).toBeGreaterThanOrEqual(9);
		expect(documentOperations(document)).toEqual(files);
	});

	it('describes the profile with the corpus’s own questions', () => {
		const text = JSON.stringify(document.paths?.['/assessments']);
		for (const q of corpus.profileQuestions) expect(text).toContain(`"${q.id}"`);
	});
});
