import type { TestProject } from 'vitest/node';
import { createScratchDatabase, ensureTestCorpusCache, type TestDbKind } from './databases';
import { startServer } from './server-process';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		dbKind: string;
	}
}

/** One server per project run, on a fresh database of the project's kind. */
export default async function setup(project: TestProject) {
	// The browser project drives the app on embedded PostgreSQL, as a new user would run it.
	const kind = (project.name === 'browser' ? 'pglite' : project.name) as TestDbKind;
	if (kind !== 'pglite' && kind !== 'postgres')
		throw new Error(`unexpected project ${project.name}`);
	ensureTestCorpusCache();
	// The browser project's server starts on a folder PGlite has never seen, as on a new user's
	// first start; the others start on a copy of an empty cluster (see createScratchDatabase).
	const database = await createScratchDatabase(kind, 'http', {
		initdb: project.name === 'browser'
	});
	// Started as in production. The throw-away warm-up report (a 200-page render, several
	// CPU-seconds) only on the PGlite project's server: one run proves it works, and the other two
	// servers' reports are as correct without it, only slower the first time.
	const server = await startServer({
		...database.env,
		REPORT_WARM_UP: project.name === 'pglite' ? '1' : '0'
	});
	project.provide('baseUrl', server.baseUrl);
	project.provide('dbKind', kind);
	return async () => {
		await server.stop();
		await database.drop();
	};
}
