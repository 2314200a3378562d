import type { IncomingMessage } from 'node:http';
import type { RequestEvent } from '@sveltejs/kit';

/** How much of a refused body is read and discarded, and for how long, before answering 413. */
export const DRAIN = { bytes: 8 * 1024 * 1024, ms: 2000 };

/**
 * The same for an evidence upload declared over the limit per upload: people send files that size
 * from a form without JavaScript, over slow lines, and deserve to read why it was refused.
 */
export const UPLOAD_DRAIN = { bytes: 128 * 1024 * 1024, ms: 60_000 };

/**
 * Reads and discards a refused body; true when it ended within the bounds, false when cut off.
 *
 * Why read what will be thrown away: a server that answers and closes while the client is still
 * sending resets the connection, and the reset makes the client drop the answer it had not read yet
 * (a browser shows a network error, not the 413). Under adapter-node the body is read from the Node
 * request itself: for a declared length over BODY_SIZE_LIMIT adapter-node's body stream is already
 * an error, and reading it would read nothing.
 */
export async function drainRefusedBody(
	event: RequestEvent,
	bounds: typeof DRAIN
): Promise<boolean> {
	const node = nodeRequestOf(event);
	return node ? drainNodeRequest(node, event.request, bounds) : drainWebBody(event.request, bounds);
}

function nodeRequestOf(event: RequestEvent): IncomingMessage | null {
	const req = (event.platform as { req?: unknown } | undefined)?.req;
	return req && typeof (req as IncomingMessage).on === 'function' ? (req as IncomingMessage) : null;
}

function drainNodeRequest(
	req: IncomingMessage,
	request: Request,
	bounds: typeof DRAIN
): Promise<boolean> {
	if (req.complete) return Promise.resolve(true);
	return new Promise((resolve) => {
		let read = 0;
		const finish = (drained: boolean) => {
			clearTimeout(timer);
			req.off('data', count);
			req.off('end', ended);
			req.off('error', failed);
			req.off('close', closed);
			resolve(drained);
		};
		const count = (chunk: Buffer) => {
			read += chunk.byteLength;
			if (read > bounds.bytes) finish(false);
		};
		const ended = () => finish(true);
		const failed = () => finish(false);
		const closed = () => finish(req.complete);
		const timer = setTimeout(() => finish(false), bounds.ms);
		req.on('data', count);
		req.once('end', ended);
		req.once('error', failed);
		req.once('close', closed);
		// When adapter-node's body stream took the body, it pauses the request until someone reads
		// that stream: read it too, into nothing.
		request.body?.pipeTo(new WritableStream()).catch(() => undefined);
		req.resume();
	});
}

async function drainWebBody(request: Request, bounds: typeof DRAIN): Promise<boolean> {
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
