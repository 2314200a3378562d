import type { Corpus } from '../domain/corpus';
import { loadCorpus } from './load';
import { corpusPaths } from './paths';
import { corpusHash } from './version';

const loaded = new Map<string, { corpus: Corpus; hash: string }>();

/**
 * The corpus in seeds/, read and validated once per process (about half a second of YAML and
 * schema work): one command runs per process, but a process that runs many (the fuzz tests, a
 * script) pays it once. `corpus-check` reads the files afresh; it is the command that looks at them.
 */
export function seedsCorpus(): Corpus {
	return seedsVersion().corpus;
}

/** The corpus and its version hash (what a result records as the questionnaire version). */
export function seedsVersion(): { corpus: Corpus; hash: string } {
	const { seedsDir } = corpusPaths();
	let version = loaded.get(seedsDir);
	if (!version) {
		// Frozen: one object serves every caller in the process, so none may change it for the others.
		const corpus = deepFreeze(loadCorpus(seedsDir));
		version = { corpus, hash: corpusHash(corpus) };
		loaded.set(seedsDir, version);
	}
	return version;
}

function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const child of Object.values(value)) deepFreeze(child);
	}
	return value;
}
