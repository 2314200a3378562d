/*
 * Integration files run one after another in a worker (vitest.config.ts, isolate: false), so
 * fetch's pooled keep-alive connections outlive the file that opened them. A connection the server
 * closed while the worker was busy with something synchronous (pdftotext, a parse) is then reused
 * and reset before the server read a byte: `fetch failed` (ECONNRESET) on a request that never
 * arrived. A browser sends such a request again on a new connection; so does fetch here, once. A
 * request with a streamed body cannot be sent twice and is not; a server that is gone refuses the
 * second try, so a test of a crash still sees the failure.
 */
type Fetch = typeof globalThis.fetch;
const marked = globalThis as { __fetchRetriesReset?: true };

function resetBeforeAnswer(error: unknown): boolean {
	const code = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
	return error instanceof TypeError && (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET');
}

if (!marked.__fetchRetriesReset) {
	marked.__fetchRetriesReset = true;
	const original: Fetch = globalThis.fetch;
	globalThis.fetch = (async (input: Parameters<Fetch>[0], init?: Parameters<Fetch>[1]) => {
		try {
			return await original(input, init);
		} catch (error) {
			const streamed = init?.body instanceof ReadableStream || input instanceof Request;
			if (streamed || !resetBeforeAnswer(error)) throw error;
			return original(input, init);
		}
	}) as Fetch;
}
