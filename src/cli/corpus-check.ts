import { checkCorpus } from '../lib/corpus/check';
import { loadCorpus } from '../lib/corpus/load';
import { corpusPaths } from '../lib/corpus/paths';
import { corpusHash } from '../lib/corpus/version';
import { printJson, type CliIo } from './io';

export function corpusCheckCommand(io: CliIo): number {
	const { seedsDir, sourcesDir } = corpusPaths();
	const corpus = loadCorpus(seedsDir);
	const report = checkCorpus(corpus, sourcesDir);
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
