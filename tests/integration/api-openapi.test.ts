import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { Api } from '../helpers/api';
import { documentOperations, routeFileOperations } from '../helpers/api-routes';

describe('GET /api/v1/openapi.json', () => {
	it('serves, without a token, a valid OpenAPI 3.1 document of every route file', async () => {
		const r = await new Api(null).get('/openapi.json');
		expect(r.status).toBe(200);
		const result = await new Validator().validate(r.json);
		expect(result.errors ?? []).toEqual([]);
		expect(result.valid).toBe(true);
		expect(documentOperations(r.json)).toEqual(routeFileOperations());
		// Bodies are documented from the schemas the endpoints validate with.
		const put = r.json.paths['/assessments/{id}/answers/{item_id}'].put;
		const body = JSON.stringify(put.requestBody);
		for (const field of ['status', 'note', 'evidence', 'owner', 'due', 'version'])
			expect(body).toContain(`"${field}"`);
		expect(Object.keys(put.responses).sort()).toEqual([
			'200',
			'400',
			'401',
			'403',
			'404',
			'409',
			'413'
		]);
	});
});
