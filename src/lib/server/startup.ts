import { importCorpus } from './corpus';
import { onStartup } from './runtime';

// Start-up work, in order, after migrations.
onStartup(async ({ db }) => {
	await importCorpus(db);
});
