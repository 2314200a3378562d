import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import type { Corpus, Replacement } from '../domain/corpus';
import {
	conflictSchema,
	domainSchema,
	itemSchema,
	profileQuestionSchema,
	provisionSchema,
	restrictedTermSchema,
	reviewSchema,
	sourceSchema
} from './schema';
import { findReferenceErrors } from './references';
import { readIdRegistry, replacedBy } from './id-registry';

export class CorpusError extends Error {
	constructor(readonly problems: string[]) {
		super(`The corpus in seeds/ is invalid:\n${problems.map((p) => `- ${p}`).join('\n')}`);
		this.name = 'CorpusError';
	}
}

/** Reads and validates seeds/; throws CorpusError naming file, entry and field of every problem. */
export function loadCorpus(seedsDir: string): Corpus {
	const problems: string[] = [];
	const read = <S extends z.ZodType>(relative: string, schema: S): z.output<S>[] =>
		readList(seedsDir, relative, schema, problems);
	const listDir = (relative: string) =>
		fs.existsSync(path.join(seedsDir, relative))
			? fs
					.readdirSync(path.join(seedsDir, relative))
					.filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
					.sort()
					.map((f) => `${relative}/${f}`)
			: [];

	const corpus: Corpus = {
		sources: read('sources.yaml', sourceSchema),
		domains: read('domains.yaml', domainSchema),
		profileQuestions: read('profile-questions.yaml', profileQuestionSchema),
		conflicts: fs.existsSync(path.join(seedsDir, 'conflicts.yaml'))
			? read('conflicts.yaml', conflictSchema)
			: [],
		provisions: listDir('provisions').flatMap((f) => read(f, provisionSchema)),
		items: listDir('items').flatMap((f) => read(f, itemSchema)),
		restrictedTerms: read('restricted-terms.yaml', restrictedTermSchema),
		replacements: readReplacements(seedsDir),
		reviews: fs.existsSync(path.join(seedsDir, 'reviews.yaml'))
			? read('reviews.yaml', reviewSchema)
			: []
	};
	problems.push(...findReferenceErrors(corpus));
	if (problems.length > 0) throw new CorpusError(problems);
	return corpus;
}

/**
 * Retired items with successors (seeds/id-registry.json `replaced_by`, followed through later
 * retirements to active items), with the reason recorded: the version move carries answers by it.
 */
function readReplacements(seedsDir: string): Record<string, Replacement> {
	const registry = readIdRegistry(seedsDir);
	if (!registry) return {};
	const out: Record<string, Replacement> = {};
	for (const [id, entry] of Object.entries(registry.items)) {
		if (typeof entry !== 'object') continue;
		out[id] = { by: replacedBy(registry, id), reason: entry.reason ?? null };
	}
	return out;
}

function readList<S extends z.ZodType>(
	seedsDir: string,
	relative: string,
	schema: S,
	problems: string[]
): z.output<S>[] {
	const file = `seeds/${relative}`;
	let raw: unknown;
	try {
		raw = parse(fs.readFileSync(path.join(seedsDir, relative), 'utf8'));
	} catch (error) {
		problems.push(
			`${file}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`
		);
		return [];
	}
	if (!Array.isArray(raw)) {
		problems.push(`${file}: must be a YAML list of entries`);
		return [];
	}
	const out: z.output<S>[] = [];
	raw.forEach((entry: unknown, index) => {
		const result = schema.safeParse(entry);
		if (result.success) {
			out.push(result.data);
			return;
		}
		const entryId =
			entry && typeof entry === 'object' && 'id' in entry
				? String((entry as { id: unknown }).id)
				: '?';
		for (const issue of result.error.issues) {
			const field = issue.path.join('.') || '(entry)';
			problems.push(`${file}: entry ${entryId} (#${index + 1}): ${field}: ${issue.message}`);
		}
	});
	return out;
}
