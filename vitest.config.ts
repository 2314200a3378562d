import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/*
 * The tests' own configuration, apart from vite.config.ts (vitest prefers this file): no SvelteKit
 * or Paraglide plugin. Unit tests import plain TypeScript; integration tests drive the built server
 * (`npm run build`) over HTTP. They need only `$lib` and the compiled messages in src/lib/paraglide.
 */
ensureParaglideCompiled();

/**
 * `npm install` compiles the messages (the `prepare` script), and so does a build; this recompiles
 * only when a message file or the inlang settings changed since, so a test run never sees stale
 * messages and never pays for a compile it does not need.
 */
function ensureParaglideCompiled(root = process.cwd()): void {
	const output = path.join(root, 'src/lib/paraglide/messages/_index.js');
	const inputs = [
		...filesUnder(path.join(root, 'messages')),
		path.join(root, 'project.inlang/settings.json')
	];
	const newestInput = Math.max(...inputs.map((f) => fs.statSync(f).mtimeMs));
	if (fs.existsSync(output) && fs.statSync(output).mtimeMs >= newestInput) return;
	execFileSync(process.execPath, [path.join(root, 'scripts/compile-messages.js')], {
		cwd: root,
		stdio: 'inherit'
	});
	// The compiler may leave an unchanged file alone: mark the output as at least as new as its inputs.
	const now = new Date();
	fs.utimesSync(output, now, now);
}

function filesUnder(dir: string): string[] {
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile())
		.map((e) => path.join(e.parentPath, e.name));
}

const resolve = { alias: { $lib: path.resolve('src/lib') } };
/**
 * The compiled messages are plain JavaScript, one module per message: Node loads them natively in a
 * fraction of the time Vite's module runner takes to transform and evaluate ~600 modules per file.
 */
