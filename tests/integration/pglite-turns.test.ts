import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../helpers/database';
import { CHUNK_SIZE, stageEvidenceBlob, streamBlob } from '../../src/lib/server/evidence/store';

/*
 * Embedded PostgreSQL has one connection, which every request shares in turn. A request that runs
 * a long series of short queries (an evidence file streamed 256 KB a row, up or down) must let
 * another request's query in between two of them: /healthz, or someone's save, waits for one
 * query, not for the whole file. PGlite answers without any input or output, so the streaming
 * must also let the event loop take in the other request at all. (On a PostgreSQL server each
 * request has a connection of its own, and answers arrive as input.)
 */

const database = useTestDatabase('turns');

describe('the embedded database connection, shared in turn', () => {
	it('lets a query asked for during a series of queries in after the one running, not after the series', async () => {
		const { db } = database();
		const done: string[] = [];
		let firstDone!: () => void;
		const first = new Promise<void>((resolve) => (firstDone = resolve));
		const series = (async () => {
			for (let i = 0; i < 20; i++) {
				await sql`select pg_sleep(0.002)`.execute(db);
				done.push(`series ${i}`);
				if (i === 0) firstDone();
			}
		})();
		await first;
		await sql`select 1`.execute(db);
		done.push('other');
		await series;
		// The other query waited for at most the query running and the one queued before it.
		expect(done.indexOf('other')).toBeLessThanOrEqual(3);
	});

	it('lets a query in while an evidence file streams in and out, 256 KB a row', async () => {
		const { db } = database();
		const orgId = crypto.randomUUID();
		await sql`insert into organisations (id, name, kind) values (${orgId}, 'turns', 'firm')`.execute(
			db
		);
		const ROWS = 24;
		let written = 0;
		let pinged: number | null = null;
		async function* upload() {
			for (let i = 0; i < ROWS; i++) {
				yield new Uint8Array(CHUNK_SIZE).fill(i);
				written++;
				// Another request arrives: as input, a callback the event loop runs when it gets to it.
				if (i === 1)
					setImmediate(() => {
						void sql`select 1`.execute(db).then(() => {
							pinged = written;
						});
					});
			}
		}
		const staged = await stageEvidenceBlob(db, orgId, upload(), 100 * CHUNK_SIZE);
		expect(staged.size).toBe(ROWS * CHUNK_SIZE);
		expect(pinged).not.toBeNull();
		expect(pinged!).toBeLessThanOrEqual(4);

		const reader = streamBlob(db, staged.blobId).getReader();
		let read = 0;
		let pingedAt: number | null = null;
		for (;;) {
			const chunk = await reader.read();
			if (chunk.done) break;
			read++;
			if (read === 1)
				setImmediate(() => {
					void sql`select 1`.execute(db).then(() => {
						pingedAt = read;
					});
				});
		}
		expect(read).toBe(ROWS);
		expect(pingedAt).not.toBeNull();
		expect(pingedAt!).toBeLessThanOrEqual(4);
	});

	it('keeps a transaction whole: nobody else’s query runs inside it', async () => {
		const { db } = database();
		await sql`create table turns (n int)`.execute(db);
		const seen: number[] = [];
		const tx = db.transaction().execute(async (trx) => {
			await sql`insert into turns values (1)`.execute(trx);
			await sql`select pg_sleep(0.01)`.execute(trx);
			await sql`delete from turns`.execute(trx);
		});
		const outside = (async () => {
			const rows = await sql<{ count: number }>`select count(*)::int as count from turns`.execute(
				db
			);
			seen.push(rows.rows[0]!.count);
		})();
		await Promise.all([tx, outside]);
		expect(seen).toEqual([0]);
	});
});
