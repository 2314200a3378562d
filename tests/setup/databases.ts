import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

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

/** A fresh, empty database for one test run: a temp folder for PGlite, a new database on the server. */
export async function createScratchDatabase(
	kind: TestDbKind,
	label: string
): Promise<ScratchDatabase> {
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `sr-${label}-`));
	if (kind === 'pglite') {
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
		await admin.query(`create database ${name}`);
	} finally {
		await admin.end();
	}
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
