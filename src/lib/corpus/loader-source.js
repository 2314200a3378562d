// Plain JavaScript (typed by JSDoc), because vite.config.ts imports it (see renderer-source.js).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * What turns seeds/ into a corpus, from the repository root: the loader and its schema, the
 * corpus types, and the YAML and zod packages as installed. A change to any of them may turn the
 * same YAML into a different corpus.
 */
export const CORPUS_LOADER_SOURCES = ['src/lib/corpus', 'src/lib/domain/corpus.ts'];
const CORPUS_LOADER_PACKAGES = ['yaml', 'zod'];

/** The name the built app carries the hash under (see `corpusLoaderHashPlugin`). */
export const CORPUS_LOADER_DEFINE = '__CORPUS_LOADER_HASH__';

/**
 * @param {string} root
 * @param {string} name a path relative to root, with forward slashes
 * @returns {string[]}
 */
function filesUnder(root, name) {
	const stats = fs.statSync(path.join(root, name));
	if (stats.isFile()) return [name];
	if (!stats.isDirectory()) return [];
	return fs
		.readdirSync(path.join(root, name))
		.sort()
		.flatMap((entry) => filesUnder(root, `${name}/${entry}`));
}

/**
 * A hash of the corpus loader's sources (tests left out) and of the installed versions of the
 * packages it parses with. Null where the sources are not there (the built app, which carries the
 * hash compiled in).
 * @param {string} root the repository root
 * @returns {string | null}
 */
export function hashCorpusLoaderSources(root) {
	if (!fs.existsSync(path.join(root, 'src/lib/corpus/load.ts'))) return null;
	const hash = createHash('sha256');
	for (const source of CORPUS_LOADER_SOURCES) {
		for (const file of filesUnder(root, source)) {
			if (/\.test\.[jt]s$/.test(file)) continue;
			hash
				.update(`${file}\0`)
				.update(fs.readFileSync(path.join(root, file)))
				.update('\0');
		}
	}
	for (const name of CORPUS_LOADER_PACKAGES) {
		const manifest = path.join(root, 'node_modules', name, 'package.json');
		const version = fs.existsSync(manifest)
			? JSON.parse(fs.readFileSync(manifest, 'utf8')).version
			: 'absent';
		hash.update(`${name}@${version}\0`);
	}
	return hash.digest('hex');
}

/**
 * A Vite plugin for `vite build`: the built server has no src/, so the loader's hash is computed
 * as the build starts and compiled in as a constant (src/lib/server/corpus.ts reads it).
 * @param {string} [root] the repository root
 */
export function corpusLoaderHashPlugin(root = process.cwd()) {
	return {
		name: 'corpus-loader-hash',
		apply: /** @type {const} */ ('build'),
		config: () => ({
			define: { [CORPUS_LOADER_DEFINE]: JSON.stringify(hashCorpusLoaderSources(root)) }
		})
	};
}
