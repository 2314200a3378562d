/**
 * A 20 MB evidence file uploaded and downloaded through the built server on PostgreSQL
 * (127.0.0.1:5432), with the server's resident memory sampled every 10 ms: the streamed upload
 * (busboy → 256 KB rows) and download (rows → response) must stay within 50 MB above idle. Meanwhile
 * /healthz is asked back to back: the longest wait says whether one upload holds up everyone else.
 * Not a test: figures for BENCHMARKS.md. The body is sent as a stream the bench generates, so the
 * bench itself never holds the file either.
 *
 *   npm run build && npm run bench:evidence      # BENCH_EVIDENCE_MB (20), BENCH_DB=pglite
 *
 * On PGlite (embedded, inside the server process) the memory figure includes the database's own
 * pages, so the bound is PostgreSQL's. Exits 1 when the memory bound is broken on PostgreSQL or the
 * bytes do not come back the same.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { saveProfile, startAssessment } from '../tests/helpers/assessment';
import { Browser, signUp } from '../tests/helpers/browser';
import { benchServer, machine } from './bench-common';

const MB = 1024 * 1024;
const SIZE = Number(process.env.BENCH_EVIDENCE_MB ?? 20) * MB;
const BOUND_MB = 50;

function rssMb(pid: number): number {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

function sampleMemory(pid: number) {
	let peak = 0;
	const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 10);
	return () => {
		clearInterval(timer);
		return Math.max(peak, rssMb(pid));
	};
}

/** Deterministic bytes, 1 MB at a time: the same stream can be hashed without keeping it. */
function pieceOf(i: number): Uint8Array {
	const piece = new Uint8Array(MB);
	for (let j = 0; j < MB; j += 4)
		new DataView(piece.buffer).setUint32(j, (i * MB + j) ^ 0x9e3779b9);
	return piece;
}

function multipartStream(boundary: string, sha: ReturnType<typeof createHash>) {
	const head = new TextEncoder().encode(
		`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench.pdf"\r\n` +
			`Content-Type: application/pdf\r\n\r\n`
	);
	const tail = new TextEncoder().encode(`\r\n--${boundary}--\r\n`);
	let i = 0;
	const pieces = SIZE / MB;
	return {
		length: head.length + SIZE + tail.length,
		body: new ReadableStream<Uint8Array>({
			start(controller) {
				controller.enqueue(head);
			},
			pull(controller) {
				if (i === pieces) {
					controller.enqueue(tail);
					controller.close();
					return;
				}
				const piece = pieceOf(i++);
				sha.update(piece);
				controller.enqueue(piece);
			}
		})
	};
}

const KIND = process.env.BENCH_DB === 'pglite' ? 'pglite' : 'postgres';

/** Asks /healthz back to back until stopped: the longest wait (ms), and the failed asks. */
function timeHealth(baseUrl: string) {
	let stopped = false;
	let worst = 0;
	const waits: number[] = [];
	const failures: string[] = [];
	const loop = (async () => {
		while (!stopped) {
			const started = performance.now();
			try {
				const response = await fetch(`${baseUrl}/healthz`);
				await response.arrayBuffer();
				if (!response.ok) failures.push(`status ${response.status}`);
			} catch (error) {
				failures.push(String((error as Error).cause ?? error));
			}
			waits.push(performance.now() - started);
			worst = Math.max(worst, waits.at(-1)!);
			await new Promise((resolve) => setTimeout(resolve, 25));
		}
	})();
	return async () => {
		stopped = true;
		await loop;
		if (failures.length > 0) console.error(`/healthz failed ${failures.length} times:`, failures);
		if (process.env.BENCH_TRACE)
			console.error('/healthz waits (ms):', waits.map(Math.round).join(' '));
		return worst;
	};
}

