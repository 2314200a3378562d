import path from 'node:path';

/** Where the corpus and its source documents (kept in the repository, seeds/sources) live; relative to the working directory. */
export function corpusPaths(env: NodeJS.ProcessEnv = process.env) {
	return {
		seedsDir: path.resolve(env.SEEDS_DIR ?? 'seeds'),
		sourcesDir: path.resolve(env.SOURCES_DIR || 'seeds/sources')
	};
}
