import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Corpus } from '../domain/corpus';
import { loadCorpus } from '../corpus/load';
import { hashCorpusLoaderSources } from '../corpus/loader-source';
import { corpusPaths } from '../corpus/paths';
import { corpusHash } from '../corpus/version';
import type { Database } from './db/connection';
import { findVersionContent, insertVersionIfNew } from './db/queries/questionnaire-versions';
import { logger } from './logger';

// Replaced by a string constant in the built app (corpusLoaderHashPlugin in vite.config.ts).
declare const __CORPUS_LOADER_HASH__: string | null | undefined;

export interface QuestionnaireVersion {
	hash: string;
	corpus: Corpus;
}

let current: QuestionnaireVersion | null = null;
const byHash = new Map<string, Corpus>();

/**
 * Loads seeds/, stores it as a version if new, and makes it the current questionnaire.
 *
 * Reading, validating and hashing the YAML costs seconds of CPU, and every start paid it again for
 * the same corpus. With a `cacheDir` (the server's data directory), the loaded corpus is also kept
 * in a file there under the digest of what it was loaded from (every file under seeds/ and the
 * loader's own code); a start whose digest matches takes the corpus from the file — exactly the
 * object the loader gave, key order included — and stores it as a version if the database lacks it
 * (as an import would: same hash, same content).
 */
export async function importCorpus(
	db: Database,
	options: { cacheDir?: string } = {}
): Promise<QuestionnaireVersion> {
	const { seedsDir } = corpusPaths();
	const cacheFile = options.cacheDir ? path.join(options.cacheDir, CORPUS_CACHE_FILE) : null;
	const digest = cacheFile ? corpusSourceDigest(seedsDir) : null;
	const cached = cacheFile && digest ? readCorpusCache(cacheFile, digest) : null;
	if (cached) {
		const added = await insertVersionIfNew(db, cached.hash, cached.corpus);
		logger.info(
			{ version: cached.hash, added, items: cached.corpus.items.length },
			'corpus unchanged since its import: taken from the data directory'
		);
		current = cached;
		byHash.set(cached.hash, cached.corpus);
		return current;
	}
	const version = await installCorpus(db, loadCorpus(seedsDir));
	if (cacheFile && digest) writeCorpusCache(cacheFile, digest, version);
	return version;
}

/** In the data directory, beside the embedded database. */
export const CORPUS_CACHE_FILE = 'corpus-cache.json';

function readCorpusCache(file: string, digest: string): QuestionnaireVersion | null {
	try {
		const cached = JSON.parse(fs.readFileSync(file, 'utf8')) as {
			digest?: unknown;
			hash?: unknown;
			corpus?: Corpus;
		};
		if (cached.digest !== digest || typeof cached.hash !== 'string' || !cached.corpus) return null;
		return { hash: cached.hash, corpus: cached.corpus };
	} catch {
		return null; // none yet, or unreadable: import
	}
}

/** Written whole or not at all (a temporary file renamed over it); a failure only costs the next start. */
export function writeCorpusCache(
	file: string,
	digest: string,
	version: QuestionnaireVersion
): void {
	if (!fs.existsSync(path.dirname(file))) return;
	const temporary = `${file}.${process.pid}.tmp`;
	try {
		fs.writeFileSync(temporary, JSON.stringify({ digest, ...version }));
		fs.renameSync(temporary, file);
	} catch (error) {
		fs.rmSync(temporary, { force: true });
		logger.warn({ err: error, file }, 'could not keep the corpus for the next start');
	}
}

/**
 * What a corpus read from seeds/ depends on: the path and content of every file there, and the
 * loader's hash (compiled into the built app, computed from src/ elsewhere). Null when the loader's
 * hash is unknown: then every start imports.
 */
export function corpusSourceDigest(seedsDir: string): string | null {
	const loader = corpusLoaderHash();
	if (!loader || !fs.existsSync(seedsDir)) return null;
	const hash = createHash('sha256').update(`loader\0${loader}\0`);
	const visit = (relative: string) => {
		const file = path.join(seedsDir, relative);
		const stats = fs.statSync(file);
		if (stats.isDirectory()) {
			for (const entry of fs.readdirSync(file).sort()) visit(path.posix.join(relative, entry));
		} else if (stats.isFile()) {
			const content = fs.readFileSync(file);
			hash.update(`${relative}\0${content.length}\0`).update(content);
		}
	};
	visit('.');
	return hash.digest('hex');
}

let loaderHash: string | null | undefined;
function corpusLoaderHash(): string | null {
	if (loaderHash !== undefined) return loaderHash;
	if (typeof __CORPUS_LOADER_HASH__ !== 'undefined') return (loaderHash = __CORPUS_LOADER_HASH__);
	// Development, vitest and the CLI under tsx: the sources are here, three folders up.
	return (loaderHash = hashCorpusLoaderSources(
		fileURLToPath(new URL('../../..', import.meta.url))
	));
}

/** Stores a loaded corpus as a version if new and makes it the current questionnaire. */
export async function installCorpus(db: Database, corpus: Corpus): Promise<QuestionnaireVersion> {
	const hash = corpusHash(corpus);
	const added = await insertVersionIfNew(db, hash, corpus);
	logger.info(
		{ version: hash, added, items: corpus.items.length, provisions: corpus.provisions.length },
		'corpus imported'
	);
	current = { hash, corpus };
	byHash.set(hash, corpus);
	return current;
}

export function currentQuestionnaire(): QuestionnaireVersion {
	if (!current) throw new Error('corpus not imported');
	return current;
}

/** Any stored version; assessments keep the version they started on. */
export async function questionnaireVersion(db: Database, hash: string): Promise<Corpus | null> {
	const cached = byHash.get(hash);
	if (cached) return cached;
	const corpus = await findVersionContent(db, hash);
	if (corpus) byHash.set(hash, corpus);
	return corpus;
}
