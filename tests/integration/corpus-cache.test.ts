import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { loadCorpus } from '../../src/lib/corpus/load';
import {
	CORPUS_CACHE_FILE,
	corpusSourceDigest,
	currentQuestionnaire,
	importCorpus
} from '../../src/lib/server/corpus';
import { useTestDatabase } from '../helpers/database';

// A start whose seeds/ and corpus loader are unchanged takes the corpus kept in the data directory
// instead of reading, validating and hashing the YAML again; anything else imports as before.
const database = useTestDatabase('corpus-cache');

describe('the corpus import at start-up', () => {
	let work: string;
	let seedsDir: string;
	let cacheDir: string;
	const savedSeedsDir = process.env.SEEDS_DIR;
	beforeAll(() => {
		work = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-cache-'));
		seedsDir = path.join(work, 'seeds');
		cacheDir = path.join(work, 'data');
		fs.cpSync('seeds', seedsDir, { recursive: true });
		fs.mkdirSync(cacheDir);
		process.env.SEEDS_DIR = seedsDir;
	});
	afterAll(() => {
		if (savedSeedsDir === undefined) delete process.env.SEEDS_DIR;
		else process.env.SEEDS_DIR = savedSeedsDir;
		fs.rmSync(work, { recursive: true, force: true });
	});

	const cacheFile = () => path.join(cacheDir, CORPUS_CACHE_FILE);
	/** Marks the kept corpus, so that a start which took it can be told from one that imported. */
	const markCache = () => {
		const kept = JSON.parse(fs.readFileSync(cacheFile(), 'utf8'));
		kept.corpus.marker = 'from the cache';
		fs.writeFileSync(cacheFile(), JSON.stringify(kept));
	};
	let firstHash = '';
	const marker = () => (currentQuestionnaire().corpus as { marker?: string }).marker;

	it('keeps the loaded corpus, and takes it back exactly while nothing changed', async () => {
		const db = database().db;
		const imported = await importCorpus(db, { cacheDir });
		firstHash = imported.hash;
		// The same object the loader gives, key order included (a JSON column would reorder keys).
		expect(JSON.stringify(imported.corpus)).toBe(JSON.stringify(loadCorpus(seedsDir)));

		markCache();
		const restarted = await importCorpus(db, { cacheDir });
		expect(restarted.hash).toBe(imported.hash);
		expect(marker()).toBe('from the cache');
		const { marker: _, ...rest } = restarted.corpus as typeof restarted.corpus & { marker: string };
		expect(JSON.stringify(rest)).toBe(JSON.stringify(imported.corpus));
	});

	it('imports again when any file under seeds/ changed, even one that loads the same', async () => {
		const db = database().db;
		const before = corpusSourceDigest(seedsDir);
		const file = path.join(seedsDir, 'domains.yaml');
		fs.appendFileSync(file, '\n# a comment: the same corpus, other bytes\n');
		expect(corpusSourceDigest(seedsDir)).not.toBe(before);

		const reimported = await importCorpus(db, { cacheDir });
		expect(marker()).toBeUndefined();
		expect(JSON.parse(fs.readFileSync(cacheFile(), 'utf8')).digest).toBe(
			corpusSourceDigest(seedsDir)
		);
		// A comment changes the bytes, not the corpus: the same version.
		expect(reimported.hash).toBe(firstHash);
	});

	it('stores the kept version in a database that lacks it, without reading seeds/', async () => {
		const db = database().db;
		markCache();
		await sql`delete from questionnaire_versions`.execute(db);
		const restarted = await importCorpus(db, { cacheDir });
		expect(marker()).toBe('from the cache');
		const stored = await db
			.selectFrom('questionnaire_versions')
			.select('hash')
			.where('hash', '=', restarted.hash)
			.executeTakeFirst();
		expect(stored).toBeDefined();
	});
});
