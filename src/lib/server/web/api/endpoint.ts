import type { RequestEvent, RequestHandler } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import type { z } from 'zod';
import type { Database } from '../../db/connection';
import type { Membership } from '../../db/queries/organisations';
import { readServerEnv } from '../../env';
import { logger } from '../../logger';
import { runtime } from '../runtime';
import {
	ApiError,
	errorResponse,
	forbidden,
	invalid,
	jsonResponse,
	notFound,
	readJsonBody
} from './http';
import { apiRoutes, type ApiRoutes, type RouteSpec } from './registry';
import { authenticateApiToken } from '../../auth/api-tokens';
import type { Actor } from '../../db/audited';

/** Who is calling: the token, the member it acts for and the organisation. */
export interface ApiContext {
	db: Database;
	tokenId: string;
	/** The organisation as the token's member sees it, with the token's role (their role, or less). */
	membership: Membership;
	/** The member the token acts for, through the token. */
	actor: Actor & { userId: string };
}

type Parsed<T, K extends string> = T extends { [P in K]: infer S extends z.ZodType }
	? z.output<S>
	: undefined;

export interface ApiInput<K extends keyof ApiRoutes> {
	event: RequestEvent;
	api: ApiContext;
	params: Parsed<ApiRoutes[K], 'params'>;
	query: Parsed<ApiRoutes[K], 'query'>;
	body: Parsed<ApiRoutes[K], 'body'>;
}

const bodySizeLimit = readServerEnv().bodySizeLimit;

async function authenticate(event: RequestEvent): Promise<ApiContext> {
	const header = event.request.headers.get('authorization') ?? '';
	const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
	if (!match) throw new ApiError(401, 'unauthorized', m.api_err_token_required());
	const { db } = runtime();
	const token = await authenticateApiToken(db, match[1]!);
	if (!token) throw new ApiError(401, 'unauthorized', m.api_err_token_invalid());
	if (token.twoFactorOwed)
		throw new ApiError(
			403,
			'two_factor_required',
			m.harden_api_two_factor_required({ organisation: token.orgName })
		);
	return {
		db,
		tokenId: token.id,
		membership: {
			orgId: token.orgId,
			orgName: token.orgName,
			orgKind: token.orgKind,
			role: token.role,
			// A token reaches the whole organisation, never a respondent's part of it.
			clientId: null,
			assessmentId: null,
			domains: null
		},
		actor: { userId: token.userId, apiTokenId: token.id, requestId: event.locals.requestId }
	};
}

async function parseInput(spec: RouteSpec, event: RequestEvent) {
	let params: unknown;
	if (spec.params) {
		// A malformed id names nothing that exists: not found, like any unknown id.
		const parsed = spec.params.safeParse(event.params);
		if (!parsed.success) throw notFound();
		params = parsed.data;
	}
	let query: unknown;
	if (spec.query) {
		const parsed = spec.query.safeParse(Object.fromEntries(event.url.searchParams));
		if (!parsed.success) throw invalid('invalid_query', parsed.error);
		query = parsed.data;
	}
	let body: unknown;
	if (spec.body) {
		const parsed = spec.body.safeParse(await readJsonBody(event.request, bodySizeLimit));
		if (!parsed.success) throw invalid('invalid_body', parsed.error);
		body = parsed.data;
	}
	return { params, query, body };
}

/**
 * One endpoint of /api/v1: authenticates the Bearer token, validates the input with the route's
 * schemas from the registry, and answers JSON, every failure as `{ error: { code, message } }`.
 * A handler returns a Response, or data sent as JSON with the route's success status.
 */
export function apiEndpoint<K extends keyof ApiRoutes>(
	key: K,
	handler: (input: ApiInput<K>) => Promise<unknown>
): RequestHandler {
	return async (event) => {
		try {
			const spec: RouteSpec = apiRoutes()[key];
			const api = await authenticate(event);
			// A viewer's token, or a read-only one, reads; every other method changes something.
			if (spec.method !== 'get' && api.membership.role === 'viewer')
				throw forbidden(m.api_err_token_read_only());
			logger.info(
				{
					requestId: event.locals.requestId,
					tokenId: api.tokenId,
					orgId: api.membership.orgId,
					operation: key
				},
				'api request'
			);
			const input = await parseInput(spec, event);
			const result = await handler({ event, api, ...input } as ApiInput<K>);
			return result instanceof Response ? result : jsonResponse(result, spec.success.status);
		} catch (error) {
			if (error instanceof ApiError) return errorResponse(error);
			logger.error({ requestId: event.locals.requestId, err: error, operation: key }, 'api error');
			return jsonResponse({ error: { code: 'internal', message: m.api_err_internal() } }, 500);
		}
	};
}
