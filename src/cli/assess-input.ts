import fs from 'node:fs';
import { answerProblems } from '../lib/domain/answer-rules';
import type { Corpus, ProfileQuestion } from '../lib/domain/corpus';
import type { Profile } from '../lib/domain/profile';
import { describeContradiction, profileContradictions } from '../lib/domain/profile-checks';
import type { Answer } from '../lib/domain/scoring';
import { answerJsonSchema, profileFieldSchema } from '../lib/schemas/assessment-json';
import { firstInvalidUtf8, notTextProblem } from '../lib/domain/not-text';
import { m } from '../lib/paraglide/messages';
import { UsageError } from './io';
import { packInputSchema } from '../lib/schemas/pack';
import type { PackInput } from '../lib/domain/pack-input';

/** Bad input for `assess`: one message naming the file, the entry and the problem. */
export class InputError extends UsageError {}

/** The CLI's words for a field the app labels: Chinese with `--lang zh`, English otherwise. */
export type CliLocale = 'zh' | 'en';

const FIELD_LABELS: Record<string, (locale: CliLocale) => string> = {
	note: (locale) => m.answer_note({}, { locale }),
	evidence: (locale) => m.answer_evidence({}, { locale }),
	owner: (locale) => m.answer_owner({}, { locale }),
	due: (locale) => m.answer_due({}, { locale }),
	status: (locale) => (locale === 'zh' ? '合规状况' : 'Status')
};

const label = (key: string, locale: CliLocale) => FIELD_LABELS[key]?.(locale) ?? key;

/** The refusal of a field that is not text, as the web and the API word it. */
function notTextMessage(
	problem: 'nul' | 'surrogate' | 'utf8',
	key: string,
	locale: CliLocale
): string {
	const field = label(key, locale);
	if (problem === 'nul') return m.proof_err_nul_field({ field }, { locale });
	if (problem === 'surrogate') return m.proof_err_surrogate_field({ field }, { locale });
	return m.proof_err_utf8_field({ field }, { locale });
}

export function readJsonFile(file: string, locale: CliLocale = 'en'): unknown {
	if (!fs.existsSync(file)) throw new InputError(`${file}: file not found`);
	const bytes = fs.readFileSync(file);
	const bad = firstInvalidUtf8(bytes);
	if (bad >= 0) {
		// Named by the entry and the key before the first bad byte, as far as they can be read.
		const before = new TextDecoder().decode(bytes.subarray(0, bad));
		const key = [...before.matchAll(/"((?:[^"\\]|\\.)*)"\s*:/g)].pop()?.[1] ?? 'file';
		// The entry: the last key that opens an object (an item id, in answers.json).
		const opened = [...before.matchAll(/"((?:[^"\\]|\\.)*)"\s*:\s*\{/g)].pop()?.[1];
		const entry = opened && opened !== key ? `${opened}: ` : '';
		throw new InputError(`${file}: ${entry}${notTextMessage('utf8', key, locale)}`);
	}
	try {
		return JSON.parse(bytes.toString('utf8'));
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

/** The first field of an answer holding something that is not text, with why. */
function notTextField(value: unknown): { key: string; problem: 'nul' | 'surrogate' } | null {
	if (!value || typeof value !== 'object') return null;
	for (const [key, field] of Object.entries(value)) {
		for (const text of [field].flat()) {
			const problem = typeof text === 'string' ? notTextProblem(text) : null;
			if (problem) return { key, problem };
		}
	}
	return null;
}

export function parseAnswers(
	file: string,
	raw: unknown,
	corpus: Corpus,
	locale: CliLocale = 'en'
): Answer[] {
	if (!raw || typeof raw !== 'object' || Array.isArray(raw))
		throw new InputError(`${file}: must be a JSON object mapping item ids to answers`);
	const items = new Map(corpus.items.map((i) => [i.id, i]));
	const answers: Answer[] = [];
	for (const [itemId, value] of Object.entries(raw)) {
		const item = items.get(itemId);
		if (!item) throw new InputError(`${file}: ${itemId}: unknown item`);
		const notText = notTextField(value);
		if (notText)
			throw new InputError(
				`${file}: ${itemId}: ${notTextMessage(notText.problem, notText.key, locale)}`
			);
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

/** The pack form from `--pack-input`: the same schema as the web form; a bad field names itself. */
export function parsePackInput(file: string, value: unknown, locale: CliLocale): PackInput {
	if (!value || typeof value !== 'object' || Array.isArray(value))
		throw new InputError(`${file}: expected an object of pack form fields`);
	const unknown = Object.keys(value).filter((k) => !(k in packInputSchema.shape));
	if (unknown.length) throw new InputError(`${file}: unknown field ${unknown.join(', ')}`);
	for (const [key, v] of Object.entries(value)) {
		const problem = typeof v === 'string' ? notTextProblem(v) : null;
		if (problem) throw new InputError(`${file}: ${notTextMessage(problem, key, locale)}`);
	}
	const parsed = packInputSchema.safeParse(
		Object.fromEntries(
			Object.entries(value).map(([k, v]) => [
				k,
				v === null ? undefined : k === 'validity_months' ? v : String(v)
			])
		)
	);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		throw new InputError(`${file}: ${issue.path.join('.')}: ${issue.message}`);
	}
	return parsed.data;
}
