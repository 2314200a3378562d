import type { Handle, HandleServerError, RequestEvent, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { logger } from '$lib/server/logger';
import { readServerEnv } from '$lib/server/env';
import { runtime, startRuntime } from '$lib/server/web/runtime';
import { resolveSession } from '$lib/server/web/session-hook';
import { renderPool } from '$lib/server/documents/pdf/worker-pool';
import { warmUpReportModel } from '$lib/server/report/warm-up';
import { ApiError, errorResponse, tooLarge } from '$lib/server/web/api/http';
import { cheapHashingAllowed } from '$lib/server/auth/password';
import {
	fieldWithNullCharacter,
	jsonFieldWithLoneSurrogate,
	queryWithNullCharacter
} from '$lib/server/web/null-characters';
import { m } from '$lib/paraglide/messages';
import '$lib/server/web/startup';

export const init: ServerInit = async () => {
	const database = await startRuntime();
	if (cheapHashingAllowed())
		logger.warn('NODE_ENV=test on loopback: passwords are hashed at the cheap test cost');
	if (readServerEnv().reportWarmUp) {
		const warmUp = () => renderPool().warm(warmUpReportModel());
		// Started by `npm start` (scripts/start.js): warm up once /healthz has answered, so that
		// building the throw-away report's model (half a second on this thread) and its render on a
		// worker do not hold up the first answer. Started otherwise (`node build`): now.
		const afterReady = (globalThis as { __sandboxReadinessHooks?: (() => void)[] })
			.__sandboxReadinessHooks;
		if (afterReady) afterReady.push(warmUp);
		else warmUp();
	}
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
	const ms = performance.now() - started;
	// The server's own time for the request, for the benchmarks and the browser's network panel.
	response.headers.append('server-timing', `app;dur=${ms.toFixed(1)}`);
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
			ms: Math.round(ms)
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

/**
 * An oversized body is refused before anything parses it: 413, never a half-parsed form. The body
 * is read and thrown away first, within bounds (DRAIN), so that the client finishes sending it and
 * sees the 413: a server that answers and closes while a browser is still sending makes the browser
 * report a network error instead. A body larger than the bound, or slower, is cut off.
 */
const handleBodySize: Handle = async ({ event, resolve }) => {
	const length = Number(event.request.headers.get('content-length') ?? 0);
	const limit = isUpload(event.request, event.url) ? uploadSizeLimit : bodySizeLimit;
	if (length > limit) {
		const drained = length <= DRAIN.bytes && (await drainBody(event.request, DRAIN));
		// A body left unread: the client must not send its next request on this socket.
		const close: Record<string, string> = drained ? {} : { connection: 'close' };
		if (isApiRequest(event)) {
			const response = errorResponse(tooLarge(limit));
			for (const [k, v] of Object.entries(close)) response.headers.set(k, v);
			return response;
		}
		return new Response(`Request body too large (limit ${limit} bytes)`, {
			status: 413,
			headers: { 'content-type': 'text/plain; charset=utf-8', ...close }
		});
	}
	return resolve(event);
};

/** How much of a refused body is read and discarded, and for how long, before answering 413. */
const DRAIN = { bytes: 8 * 1024 * 1024, ms: 2000 };

/** Reads and discards the body; true when it ended within the bounds, false when cut off. */
async function drainBody(request: Request, bounds: typeof DRAIN): Promise<boolean> {
	if (!request.body) return true;
	const reader = request.body.getReader();
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<'timeout'>((resolve) => {
		timer = setTimeout(() => resolve('timeout'), bounds.ms);
	});
	try {
		let read = 0;
		while (read <= bounds.bytes) {
			const chunk = await Promise.race([reader.read(), timeout]);
			if (chunk === 'timeout') return false;
			if (chunk.done) return true;
			read += chunk.value.byteLength;
		}
		return false;
	} catch {
		// The client went away, or the body broke adapter-node's own limit: nothing more to read.
		return false;
	} finally {
		clearTimeout(timer);
		reader.releaseLock();
	}
}

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

/** A NUL character anywhere in a field is refused with 400 naming the field (see null-characters.ts). */
const handleNullCharacters: Handle = async ({ event, resolve }) => {
	const nul = queryWithNullCharacter(event.url) ?? (await fieldWithNullCharacter(event.request));
	const surrogate = nul === null ? await jsonFieldWithLoneSurrogate(event.request) : null;
	const field = nul ?? surrogate;
	if (field === null) return resolve(event);
	const message =
		nul !== null ? m.proof_err_nul_field({ field }) : m.proof_err_surrogate_field({ field });
	if (isApiRequest(event))
		return errorResponse(new ApiError(400, 'invalid_body', message, { [field]: message }));
	return new Response(message, {
		status: 400,
		headers: { 'content-type': 'text/plain; charset=utf-8' }
	});
};

const handleSession: Handle = async ({ event, resolve }) => {
	try {
		await resolveSession(event, runtime().db);
	} catch (error) {
		if (await runtime().ping()) throw error;
		// The database is away (a restart): say so plainly, with 503 as /healthz does.
		logger.warn({ requestId: event.locals.requestId }, 'database unavailable');
		return new Response(m.proof_err_unavailable(), {
			status: 503,
			headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '5' }
		});
	}
	return resolve(event);
};

export const handle = sequence(
	handleRequestLog,
	handleBodySize,
	handleApiNotFound,
	handleParaglide,
	handleNullCharacters,
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
