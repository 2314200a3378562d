import type { TestProject } from 'vitest/node';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createScratchDatabase, type TestDbKind } from './databases';
import { Mailbox } from './mailbox';
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
	// The browser project's server starts on a folder PGlite has never seen, as on a new user's
	// first start; the others start on a copy of an empty cluster (see createScratchDatabase).
	const database = await createScratchDatabase(kind, 'http', {
		initdb: project.name === 'browser'
	});
	// Started as in production, warm-up report included.
	// Its mail goes to a real SMTP server in this process, which keeps each mail in a folder the
	// test files read (tests/helpers/mail.ts). Servers the tests start themselves send there too.
	const mailbox = await sharedMailbox();
	const server = await startServer({ ...database.env, REPORT_WARM_UP: '1' });
	project.provide('baseUrl', server.baseUrl);
	project.provide('dbKind', kind);
	project.provide('mailDir', mailbox.dir);
	return async () => {
		await server.stop();
		await database.drop();
		await mailbox.release();
	};
}

interface SharedMailbox {
	dir: string;
	release(): Promise<void>;
}

const shared = globalThis as { __testMailbox?: { mailbox: Mailbox; dir: string; users: number } };

/** One mailbox for the whole run (every project's setup shares it), stopped by the last to finish. */
async function sharedMailbox(): Promise<SharedMailbox> {
	if (!shared.__testMailbox) {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sr-mail-'));
		const mailbox = await new Mailbox(dir).start();
		shared.__testMailbox = { mailbox, dir, users: 0 };
		// Read by startServer (tests/setup/server-process.ts) in this process and in the test workers.
		process.env.TEST_SMTP_URL = mailbox.url;
		process.env.TEST_MAIL_DIR = dir;
	}
	const entry = shared.__testMailbox;
	entry.users++;
	return {
		dir: entry.dir,
		release: async () => {
			if (--entry.users > 0) return;
			await entry.mailbox.stop();
			fs.rmSync(entry.dir, { recursive: true, force: true });
			delete shared.__testMailbox;
		}
	};
}
