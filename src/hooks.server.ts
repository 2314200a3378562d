import type { Handle, HandleServerError, RequestEvent, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { logger } from '$lib/server/logger';
import { readServerEnv } from '$lib/server/env';
import { runtime, startRuntime } from '$lib/server/runtime';
import { resolveSession } from '$lib/server/http/session-hook';
import { ApiError, errorResponse, tooLarge } from '$lib/server/api/http';
import '$lib/server/startup';

export const init: ServerInit = async () => {
	const database = await startRuntime();
	// adapter-node emits this once the HTTP server has closed: close the database so the process can
	// exit, and so embedded PostgreSQL is shut down cleanly rather than left to the next start to recover.
	process.once('sveltekit:shutdown', () => {
		database
			.close()
			.catch((error: unknown) => logger.error({ err: error }, 'closing the database failed'));
	});
};

const handleRequestLog: Handle = async ({ event, resolve }) => {
	event.locals.requestId = crypto.randomUUID();
	const started = performance.now();
	const response = await resolve(event);
	response.headers.set('x-request-id', event.locals.requestId);
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'strict-origin-when-cross-origin');
	response.headers.set('x-frame-options', 'DENY');
	logger.info(
		{
			requestId: event.locals.requestId,
			method: event.request.method,
			// The route pattern, not the path: paths can carry secrets such as invitation tokens.
			route: event.route.id ?? 'unmatched',
			status: response.status,
			ms: Math.round(performance.now() - started)
		},
		'request'
	);
	return response;
};

const { bodySizeLimit, uploadSizeLimit } = readServerEnv();

/** A file upload to one of the import actions (?/import, ?/importTemplate) may be larger. */
function isUpload(request: Request, url: URL): boolean {
	return (
		request.method === 'POST' &&
		url.search.startsWith('?/import') &&
		(request.headers.get('content-type') ?? '').startsWith('multipart/form-data')
	);
}

/** An oversized body is refused before anything reads it: 413, never a half-parsed form. */
const handleBodySize: Handle = ({ event, resolve }) => {
	const length = Number(event.request.headers.get('content-length') ?? 0);
	const limit = isUpload(event.request, event.url) ? uploadSizeLimit : bodySizeLimit;
	if (length > limit) {
		if (isApiRequest(event)) {
			const refused = errorResponse(tooLarge(limit));
			refused.headers.set('connection', 'close');
			return refused;
		}
		return new Response(`Request body too large (limit ${limit} bytes)`, {
			status: 413,
			// The unread body is left behind: the client must not send its next request on this socket.
			headers: { 'content-type': 'text/plain; charset=utf-8', connection: 'close' }
		});
	}
	return resolve(event);
};

const isApiRequest = (event: RequestEvent) => event.url.pathname.startsWith('/api/');

/** The API answers JSON even for a path it does not have. */
const handleApiNotFound: Handle = ({ event, resolve }) => {
	if (isApiRequest(event) && event.route.id === null)
		return errorResponse(new ApiError(404, 'not_found', 'Not found'));
	return resolve(event);
};

const handleParaglide: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%lang%', locale === 'zh' ? 'zh-CN' : 'en')
		});
	});

const handleSession: Handle = async ({ event, resolve }) => {
	await resolveSession(event, runtime().db);
	return resolve(event);
};

export const handle = sequence(
	handleRequestLog,
	handleBodySize,
	handleApiNotFound,
	handleParaglide,
	handleSession
);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status === 404) return { message, requestId: event.locals.requestId };
	logger.error(
		{ requestId: event.locals.requestId, err: error, path: event.url.pathname },
		'unhandled error'
	);
	return { message: 'Internal error', requestId: event.locals.requestId };
};
