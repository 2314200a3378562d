import type { TestProject } from 'vitest/node';
import { createScratchDatabase, type TestDbKind } from './databases';
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
	const database = await createScratchDatabase(kind, 'http');
	const server = await startServer(database.env);
	project.provide('baseUrl', server.baseUrl);
	project.provide('dbKind', kind);
	return async () => {
		await server.stop();
		await database.drop();
	};
}