const server = { deps: { external: [/\/src\/lib\/paraglide\//] } };

/*
 * Which integration files run on which database. The postgres project (the server at
 * 127.0.0.1:5432, the engine several instances share) runs tests/integration/**. The pglite project
 * (embedded PostgreSQL, as a new user runs the app) runs what can turn out differently there and
 * what only the embedded database has; the browser project also drives the app on PGlite, end to
 * end. Everything else would prove the same thing twice, and PGlite, PostgreSQL compiled to
 * WebAssembly inside the server process, costs the test servers about 1.6× the CPU for the same
 * files (`/usr/bin/time npx vitest run <3 files> --project …`: 68 s against 41 s).
 * A new integration file runs on PostgreSQL only unless it is listed here. Races (two people
 * accepting one invitation, two finalisations, parallel wrong passwords, jobs claimed by two
 * instances) can only be shown there: PGlite runs one connection, so two requests never overlap.
 */

/** Only the embedded database has these (its data folder, its lock, `npm start` on it). */
const EMBEDDED_ONLY = [
	'tests/integration/data-dir-lock.test.ts',
	'tests/integration/start.test.ts',
	'tests/integration/embedded-database-lock.test.ts',
	'tests/integration/operator-defaults.test.ts',
	// The one connection handed over in turn (a PostgreSQL server gives each request its own).
	'tests/integration/pglite-turns.test.ts'
];

/** Outcomes that depend on the database engine: both projects run these. */
const DATABASE_SENSITIVE = [
	// Restart, kill -9 and durability: each engine's own write-ahead log and recovery.
	'tests/integration/restart.test.ts',
	'tests/integration/crash.test.ts',
	// Services run in-process on each engine's driver, comparing stored values exactly (the pg driver
	// and PGlite read and write dates, timestamps, counts, JSON and bytes differently) and counting
	// queries.
	'tests/integration/dashboard-queries.test.ts',
	'tests/integration/demo.test.ts',
	'tests/integration/history-service.test.ts',
	'tests/integration/api-tokens.test.ts',
	'tests/integration/driver-values.test.ts',
	'tests/integration/exports-transfer.test.ts',
	'tests/integration/exports-template.test.ts',
	// The identity migration on rows that agree and disagree, then the audit migration's backfill.
	'tests/integration/firm-identity.test.ts',
	// An audited change commits with its rows or rolls back whole, in each engine's transactions.
	'tests/integration/audit-log.test.ts',
	// Mail claimed by concurrent senders (for update skip locked) is sent once; retried with back-off.
	'tests/integration/outbox.test.ts',
	// Offboarding revokes tokens and invitations in one transaction; the membership join on each use.
	'tests/integration/offboarding.test.ts',
	// The access-revoke migration's revocations (UPDATE … RETURNING in a CTE feeding the audit log).
	'tests/integration/access-revoke-migration.test.ts',
	// Two-factor keys sealed by a migration and read back (bytea through each driver).
	'tests/integration/sealed-totp-migration.test.ts',
	// Report render leases: a claim decided by two unique indexes in one insert … on conflict.
	'tests/integration/report-lease.test.ts',
	// Evidence bytes in bytea rows streamed through each driver; reference counts and their release.
	'tests/integration/evidence-store.test.ts'
];

/**
 * One shared server per project; each test makes its own users and organisations. Files talk to it
 * over HTTP and clean up what they open, so a worker runs file after file in one process (no new
 * process and module graph per file: about a CPU-second a file, measured on eight files with
 * `/usr/bin/time npx vitest run --project postgres --isolate=…`: 29.5 s against 20.8 s).
 */
const sharedServer = {
	globalSetup: ['tests/setup/server.ts'],
	isolate: false,
	setupFiles: ['tests/setup/fetch-reused-connection.ts'],
	testTimeout: 30_000,
	hookTimeout: 200_000
};

/**
 * The longest files (about a minute each on two cores), started first whatever their project, so
 * that none of them is left running alone at the end. Vitest would otherwise go project by project
 * (browser, pglite, postgres, unit) and, without timings from an earlier run, larger files first.
 */
const LONGEST_FIRST = [
	'tests/browser/main-pages.test.ts',
	'tests/integration/api-admin.test.ts',
	'tests/integration/no-smtp.test.ts',
	'tests/browser/autosave.test.ts',
	'tests/browser/consultant-voice.test.ts',
	'tests/browser/consultant-journey.test.ts',
	'tests/integration/role-matrix.test.ts',
	'tests/integration/fuzz.test.ts',
	'tests/browser/questionnaire.test.ts',
	'tests/documents/report-edition.test.ts',
	'tests/integration/report.test.ts',
	'tests/browser/workspace.test.ts',
	'tests/documents/pdfmake-patches.test.ts',
	'tests/documents/report-render.test.ts'
];

class LongestFirst extends BaseSequencer {
	async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
		const rank = (spec: TestSpecification) => {
			const i = LONGEST_FIRST.findIndex((file) => spec.moduleId.endsWith(file));
			return i < 0 ? LONGEST_FIRST.length : i;
		};
		// Array.prototype.sort is stable: the rest keep vitest's order.
		return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
	}
}

export default defineConfig({
	resolve,
	test: {
		/*
		 * Test files run in parallel, across projects too (vitest's default here would be one at a time:
		 * cores - 1). Integration files are isolated from each other: each makes its own users and
		 * organisations (random emails and client addresses, so login throttling never crosses files)
		 * on the project's one shared server, or starts its own server on its own database. Much of
		 * their time is spent waiting on that server, so a few more workers than cores keep both cores
		 * busy: the clean-clone run of 2026-12-02 05:44, with three, kept 1.2 of the 2 cores busy
		 * (1,326 CPU-seconds in 1,110 s). Four (06:12) saved one minute of 18 but starved the CLI's
		 * processes in api-admin past their 240 s on both databases (22.6 s alone): api-admin now runs
		 * on PostgreSQL only, with room for a loaded machine. VITEST_MAX_WORKERS overrides it.
		 */
		maxWorkers: 4,
		sequence: { sequencer: LongestFirst },
		projects: [
			{
				resolve,
				// Rune classes (*.svelte.ts, such as the answer autosave) compiled as the app compiles them.
				plugins: [svelte({ configFile: false })],
				test: {
					name: 'unit',
					include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
					environment: 'node',
					// Pure functions and files on disk, no module state or mocks to leak between files:
					// a worker keeps the modules it loaded (the corpus, pdfmake, the fonts) for its next file.
					isolate: false,
					server
				}
			},
			{
				resolve,
				test: {
					// Renderers writing whole documents (PDF, DOCX, XLSX) read back with real tools, and the
					// CLI writing them: seconds each, apart from the unit project's milliseconds.
					name: 'documents',
					include: ['tests/documents/**/*.test.ts'],
					environment: 'node',
					// As the unit project: a worker keeps pdfmake, the fonts and the corpus between files.
					isolate: false,
					testTimeout: 120_000,
					server
				}
			},
			{
				resolve,
				test: {
					name: 'pglite',
					include: [...DATABASE_SENSITIVE, ...EMBEDDED_ONLY],
					env: { TEST_DB: 'pglite' },
					...sharedServer,
					server
				}
			},
			{
				resolve,
				test: {
					name: 'postgres',
					include: ['tests/postgres/**/*.test.ts', 'tests/integration/**/*.test.ts'],
					exclude: EMBEDDED_ONLY,
					env: { TEST_DB: 'postgres' },
					...sharedServer,
					server
				}
			},
			{
				resolve,
				test: {
					// Real Chromium against the app on PGlite.
					name: 'browser',
					include: ['tests/browser/**/*.test.ts'],
					env: { TEST_DB: 'pglite' },
					...sharedServer,
					server,
					// Files run beside the integration projects on two cores: a journey through a real
					// browser takes several times longer than alone, and a save longer than expect.poll's
					// default second. The conditions waited for are the same.
					testTimeout: 120_000,
					expect: { poll: { timeout: 15_000 } }
				}
			}
		]
	}
});
