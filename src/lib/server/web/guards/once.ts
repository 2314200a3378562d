import type { RequestEvent } from '@sveltejs/kit';

const reads = new WeakMap<object, Map<string, Promise<unknown>>>();

/**
 * A read that a page view asks several times — each layout and the page check who asks and load
 * the organisation and assessment — made once per request. Only for GET and HEAD: a form action
 * may change what was read (an assessment finalised), and the page it renders afterwards must
 * read it again. The layouts and the page of one request share `event.locals`.
 */
export function oncePerView<T>(
	event: RequestEvent,
	key: string,
	read: () => Promise<T>
): Promise<T> {
	if (event.request.method !== 'GET' && event.request.method !== 'HEAD') return read();
	let memo = reads.get(event.locals);
	if (!memo) reads.set(event.locals, (memo = new Map()));
	let pending = memo.get(key) as Promise<T> | undefined;
	if (!pending) {
		pending = read();
		memo.set(key, pending);
	}
	return pending;
}
