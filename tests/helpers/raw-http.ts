import net from 'node:net';

export interface RawResponse {
	status: number;
	headers: Record<string, string>;
	body: string;
	/**
	 * How the connection failed, if it did: EPIPE or ECONNRESET when the server closed it while
	 * the body was still arriving (it answered without reading the whole request). Null when the
	 * server read the request and closed the connection cleanly after its response.
	 */
	socketError: string | null;
}

/**
 * One HTTP/1.1 request over a plain socket, reading the response however the connection ends.
 *
 * fetch() gives up with EPIPE when the server answers and closes while the body is still being
 * written, and the answer is lost. A server that refuses a body before reading it (413) does exactly
 * that; this client keeps what arrived after a failed write, so a test sees the refusal the server
 * sent, and can tell whether the server read the whole body first (socketError is null).
 */
export function rawRequest(
	baseUrl: string,
	request: { method: string; path: string; headers: Record<string, string>; body: Uint8Array }
): Promise<RawResponse> {
	const url = new URL(baseUrl);
	return new Promise((resolve, reject) => {
		const socket = net.connect(Number(url.port), url.hostname);
		const chunks: Buffer[] = [];
		let socketError: string | null = null;
		socket.on('data', (chunk) => chunks.push(chunk));
		socket.on('error', (error: NodeJS.ErrnoException) => {
			// A write into a socket the server closed: keep what it answered before that.
			socketError ??= error.code ?? String(error);
		});
		socket.on('close', () => {
			try {
				resolve({ ...parseResponse(Buffer.concat(chunks)), socketError });
			} catch (error) {
				reject(
					new Error(`no HTTP response (socket error: ${socketError ?? 'none'})`, { cause: error })
				);
			}
		});
		socket.on('connect', () => {
			const head = [
				`${request.method} ${request.path} HTTP/1.1`,
				`host: ${url.host}`,
				'connection: close',
				`content-length: ${request.body.byteLength}`,
				...Object.entries(request.headers).map(([k, v]) => `${k}: ${v}`),
				'',
				''
			].join('\r\n');
			socket.write(head);
			socket.end(request.body);
		});
	});
}

function parseResponse(bytes: Buffer): Omit<RawResponse, 'socketError'> {
	const end = bytes.indexOf('\r\n\r\n');
	if (end < 0)
		throw new Error(`incomplete response head: ${bytes.toString('latin1').slice(0, 200)}`);
	const [statusLine = '', ...lines] = bytes.subarray(0, end).toString('latin1').split('\r\n');
	const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1]);
	if (!status) throw new Error(`not an HTTP status line: ${statusLine}`);
	const headers: Record<string, string> = {};
	for (const line of lines) {
		const colon = line.indexOf(':');
		headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
	}
	let body = bytes.subarray(end + 4);
	if (headers['transfer-encoding']?.includes('chunked')) body = dechunk(body);
	else if (headers['content-length'] !== undefined)
		body = body.subarray(0, Number(headers['content-length']));
	return { status, headers, body: body.toString('utf8') };
}

function dechunk(bytes: Buffer): Buffer {
	const parts: Buffer[] = [];
	let at = 0;
	for (;;) {
		const lineEnd = bytes.indexOf('\r\n', at);
		if (lineEnd < 0) break;
		const size = parseInt(bytes.subarray(at, lineEnd).toString('latin1'), 16);
		if (!size) break;
		parts.push(bytes.subarray(lineEnd + 2, lineEnd + 2 + size));
		at = lineEnd + 2 + size + 2;
	}
	return Buffer.concat(parts);
}
