import { importCorpus } from '../corpus';
import { assertPdfmakeVersion } from '../documents/pdf/pdfmake-patches';
import { rendererVersion } from '../documents/pdf/renderer-version';
import { seedDemo } from '../demo';
import { logger } from '../logger';
import { onStartup } from './runtime';

// The report renderer patches pdfmake: refuse to start on a pdfmake other than the one the patches
// were written for. The renderer's version (the report cache key) is computed once, here.
onStartup(async () => {
	assertPdfmakeVersion();
	logger.info({ renderer: rendererVersion() }, 'report renderer');
});

// Start-up work, in order, after migrations.
onStartup(async ({ db }, env) => {
	await importCorpus(db, { cacheDir: env.dataDir });
});

// A new, empty database gets the demo (on by default for the embedded database only).
onStartup(async ({ db }, env) => {
	if (!env.demo) return;
	const users = await db
		.selectFrom('users')
		.select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
		.executeTakeFirstOrThrow();
	if (users.n > 0) return;
	const banner = await seedDemo(db);
	logger.info('demo data created');
	(globalThis as { __sandboxReadinessBanner?: string[] }).__sandboxReadinessBanner = banner;
});
