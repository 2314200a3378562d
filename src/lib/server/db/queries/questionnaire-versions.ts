import type { Corpus } from '../../../domain/corpus';
import type { Database } from '../connection';

/** Adds the version if its hash is new; an existing version is never changed. */
export async function insertVersionIfNew(
	db: Database,
	hash: string,
	corpus: Corpus
): Promise<boolean> {
	const result = await db
		.insertInto('questionnaire_versions')
		.values({
			hash,
			content: JSON.stringify(corpus),
			item_count: corpus.items.length,
			provision_count: corpus.provisions.length
		})
		.onConflict((oc) => oc.column('hash').doNothing())
		.executeTakeFirst();
	return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function findVersionContent(db: Database, hash: string): Promise<Corpus | null> {
	const row = await db
		.selectFrom('questionnaire_versions')
		.select('content')
		.where('hash', '=', hash)
		.executeTakeFirst();
	if (!row) return null;
	return (typeof row.content === 'string' ? JSON.parse(row.content) : row.content) as Corpus;
}
