// Starts the built server (building first only if the sources changed since the last build) and
// prints where it listens, once it answers.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuild } from './build-stamp.js';

const root = process.cwd();

try {
	await ensureBuild({ root });
} catch (error) {
	console.error(
		`\nSandbox Readiness was not built: ${error instanceof Error ? error.message : String(error)}`
	);
	process.exit(1);
}

const port = Number(process.env.PORT ?? 3000) || 3000;
process.env.PORT = String(port);
// This machine only unless HOST says otherwise (HOST=0.0.0.0 behind a reverse proxy).
process.env.HOST ??= '127.0.0.1';
process.env.ORIGIN ??= `http://localhost:${port}`;
// adapter-node's cap on any body: room for an evidence file (EVIDENCE_SIZE_LIMIT, 25 MB) twice over,
// so that the app itself refuses one too large with its own 413; other bodies are held to their own
// limits by the app (forms 1 MB, imports 6 MB).
process.env.BODY_SIZE_LIMIT ??= String(
	2 * sizeInBytes(process.env.EVIDENCE_SIZE_LIMIT ?? '25M') + 1024 * 1024
);

// Work the server would do as it starts but that can wait until it answers (the report warm-up,
// src/hooks.server.ts): it registers here, and runs once /healthz has answered.
/** @type {(() => void)[]} */
const afterReady = [];
/** @type {{ __sandboxReadinessHooks?: (() => void)[] }} */ (globalThis).__sandboxReadinessHooks =
	afterReady;

try {
	/** @type {{ server: { server: import('node:http').Server } }} */
	const { server } = await import(pathToFileURL(path.join(root, 'build/index.js')).href);
	server.server.prependListener('request', guardStaticFiles);
} catch (error) {
	// A clear line for the person starting it (for example: the embedded database is in use).
	console.error(
		`\nSandbox Readiness could not start: ${error instanceof Error ? error.message : String(error)}`
	);
	process.exit(1);
}

/**
 * adapter-node serves build/client through sirv, which lists the files once at start-up and, for a
 * request, writes a 200 header and pipes a read stream of the file into the response, with no handler
 * for the stream's errors: a file gone since start-up (a rebuild, a clean-up) raised an unhandled
 * ENOENT that ended the process. Here a failed static file answers 404 (500 if it exists but cannot
 * be read), for that request only.
 * @param {import('node:http').IncomingMessage} _request
 * @param {import('node:http').ServerResponse} response
 */
function guardStaticFiles(_request, response) {
	response.on('pipe', (source) => {
		if (!(source instanceof fs.ReadStream)) return;
		source.once('error', (error) => {
			source.unpipe(response);
			const code = /** @type {NodeJS.ErrnoException} */ (error).code ?? '';
			failResponse(response, ['ENOENT', 'ENOTDIR', 'EISDIR'].includes(code) ? 404 : 500);
		});
	});
}

/**
 * sirv's 200 header is stored on the response but goes out only with the first byte of the body,
 * which never came: replace it. (Node keeps the stored header in `_header` and sets `_headerSent`
 * once it is written; there is no public way to take back a `writeHead`.) Should anything have
 * reached the client already, the connection is closed instead.
 * @param {import('node:http').ServerResponse} response
 * @param {number} status
 */
function failResponse(response, status) {
	const internal = /** @type {{ _header?: unknown, _headerSent?: unknown }} */ (
		/** @type {unknown} */ (response)
	);
	if (response.writableEnded || internal._headerSent !== false || !internal._header) {
		response.destroy();
		return;
	}
	internal._header = null;
	for (const name of response.getHeaderNames()) response.removeHeader(name);
	const body = status === 404 ? 'Not Found' : 'Internal Error';
	response.writeHead(status, body, {
		'content-type': 'text/plain; charset=utf-8',
		'content-length': Buffer.byteLength(body),
		'cache-control': 'no-store'
	});
	response.end(body);
}

const host = process.env.HOST;
const local = /^(127\.\d+\.\d+\.\d+|localhost|::1)$/.test(host);
const url = `http://${local || host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${port}`;
for (let attempt = 0; attempt < 600; attempt++) {
	if (await healthy()) break;
	await new Promise((resolve) => setTimeout(resolve, 100));
}
const banner = globalThis.__sandboxReadinessBanner ?? [];
const reach = local
	? `Listening on ${host} only: this machine. Set HOST to serve others.`
	: `Listening on ${host}: reachable from other machines.`;
const demo =
	banner.length > 0 ? '' : local ? '' : ' Demo data: off (only on 127.0.0.1, or DEMO=1).';
console.log(
	`\nSandbox Readiness (合规预检) is ready at ${url}\n${reach}${demo}\n${banner.join('\n')}`
);
for (const task of afterReady.splice(0)) task();

/**
 * Whether GET /healthz answers 200. With node:http rather than fetch, whose first call loads undici:
 * 0.3 s of CPU on the path to the first answer.
 * @returns {Promise<boolean>}
 */
function healthy() {
	return new Promise((resolve) => {
		const host = ['0.0.0.0', '::', ''].includes(process.env.HOST ?? '')
			? 'localhost'
			: process.env.HOST;
		const request = http.get({ host, port, path: '/healthz' }, (response) => {
			response.resume();
			resolve(response.statusCode === 200);
		});
		request.on('error', () => resolve(false));
	});
}

/**
 * adapter-node's size syntax (bytes, or a number with K, M or G), as src/lib/server/env.ts reads it.
 * @param {string} value
 */
function sizeInBytes(value) {
	const match = /^(\d+)([KMG]?)$/i.exec(value.trim());
	if (!match) return 25 * 1024 * 1024;
	const unit = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[match[2].toUpperCase()] ?? 1;
	return Number(match[1]) * unit;
}
