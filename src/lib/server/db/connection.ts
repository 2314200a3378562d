import fs from 'node:fs';
import { Kysely, PostgresDialect } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { DB } from './schema';
import { lockDataDir } from './data-dir-lock';
import { PGliteDialect } from './pglite-dialect';

export type Database = Kysely<DB>;
export type DatabaseKind = 'pglite' | 'postgres';

export interface OpenedDatabase {
	db: Database;
	kind: DatabaseKind;
	/** Answers true when a trivial query succeeds; used by /healthz. */
	ping(): Promise<boolean>;
	close(): Promise<void>;
}

export interface DatabaseSettings {
	databaseUrl: string | null;
	dataDir: string;
}

// pg parses int8 (count(*), bigserial) as string by default; PGlite gives numbers. Agree on numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** pg-pool's error for a request that waited past `connectionTimeoutMillis` for a connection. */
export function waitedTooLongForConnection(error: unknown): boolean {
	return error instanceof Error && error.message === 'timeout exceeded when trying to connect';
}

export async function openDatabase(settings: DatabaseSettings): Promise<OpenedDatabase> {
	if (settings.databaseUrl) {
		const pool = new pg.Pool({
			connectionString: settings.databaseUrl,
			max: 10,
			// How long a request waits for a connection: its turn among the pool's ten (a burst of
			// saves on a busy machine) or a connection to a server that does not answer (one that is
			// down refuses at once). Past it the request fails, and is answered 503 with Retry-After
			// (hooks.server.ts), not 500.
			connectionTimeoutMillis: 10_000
		});
		// A client losing its server (a restart) must not crash the process: the pool only listens
		// for errors on idle clients, so a checked-out one between two queries (inside a
		// transaction, say) would emit an unhandled 'error'. The query in flight fails on its own;
		// the broken client is dropped when it is released, and the pool connects afresh.
		const ignore = () => undefined;
		pool.on('error', ignore);
		pool.on('connect', (client) => client.on('error', ignore));
		const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
		return {
			db,
			kind: 'postgres',
			ping: () => pingDatabase(db),
			close: () => db.destroy()
		};
	}
	fs.mkdirSync(settings.dataDir, { recursive: true });
	const release = lockDataDir(settings.dataDir);
	try {
		const pglite = await PGlite.create(settings.dataDir);
		const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) });
		return {
			db,
			kind: 'pglite',
			ping: () => pingDatabase(db),
			close: async () => {
				await db.destroy();
				release();
			}
		};
	} catch (error) {
		release();
		throw error;
	}
}

async function pingDatabase(db: Database): Promise<boolean> {
	try {
		await db.selectNoFrom((eb) => eb.lit(1).as('one')).execute();
		return true;
	} catch {
		return false;
	}
}
