import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { loadCorpus } from '../../src/lib/corpus/load';
import { corpusPaths } from '../../src/lib/corpus/paths';
import { corpusHash } from '../../src/lib/corpus/version';
import { openDatabase } from '../../src/lib/server/db/connection';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import {
	CORPUS_CACHE_FILE,
	corpusSourceDigest,
	writeCorpusCache
} from '../../src/lib/server/corpus';

export const POSTGRES_ADMIN_URL =
	process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type TestDbKind = 'pglite' | 'postgres';

export function testDbKind(): TestDbKind {
	const kind = process.env.TEST_DB;
	if (kind !== 'pglite' && kind !== 'postgres')
		throw new Error(`TEST_DB must be pglite or postgres, not ${kind}`);
	return kind;
}

export interface ScratchDatabase {
	env: { DATABASE_URL?: string; DATA_DIR: string };
	drop(): Promise<void>;
}

/**
 * A fresh, empty database for one test run: a temp folder for PGlite, a new database on the server.
 *
 * A PGlite folder starts as a copy of an empty cluster made once per PGlite version (initdb costs
 * several CPU-seconds, a copy a fraction of one). The app sees what a first start sees, an empty
 * database: it migrates it and stores the corpus itself. `{ initdb: true }` leaves the folder empty
 * instead, so that PGlite creates the cluster as it does on a new user's first start.
 *
 * `{ migrated: true }` starts instead from a database every migration has run on: a copy of a
 * template made once per set of migration files (see migratedTemplate). For tests of what comes
 * after migrating (a service, a restart, a second instance): migrating again costs PGlite 1–3
 * CPU-seconds and PostgreSQL a second and a half per database, and proves nothing new. What tests
 * the migrations themselves, and each project's shared server, starts empty.
 *
 * Every data directory but an initdb one gets the run's corpus cache (see testCorpusCacheDir), so a
 * server started on it stores the corpus without reading seeds/ again, as a restart does.
 */
export async function createScratchDatabase(
	kind: TestDbKind,
	label: string,
	options: { initdb?: boolean; migrated?: boolean } = {}
): Promise<ScratchDatabase> {
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `sr-${label}-`));
	if (kind === 'pglite') {
		if (!options.initdb) {
			const cluster = options.migrated ? await migratedPgliteCluster() : await emptyPgliteCluster();
			fs.cpSync(cluster, dataDir, { recursive: true });
			copyTestCorpusCache(dataDir);
		}
		return {
			env: { DATA_DIR: dataDir },
			drop: async () => fs.rmSync(dataDir, { recursive: true, force: true })
		};
	}
	const name = `sr_${label}_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`.replace(
		/[^a-z0-9_]/g,
		'_'
	);
	const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
	try {
		await admin.connect();
	} catch (error) {
		throw new Error(
			`The PostgreSQL test server at ${POSTGRES_ADMIN_URL} is not reachable (${String(error)}). ` +
				'The postgres test project needs it; start PostgreSQL or set TEST_POSTGRES_URL.',
			{ cause: error }
		);
	}
	try {
		await admin.query(
			options.migrated
				? `create database ${name} template ${await migratedPostgresTemplate(admin)}`
				: `create database ${name}`
		);
	} finally {
		await admin.end();
	}
	copyTestCorpusCache(dataDir);
	const url = new URL(POSTGRES_ADMIN_URL);
	url.pathname = `/${name}`;
	return {
		env: { DATABASE_URL: url.toString(), DATA_DIR: dataDir },
		drop: async () => {
			const c = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
			await c.connect();
			try {
				await c.query(`drop database if exists ${name} with (force)`);
			} finally {
				await c.end();
			}
			fs.rmSync(dataDir, { recursive: true, force: true });
		}
	};
}

/**
 * The folder of an empty PGlite cluster (initdb done, nothing else), cached under node_modules/.cache
 * per PGlite version. Made in a temp folder and renamed into place, so that projects starting at
 * once never see half of one; whoever renames second throws theirs away.
 */
export async function emptyPgliteCluster(): Promise<string> {
	const { version } = JSON.parse(
		fs.readFileSync(path.resolve('node_modules/@electric-sql/pglite/package.json'), 'utf8')
	) as { version: string };
	const cache = path.resolve('node_modules/.cache/sandbox-readiness');
	const template = path.join(cache, `pglite-${version}-empty-cluster`);
	if (fs.existsSync(template)) return template;
	fs.mkdirSync(cache, { recursive: true });
	const building = fs.mkdtempSync(path.join(cache, 'building-'));
	const pglite = await PGlite.create(building);
	await pglite.close();
	try {
		fs.renameSync(building, template);
	} catch (error) {
		fs.rmSync(building, { recursive: true, force: true });
		if (!fs.existsSync(template)) throw error;
	}
	return template;
}

