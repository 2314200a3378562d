import type { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { jsonTooDeep, MAX_JSON_DEPTH } from '../json-depth';

/** An API failure, answered as `{ error: { code, message, fields? } }` with its status. */
export class ApiError extends Error {
	constructor(
		readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 503,
		readonly code: string,
		message: string,
		readonly fields?: Record<string, string>,
		/** Extra top-level members, such as the current answer of a 409. */
		readonly extra?: Record<string, unknown>,
		/** Extra response headers, such as Retry-After on a 429 or 503. */
		readonly headers?: Record<string, string>
	) {
		super(message);
	}
}

export function jsonResponse(body: unknown, status = 200, headers: HeadersInit = {}): Response {
	return new Response(JSON.stringify(body), {
		status,
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'cache-control': 'private, no-store',
			...headers
		}
	});
}

export function errorResponse(error: ApiError): Response {
	const headers: Record<string, string> = {
		...(error.status === 401 ? { 'www-authenticate': 'Bearer realm="api"' } : {}),
		...error.headers
	};
	return jsonResponse(
		{
			...error.extra,
			error: {
				code: error.code,
				message: error.message,
				...(error.fields ? { fields: error.fields } : {})
			}
		},
		error.status,
		headers
	);
}

export const notFound = () => new ApiError(404, 'not_found', m.api_err_not_found());
export const forbidden = (message: string) => new ApiError(403, 'forbidden', message);

/** Zod issues as `{ "path.to.field": message }`, the first message of each field. */
export function issueFields(error: z.ZodError, prefix: string[] = []): Record<string, string> {
	// Without a prototype: `__proto__`, `constructor` or `toString` in a body is an own key here too
	// (on a plain object the first would be dropped and the others seen as already set).
	const fields: Record<string, string> = Object.create(null);
	for (const issue of error.issues) {
		// An unknown key is reported under its own name, not its parent's.
		const keys = issue.code === 'unrecognized_keys' ? issue.keys : [null];
		for (const key of keys) {
			const path =
				[...prefix, ...issue.path.map(String), ...(key ? [key] : [])].join('.') || '(body)';
			fields[path] ??= key ? m.api_field_unknown() : issue.message;
		}
	}
	return fields;
}

export function invalid(code: string, error: z.ZodError): ApiError {
	return invalidFields(code, issueFields(error));
}

/** A 400 whose message and `fields` name every bad field. */
export function invalidFields(code: string, fields: Record<string, string>): ApiError {
	return new ApiError(
		400,
		code,
		m.api_err_invalid_fields({ fields: Object.keys(fields).join(', ') }),
		fields
	);
}

/**
 * The request's JSON body, at most `limit` bytes. adapter-node refuses a body over BODY_SIZE_LIMIT
 * while it streams (an error with status 413); that, and a body over our own limit, is a 413 here.
 */
export async function readJsonBody(request: Request, limit: number): Promise<unknown> {
	let bytes: ArrayBuffer;
	try {
		bytes = await request.arrayBuffer();
	} catch (error) {
		if ((error as { status?: number }).status === 413) throw tooLarge(limit);
		throw new ApiError(400, 'invalid_body', m.api_err_body_unreadable());
	}
	if (bytes.byteLength > limit) throw tooLarge(limit);
	if (bytes.byteLength === 0) throw new ApiError(400, 'invalid_json', m.api_err_json_required());
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		throw new ApiError(400, 'invalid_json', m.api_err_json_invalid());
	}
	if (jsonTooDeep(text)) {
		const message = m.hostile_json_too_deep({ max: MAX_JSON_DEPTH });
		throw new ApiError(400, 'too_deep', message, { body: message });
	}
	let prototypeKey = false;
	let value: unknown;
	try {
		// A `__proto__` key is an own property after JSON.parse, but one spread or assignment away
		// from being an object's prototype: such a body is refused, so none reaches our objects. The
		// reviver runs only when the text may hold one.
		value = MAY_HOLD_PROTO.test(text)
			? JSON.parse(text, (key, v: unknown) => {
					if (key === '__proto__') prototypeKey = true;
					return v;
				})
			: JSON.parse(text);
	} catch {
		throw new ApiError(400, 'invalid_json', m.api_err_json_invalid());
	}
	if (prototypeKey) {
		const message = m.harden_err_prototype_key();
		throw new ApiError(400, 'invalid_body', message, { '(body)': message });
	}
	return value;
}

/** `__proto__` as a key, possibly written with escapes (`\u005f_proto__`). */
const MAY_HOLD_PROTO = /proto|\\u/i;

export function tooLarge(limit: number): ApiError {
	return new ApiError(413, 'too_large', m.hostile_body_too_large({ limit }));
}
