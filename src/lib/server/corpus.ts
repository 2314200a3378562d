import type { Corpus } from '../domain/corpus';
import { loadCorpus } from '../corpus/load';
import { corpusPaths } from '../corpus/paths';
import { corpusHash } from '../corpus/version';
import type { Database } from './db/connection';
import { findVersionContent, insertVersionIfNew } from './db/queries/questionnaire-versions';
import { logger } from './logger';

export interface QuestionnaireVersion {
	hash: string;
	corpus: Corpus;
}

let current: QuestionnaireVersion | null = null;
const byHash = new Map<string, Corpus>();

/** Loads seeds/, stores it as a version if new, and makes it the current questionnaire. */
export async function importCorpus(db: Database): Promise<QuestionnaireVersion> {
	return installCorpus(db, loadCorpus(corpusPaths().seedsDir));
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
