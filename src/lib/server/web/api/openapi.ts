import {
	createDocument,
	type ZodOpenApiOperationObject,
	type ZodOpenApiPathsObject,
	type ZodOpenApiResponseObject
} from 'zod-openapi';
import { apiErrorSchema } from '$lib/schemas/api';
import type { ApiRoutes, RouteSpec } from './registry';

const errorDescriptions = {
	400: 'Bad input: `fields` names each bad field',
	401: 'No token, or one that is unknown, revoked or expired, or whose member has left the organisation',
	403: 'The token may not change anything (read-only scope, or a viewer’s), or this organisation may not (a firm has no clients)',
	404: 'Not found in this organisation',
	409: 'Conflict',
	413: 'Request body too large',
	422: 'The report would exceed the page limit: `message` says which notes to shorten',
	429: 'The organisation has every report render slot taken: retry after `Retry-After` seconds',
	503: 'Another instance is still rendering this report: retry after `Retry-After` seconds'
} as const;

const json = (schema: unknown) => ({ 'application/json': { schema } }) as never;

function operation(key: string, spec: RouteSpec): ZodOpenApiOperationObject {
	const responses: Record<string, ZodOpenApiResponseObject> = {
		[String(spec.success.status)]: {
			description: spec.success.description,
			...(spec.success.json
				? { content: json(spec.success.json) }
				: spec.success.media
					? {
							content: {
								[spec.success.media]: { schema: { type: 'string' as const, format: 'binary' } }
							}
						}
					: {})
		}
	};
	const failures = [
		...(spec.auth === false ? [] : [401]),
		...(spec.body || spec.query || spec.multipart ? [400] : []),
		...(spec.auth !== false && spec.method !== 'get' ? [403] : []),
		...spec.errors
	] as (keyof typeof errorDescriptions)[];
	for (const status of failures.sort())
		responses[String(status)] = {
			description: errorDescriptions[status],
			content: json(status === 409 && spec.conflict ? spec.conflict : apiErrorSchema)
		};
	return {
		operationId: key,
		summary: spec.summary,
		...(spec.auth === false ? { security: [] } : {}),
		requestParams: {
			...(spec.params ? { path: spec.params } : {}),
			...(spec.query ? { query: spec.query } : {})
		},
		...(spec.body ? { requestBody: { required: true, content: json(spec.body) } } : {}),
		...(spec.multipart
			? {
					requestBody: {
						required: true,
						content: { 'multipart/form-data': { schema: spec.multipart } } as never
					}
				}
			: {}),
		responses
	};
}

/** The OpenAPI 3.1 document of /api/v1, from the registry the endpoints validate with. */
export function buildOpenApiDocument(routes: ApiRoutes) {
	const paths: ZodOpenApiPathsObject = {};
	for (const [key, spec] of Object.entries(routes) as [string, RouteSpec][]) {
		paths[spec.path] = { ...paths[spec.path], [spec.method]: operation(key, spec) };
	}
	return createDocument({
		openapi: '3.1.0',
		info: {
			title: '合规预检 Sandbox Readiness API',
			version: '1.0.0',
			description:
				'Assessments of an organisation, for its own tools. Every request but this document ' +
				'carries `Authorization: Bearer <token>`; an owner creates tokens in the organisation’s settings ' +
				'or with `npm run cli -- admin create-token`. Errors are `{ "error": { "code", "message", "fields"? } }`.'
		},
		servers: [{ url: '/api/v1' }],
		security: [{ bearer: [] }],
		components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
		paths
	});
}
