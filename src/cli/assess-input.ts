import fs from 'node:fs';
import { answerProblems } from '../lib/domain/answer-rules';
import type { Corpus, ProfileQuestion } from '../lib/domain/corpus';
import type { Profile } from '../lib/domain/profile';
import { describeContradiction, profileContradictions } from '../lib/domain/profile-checks';
import type { Answer } from '../lib/domain/scoring';
import { answerJsonSchema, profileFieldSchema } from '../lib/schemas/assessment-json';
import { UsageError } from './io';

/** Bad input for `assess`: one message naming the file, the entry and the problem. */
export class InputError extends UsageError {}

export function readJsonFile(file: string): unknown {
	if (!fs.existsSync(file)) throw new InputError(`${file}: file not found`);
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch (error) {
		throw new InputError(
			`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`
		);
	}
}

export function parseProfile(
	file: string,
	raw: unknown,
	questions: readonly ProfileQuestion[]
): Profile {
	if (!raw || typeof raw !== 'object' || Array.isArray(raw))
		throw new InputError(`${file}: must be a JSON object of profile answers`);
	const known = new Map(questions.map((q) => [q.id, q]));
	const profile: Profile = {};
	for (const [key, value] of Object.entries(raw)) {
		const question = known.get(key);
		if (!question)
			throw new InputError(
				`${file}: ${key}: unknown profile question (known: ${[...known.keys()].join(', ')})`
			);
		const parsed = profileFieldSchema(question).safeParse(value);
		if (!parsed.success)
			throw new InputError(`${file}: ${key}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
		profile[key] = parsed.data as Profile[string];
	}
	for (const q of questions) {
		if (q.required && profile[q.id] === undefined)
			throw new InputError(`${file}: ${q.id}: required`);
	}
	const contradiction = profileContradictions(profile)[0];
	if (contradiction)
		throw new InputError(`${file}: ${describeContradiction(contradiction, profile)}`);
	return profile;
}

export function parseAnswers(file: string, raw: unknown, corpus: Corpus): Answer[] {
	if (!raw || typeof raw !== 'object' || Array.isArray(raw))
		throw new InputError(`${file}: must be a JSON object mapping item ids to answers`);
	const items = new Map(corpus.items.map((i) => [i.id, i]));
	const answers: Answer[] = [];
	for (const [itemId, value] of Object.entries(raw)) {
		const item = items.get(itemId);
		if (!item) throw new InputError(`${file}: ${itemId}: unknown item`);
		const parsed = answerJsonSchema.safeParse(value);
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			throw new InputError(
				`${file}: ${itemId}: ${issue?.path.join('.') || 'answer'}: ${issue?.message ?? 'invalid'}`
			);
		}
		const a = parsed.data;
		const answer: Answer = {
			itemId,
			status: a.status,
			note: a.note ?? '',
			evidence: typeof a.evidence === 'string' ? [a.evidence] : (a.evidence ?? []),
			owner: a.owner ?? null,
			due: a.due ?? null
		};
		const problem = answerProblems(item, answer)[0];
		if (problem) {
			throw new InputError(
				`${file}: ${itemId}: ${problem.code === 'na_refused' ? 'this item cannot be answered not_applicable' : 'not_applicable needs a reason in "note"'}`
			);
		}
		answers.push(answer);
	}
	return answers;
}