/** What a migrated template depends on: the migration files and the code that runs them. */
function migrationsDigest(): string {
	const hash = createHash('sha256');
	const dir = path.resolve('migrations');
	for (const file of fs.readdirSync(dir).sort())
		hash.update(`${file}\0`).update(fs.readFileSync(path.join(dir, file)));
	hash.update(fs.readFileSync(path.resolve('src/lib/server/db/migrate.ts')));
	return hash.digest('hex').slice(0, 16);
}

/**
 * A PGlite cluster every migration has run on, beside the empty one and made from a copy of it; one
 * per set of migrations (older ones are removed when a new one is made).
 */
async function migratedPgliteCluster(): Promise<string> {
	const empty = await emptyPgliteCluster();
	const template = `${empty.replace(/-empty-cluster$/, '')}-migrated-${migrationsDigest()}`;
	if (fs.existsSync(template)) return template;
	const cache = path.dirname(empty);
	const building = fs.mkdtempSync(path.join(cache, 'building-'));
	fs.cpSync(empty, building, { recursive: true });
	const database = await openDatabase({ databaseUrl: null, dataDir: building });
	try {
		await migrateToLatest(database.db);
	} finally {
		await database.close();
	}
	try {
		fs.renameSync(building, template);
	} catch (error) {
		fs.rmSync(building, { recursive: true, force: true });
		if (!fs.existsSync(template)) throw error;
	}
	for (const entry of fs.readdirSync(cache))
		if (entry.includes('-migrated-') && path.join(cache, entry) !== template)
			fs.rmSync(path.join(cache, entry), { recursive: true, force: true });
	return template;
}

/**
 * The name of a database on the test server that every migration has run on, made once per set of
 * migrations under an advisory lock (the projects' workers ask at once) and never connected to
 * afterwards, so that `create database … template` may copy it. Older ones stay (a few MB each):
 * another checkout's run on the same server may be copying one.
 */
async function migratedPostgresTemplate(admin: pg.Client): Promise<string> {
	const template = `sr_migrated_${migrationsDigest()}`;
	await admin.query(`select pg_advisory_lock(hashtext('sr_migrated'))`);
	try {
		const found = await admin.query('select 1 from pg_database where datname = $1', [template]);
		if (found.rowCount) return template;
		const building = `sr_building_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
		await admin.query(`create database ${building}`);
		const url = new URL(POSTGRES_ADMIN_URL);
		url.pathname = `/${building}`;
		const database = await openDatabase({ databaseUrl: url.toString(), dataDir: '' });
		try {
			await migrateToLatest(database.db);
		} finally {
			await database.close();
		}
		await admin.query(`alter database ${building} rename to ${template}`);
		return template;
	} finally {
		await admin.query(`select pg_advisory_unlock(hashtext('sr_migrated'))`);
	}
}

/**
 * The corpus cache the tests share (src/lib/server/corpus.ts, importCorpus): loading, validating
 * and hashing seeds/ costs 2–5 CPU-seconds, which every test server and every in-process
 * `importCorpus` paid again for the same corpus. Filled once per change of seeds/ or of the loader
 * (the cache is keyed by their digest); tests/integration/corpus-cache.test.ts and the browser
 * project's first-start server still read seeds/ themselves.
 */
export function testCorpusCacheDir(): string {
	const dir = path.resolve('node_modules/.cache/sandbox-readiness/corpus');
	fs.mkdirSync(dir, { recursive: true });
	return dir;
}

/** Fills the shared corpus cache if it is missing or stale; the projects' global setup calls it. */
export function ensureTestCorpusCache(): void {
	const { seedsDir } = corpusPaths();
	const digest = corpusSourceDigest(seedsDir);
	if (!digest) return;
	const file = path.join(testCorpusCacheDir(), CORPUS_CACHE_FILE);
	try {
		if (JSON.parse(fs.readFileSync(file, 'utf8')).digest === digest) return;
	} catch {
		// none yet
	}
	const corpus = loadCorpus(seedsDir);
	writeCorpusCache(file, digest, { hash: corpusHash(corpus), corpus });
}

function copyTestCorpusCache(dataDir: string): void {
	const file = path.join(testCorpusCacheDir(), CORPUS_CACHE_FILE);
	if (fs.existsSync(file)) fs.copyFileSync(file, path.join(dataDir, CORPUS_CACHE_FILE));
}
