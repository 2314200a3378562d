import type { Handle, HandleServerError, RequestEvent, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { logger } from '$lib/server/logger';
import { readServerEnv } from '$lib/server/env';
import { runtime, startRuntime } from '$lib/server/web/runtime';
import { resolveSession } from '$lib/server/web/session-hook';
import { renderPool } from '$lib/server/documents/pdf/worker-pool';
import { warmUpReportModel } from '$lib/server/report/warm-up';
import { warmUpModules } from '$lib/server/web/warm-up-modules';
import { ApiError, errorResponse, jsonResponse, tooLarge } from '$lib/server/web/api/http';
import { cheapHashingAllowed } from '$lib/server/auth/password';
import { fieldLabel } from '$lib/server/web/field-labels';
import {
	fieldWithInvalidUtf8,
	fieldWithNullCharacter,
	jsonFieldWithLoneSurrogate,
	queryWithNullCharacter
} from '$lib/server/web/null-characters';
import { m } from '$lib/paraglide/messages';
import { jsonTooDeep, MAX_JSON_DEPTH } from '$lib/server/web/json-depth';
import { waitedTooLongForConnection } from '$lib/server/db/connection';
import '$lib/server/web/startup';
import { uploadTotalLimit } from '$lib/server/web/evidence/upload';
import { DRAIN, UPLOAD_DRAIN, drainRefusedBody } from '$lib/server/web/refused-body';

export const init: ServerInit = async () => {
	const database = await startRuntime();
	if (cheapHashingAllowed())
		logger.warn('NODE_ENV=test on loopback: passwords are hashed at the cheap test cost');
	if (readServerEnv().reportWarmUp) {
		const warmUp = () => {
			renderPool().warm(warmUpReportModel());
			void warmUpModules().then(
				(count) => logger.info({ modules: count }, 'route modules loaded'),
				(err: unknown) => logger.error({ err }, 'loading the route modules failed')
			);
		};
		// Started by `npm start` (scripts/start.js): warm up once /healthz has answered, so that
		// building the throw-away report's model (half a second on this thread), its render on a
		// worker and loading the routes' modules do not hold up the first answer. Started otherwise
		// (`node build`): now.
		const afterReady = (globalThis as { __sandboxReadinessHooks?: (() => void)[] })
			.__sandboxReadinessHooks;
		if (afterReady) afterReady.push(warmUp);
		else warmUp();
	}
	// A restart drains: on SIGTERM (or SIGINT) adapter-node stops accepting connections, closes the
	// idle ones, lets the requests in flight finish (up to SHUTDOWN_TIMEOUT seconds, 30 by default),
	// then emits sveltekit:shutdown. Here: say so, and once the last request has finished, stop the
	// report workers and close the database so the process exits (and embedded PostgreSQL is shut
	// down cleanly rather than left to the next start to recover).
	// Only beside adapter-node's own handlers (registered once this module has loaded): a listener of
	// ours alone would take away Node's default exit on the signal (vite dev, tests in-process).
	setImmediate(() => {
		for (const signal of ['SIGTERM', 'SIGINT'] as const)
			if (process.listenerCount(signal) > 0)
				process.once(signal, () =>
					logger.info({ signal }, 'shutting down: no new connections, finishing requests in flight')
				);
	});
	process.once('sveltekit:shutdown', () => {
		renderPool()
			.close()
			.then(() => database.close())
			.then(() => logger.info('stopped: every request finished, database closed'))
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
	if (hsts) response.headers.set('strict-transport-security', hsts);
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

const { bodySizeLimit, uploadSizeLimit, evidenceSizeLimit, publicOrigin } = readServerEnv();

/** Browsers keep to https for a year once the public origin is https (never on plain http). */
const hsts = publicOrigin?.startsWith('https:') ? 'max-age=31536000; includeSubDomains' : null;

/** A file upload to one of the import actions (?/import, ?/importTemplate) may be larger. */
function isUpload(request: Request, url: URL): boolean {
	return (
		request.method === 'POST' &&
		url.search.startsWith('?/import') &&
		(request.headers.get('content-type') ?? '').startsWith('multipart/form-data')
	);
}

/** The routes that take evidence files: streamed by their own parser, which counts the bytes. */
const EVIDENCE_UPLOAD_ROUTES = new Set([
	'/o/[orgId=uuid]/assessments/[assessmentId=uuid]/items/[itemId]/evidence',
	'/api/v1/assessments/[id]/answers/[item_id]/evidence'
]);

function isEvidenceUpload(event: RequestEvent): boolean {
	return event.request.method === 'POST' && EVIDENCE_UPLOAD_ROUTES.has(event.route.id ?? '');
}

/**
 * An oversized body is refused before anything parses it: 413, never a half-parsed form. The size
 * is counted as the bytes arrive, per route (uploads may be larger): a declared Content-Length over
 * the limit is refused at once, and a chunked body, which declares none, is read up to the limit
 * and handed on from memory. The refused body is read and thrown away first, within bounds (DRAIN),
 * so that the client finishes sending it and sees the 413: a server that answers and closes while a
 * browser is still sending makes the browser report a network error instead. A body larger than the
 * bound, or slower, is cut off.
 */
const handleBodySize: Handle = async ({ event, resolve }) => {
	const declared = event.request.headers.get('content-length');
	// An evidence upload is counted as it streams, and never held here: only a declared length far
	// past the file limit is refused at once (readEvidenceForm answers 413 for the rest).
	if (isEvidenceUpload(event)) {
		const total = uploadTotalLimit(evidenceSizeLimit);
		if (declared === null || Number(declared) <= total) return resolve(event);
		const length = Number(declared);
		const drained = length <= UPLOAD_DRAIN.bytes && (await drainRefusedBody(event, UPLOAD_DRAIN));
		return refuseEvidenceTooLarge(event, total, drained);
	}
	const limit = isUpload(event.request, event.url) ? uploadSizeLimit : bodySizeLimit;
	if (declared !== null) {
		const length = Number(declared);
		if (length <= limit) return resolve(event);
		const drained = length <= DRAIN.bytes && (await drainRefusedBody(event, DRAIN));
		return refuseTooLarge(event, limit, drained);
	}
	if (!event.request.body) return resolve(event);
	const counted = await readWithin(event.request, limit);
	if (counted === 'too_large')
		return refuseTooLarge(event, limit, await drainRefusedBody(event, DRAIN));
	event.request = new Request(event.request, { body: counted, duplex: 'half' } as RequestInit);
	return resolve(event);
};

/**
 * An evidence upload declared longer than one upload takes: refused unread, in the words the upload
 * itself uses (the limit per upload in MB, not a byte count), as JSON to the page's script and the
 * API, as text to a form posted without JavaScript.
 */
function refuseEvidenceTooLarge(event: RequestEvent, total: number, drained: boolean): Response {
	const message = m.harden_evidence_total_too_large_unnamed({ mb: Math.floor(total / 1024 ** 2) });
	const wantsJson =
		isApiRequest(event) || (event.request.headers.get('accept') ?? '').includes('application/json');
	const response = wantsJson
		? errorResponse(new ApiError(413, 'too_large', message, { file: message }))
		: new Response(message, {
				status: 413,
				headers: { 'content-type': 'text/plain; charset=utf-8' }
			});
	if (!drained) response.headers.set('connection', 'close');
	return response;
}

function refuseTooLarge(event: RequestEvent, limit: number, drained: boolean): Response {
	// A body left unread: the client must not send its next request on this socket.
	const close: Record<string, string> = drained ? {} : { connection: 'close' };
	if (isApiRequest(event)) {
		const response = errorResponse(tooLarge(limit));
		for (const [k, v] of Object.entries(close)) response.headers.set(k, v);
		return response;
	}
	return new Response(m.hostile_body_too_large({ limit }), {
		status: 413,
		headers: { 'content-type': 'text/plain; charset=utf-8', ...close }
	});
}

/** A body without a declared length, read as it arrives: its bytes, or 'too_large' past `limit`. */
async function readWithin(request: Request, limit: number): Promise<Uint8Array | 'too_large'> {
	const reader = request.body!.getReader();
	const chunks: Uint8Array[] = [];
	let read = 0;
	try {
		for (;;) {
			const chunk = await reader.read();
			if (chunk.done) break;
			read += chunk.value.byteLength;
			if (read > limit) {
				// Not cancelled: that would reset the connection before the client reads the 413.
				reader.releaseLock();
				return 'too_large';
			}
			chunks.push(chunk.value);
		}
	} catch {
		return 'too_large';
	}
	const body = new Uint8Array(read);
	let offset = 0;
	for (const c of chunks) {
		body.set(c, offset);
		offset += c.byteLength;
	}
	return body;
}

const isApiRequest = (event: RequestEvent) => event.url.pathname.startsWith('/api/');

const FORM_TYPES = [
	'application/x-www-form-urlencoded',
	'multipart/form-data',
	'text/plain',
	'application/x-sveltekit-formdata'
];

/**
 * SvelteKit's CSRF check, made here (svelte.config.js turns its own off): a form submission from
 * another site is refused with 403. Except /api/v1: a browser on another site cannot send its
 * Bearer token, the API reads no cookie, and its clients upload evidence as multipart forms with no
 * Origin header at all.
 */
const handleCrossSiteForms: Handle = ({ event, resolve }) => {
	const { request, url } = event;
	const type = request.headers.get('content-type')?.split(';', 1)[0]!.trim().toLowerCase() ?? '';
	const forbidden =
		FORM_TYPES.includes(type) &&
		['POST', 'PUT', 'PATCH', 'DELETE'].includes(request.method) &&
		request.headers.get('origin') !== url.origin &&
		!isApiRequest(event);
	if (!forbidden) return resolve(event);
	const message = `Cross-site ${request.method} form submissions are forbidden`;
	return request.headers.get('accept') === 'application/json'
		? new Response(JSON.stringify({ message }), {
				status: 403,
				headers: { 'content-type': 'application/json' }
			})
		: new Response(message, { status: 403, headers: { 'content-type': 'text/plain' } });
};

/** The API answers JSON even for a path it does not have. */
const handleApiNotFound: Handle = ({ event, resolve }) => {
	if (isApiRequest(event) && event.route.id === null)
		return errorResponse(new ApiError(404, 'not_found', m.api_err_not_found()));
	return resolve(event);
};

/**
 * app.html says `lang="zh-CN"`, the base locale; an English page has it replaced. A Chinese page is
 * left untouched: any replacement in the page makes a new string that V8 copies whole twice (once
 * to search it, once more for SvelteKit's ETag hash), ~5 ms of CPU per copy for the 440,000
 * characters of the whole questionnaire (BENCHMARKS.md, "Answering").
 */
const HTML_LANG_ZH = '<html lang="zh-CN">';
const HTML_LANG_EN = '<html lang="en">';

const handleParaglide: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(
			event,
			locale === 'zh'
				? {}
				: { transformPageChunk: ({ html }) => html.replace(HTML_LANG_ZH, HTML_LANG_EN) }
		);
	});

/**
 * A field that is not text — a NUL character, half of a UTF-16 surrogate pair, bytes that are not
 * UTF-8 — is refused with 400 naming the field by its label in the reader's language (see
 * null-characters.ts and field-labels.ts); the API's `fields` keeps the key.
 */
const handleNullCharacters: Handle = async ({ event, resolve }) => {
	// Its text fields are dates and an id, validated by their schema; reading the body here would
	// hold the whole upload in memory.
	if (isEvidenceUpload(event)) return resolve(event);
	const nul = queryWithNullCharacter(event.url) ?? (await fieldWithNullCharacter(event.request));
	const surrogate = nul === null ? await jsonFieldWithLoneSurrogate(event.request) : null;
	const utf8 =
		nul === null && surrogate === null ? await fieldWithInvalidUtf8(event.request) : null;
	const field = nul ?? surrogate ?? utf8;
	if (field === null)
		return (await jsonBodyTooDeep(event.request)) ? refuseDeepJson(event) : resolve(event);
	const label = fieldLabel(field, event.route.id);
	const message =
		nul !== null
			? m.proof_err_nul_field({ field: label })
			: surrogate !== null
				? m.proof_err_surrogate_field({ field: label })
				: m.proof_err_utf8_field({ field: label });
	if (isApiRequest(event))
		return errorResponse(new ApiError(400, 'invalid_body', message, { [field]: message }));
	return new Response(message, {
		status: 400,
		headers: { 'content-type': 'text/plain; charset=utf-8' }
	});
};

async function jsonBodyTooDeep(request: Request): Promise<boolean> {
	if (!(request.headers.get('content-type') ?? '').startsWith('application/json')) return false;
	return jsonTooDeep(await request.clone().text());
}

function refuseDeepJson(event: RequestEvent): Response {
	const message = m.hostile_json_too_deep({ max: MAX_JSON_DEPTH });
	if (isApiRequest(event))
		return errorResponse(new ApiError(400, 'too_deep', message, { body: message }));
	return new Response(message, {
		status: 400,
		headers: { 'content-type': 'text/plain; charset=utf-8' }
	});
}

/**
 * The database is away (a restart, a network cut): say so plainly with 503 and when to retry, as
 * /healthz does — JSON on the API — never a 500 that reads like a bug.
 */
function databaseUnavailable(event: RequestEvent): Response {
	logger.warn({ requestId: event.locals.requestId }, 'database unavailable');
	const headers = { 'retry-after': '5', 'cache-control': 'no-store' };
	if (isApiRequest(event))
		return jsonResponse(
			{ error: { code: 'unavailable', message: m.proof_err_unavailable() } },
			503,
			headers
		);
	return new Response(m.proof_err_unavailable(), {
		status: 503,
		headers: { 'content-type': 'text/plain; charset=utf-8', ...headers }
	});
}

const handleSession: Handle = async ({ event, resolve }) => {
	try {
		await resolveSession(event, runtime().db);
	} catch (error) {
		if (await runtime().ping()) throw error;
		return databaseUnavailable(event);
	}
	const response = await resolve(event);
	// A failure while the database is away (a login, an API call, a page) is that, not a bug.
	// (Only a 500: a route's own 503, such as /healthz's JSON, stands.)
	// So is one that waited its turn for a connection past the pool's limit (a burst on a busy
	// machine): the database is there, but not for this request now.
	if (response.status === 500 && (event.locals.databaseBusy || !(await runtime().ping())))
		return databaseUnavailable(event);
	// A page or file for a signed-in person (or an API token) is theirs alone: no proxy or browser
	// cache keeps it (result pages, the print view, clients, members, settings, downloads).
	if (event.locals.user || event.request.headers.has('authorization'))
		response.headers.set('cache-control', 'private, no-store');
	return response;
};

export const handle = sequence(
	handleRequestLog,
	handleCrossSiteForms,
	handleApiNotFound,
	// Before the body size, so that a 413 is in the reader's language (it reads no body).
	handleParaglide,
	handleBodySize,
	handleNullCharacters,
	handleSession
);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status === 404) return { message, requestId: event.locals.requestId };
	// A request SvelteKit itself refuses (a JSON body sent to a form action: 415) is the client's
	// mistake, not the server's: a warning without a stack, and an answer that says what to send.
	if (status >= 400 && status < 500) {
		logger.warn(
			{ requestId: event.locals.requestId, path: event.url.pathname, status, reason: message },
			'request refused'
		);
		return {
			message: status === 415 ? m.sec_err_form_content_type() : message,
			requestId: event.locals.requestId
		};
	}
	if (waitedTooLongForConnection(error)) event.locals.databaseBusy = true;
	logger.error(
		{ requestId: event.locals.requestId, err: error, path: event.url.pathname },
		'unhandled error'
	);
	return { message: 'Internal error', requestId: event.locals.requestId };
};
