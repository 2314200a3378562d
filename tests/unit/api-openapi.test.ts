import { seedsCorpus } from '../../src/lib/corpus/seeds-corpus';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../src/lib/server/web/api/openapi';
import { buildApiRoutes } from '../../src/lib/server/web/api/registry';
import { documentOperations, routeFileOperations } from '../helpers/api-routes';

describe('the OpenAPI document of /api/v1', () => {
	const corpus = seedsCorpus();
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
