import fs from 'node:fs';
import path from 'node:path';
import { checkCorpus } from '../lib/corpus/check';
import { loadCorpus } from '../lib/corpus/load';
import { corpusPaths } from '../lib/corpus/paths';
import { corpusHash } from '../lib/corpus/version';
import { buildIdRegistry, idRegistryProblems, readIdRegistry } from '../lib/corpus/id-registry';
import { printJson, type CliIo } from './io';

export function corpusCheckCommand(io: CliIo): number {
	const { seedsDir, sourcesDir } = corpusPaths();
	const corpus = loadCorpus(seedsDir);
	const report = checkCorpus(corpus, sourcesDir);
	report.problems.push(...idRegistryProblems(corpus, readIdRegistry(seedsDir)));
	printJson(io, {
		version: corpusHash(corpus),
		provisions: corpus.provisions.length,
		items: corpus.items.length,
		domains: corpus.domains.length,
		...report,
		ok: report.problems.length === 0
	});
	if (report.problems.length > 0) {
		io.err(
			`corpus-check: ${report.problems.length} problem(s):\n${report.problems.map((p) => `- ${p}`).join('\n')}\n`
		);
		return 1;
	}
	return 0;
}

/** Records new ids as active and vanished ones as retired; the diff shows both for review. */
export function corpusRegisterCommand(io: CliIo): number {
	const { seedsDir } = corpusPaths();
	const corpus = loadCorpus(seedsDir);
	const registry = buildIdRegistry(corpus, readIdRegistry(seedsDir));
	fs.writeFileSync(
		path.join(seedsDir, 'id-registry.json'),
		`${JSON.stringify(registry, null, '\t')}\n`
	);
	printJson(io, {
		provisions: Object.keys(registry.provisions).length,
		items: Object.keys(registry.items).length
	});
	return 0;
}