async function main() {
	const bench = await benchServer('evidence', { kind: KIND });
	const server = bench.instances[0]!;
	const pid = server.process.pid!;
	let broken = false;
	try {
		const browser = new Browser(server.baseUrl, { lang: 'en' });
		const { orgId } = await signUp(browser, { orgKind: 'consultancy' });
		const base = await startAssessment(browser, orgId);
		await saveProfile(browser, base, 0);
		// Settle, then take idle after a warm-up upload of 1 MB (the route's modules loaded).
		const warm = new FormData();
		warm.append('file', new Blob([pieceOf(0) as BlobPart]), 'warm.pdf');
		await fetch(`${server.baseUrl}${base}/items/LIC-001/evidence`, {
			method: 'POST',
			body: warm,
			headers: { ...browser.headers(), origin: server.baseUrl, accept: 'application/json' }
		});
		await new Promise((resolve) => setTimeout(resolve, 2000));
		const idle = rssMb(pid);

		const sent = createHash('sha256');
		const boundary = 'bench-evidence-boundary';
		const { body, length } = multipartStream(boundary, sent);
		let stop = sampleMemory(pid);
		let stopHealth = timeHealth(server.baseUrl);
		let started = performance.now();
		const response = await fetch(`${server.baseUrl}${base}/items/LIC-001/evidence`, {
			method: 'POST',
			body,
			duplex: 'half',
			headers: {
				...browser.headers(),
				origin: server.baseUrl,
				accept: 'application/json',
				'content-type': `multipart/form-data; boundary=${boundary}`,
				'content-length': String(length)
			}
		} as RequestInit);
		const uploaded = (await response.json()) as { files: { id: string; sha256: string }[] };
		const uploadMs = performance.now() - started;
		const uploadPeak = stop();
		const uploadHealth = await stopHealth();
		const sentSha = sent.digest('hex');
		if (response.status !== 201 || uploaded.files[0]!.sha256 !== sentSha) {
			console.error('upload failed or hash differs', response.status, uploaded);
			broken = true;
		}

		await new Promise((resolve) => setTimeout(resolve, 1000));
		const idleAgain = rssMb(pid);
		stop = sampleMemory(pid);
		stopHealth = timeHealth(server.baseUrl);
		started = performance.now();
		const download = await fetch(`${server.baseUrl}${base}/evidence/${uploaded.files[0]!.id}`, {
			headers: browser.headers()
		});
		const got = createHash('sha256');
		let bytes = 0;
		// Read slowly, as a slow client would: the server must not buffer ahead of it.
		for await (const chunk of download.body as unknown as AsyncIterable<Uint8Array>) {
			got.update(chunk);
			bytes += chunk.byteLength;
			await new Promise((resolve) => setTimeout(resolve, 1));
		}
		const downloadMs = performance.now() - started;
		const downloadPeak = stop();
		const downloadHealth = await stopHealth();
		if (got.digest('hex') !== sentSha || bytes !== SIZE) {
			console.error('download differs');
			broken = true;
		}

		const up = uploadPeak - idle;
		const down = downloadPeak - idleAgain;
		console.log(`\n${machine()}\ndatabase: ${KIND}; server idle: ${idle.toFixed(0)} MB resident\n`);
		console.log('| step | time | peak memory above idle | longest /healthz wait |');
		console.log('| --- | --- | --- | --- |');
		console.log(
			`| upload ${SIZE / MB} MB (streamed multipart) | ${(uploadMs / 1000).toFixed(1)} s | ${up.toFixed(1)} MB | ${uploadHealth.toFixed(0)} ms |`
		);
		console.log(
			`| download ${SIZE / MB} MB (slow reader) | ${(downloadMs / 1000).toFixed(1)} s | ${down.toFixed(1)} MB | ${downloadHealth.toFixed(0)} ms |`
		);
		if (KIND === 'postgres' && (up > BOUND_MB || down > BOUND_MB)) {
			console.error(`memory above idle over ${BOUND_MB} MB`);
			broken = true;
		}
	} finally {
		await bench.close();
	}
	process.exit(broken ? 1 : 0);
}

await main();
