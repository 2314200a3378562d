import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as englishDictionary } from '@zxcvbn-ts/language-en';

/**
 * Password strength by zxcvbn-ts (Dropbox's estimator, maintained as TypeScript): common-password
 * lists, English words and names, keyboard patterns, repeats and sequences, and the person's own
 * name and address. A password must score 3 of 4 ("safely unguessable: moderate protection from an
 * offline slow-hash scenario") besides the length the form asks for.
 */
const zxcvbn = new ZxcvbnFactory({
	// No translations: feedback comes as keys, which ./password-strength's callers word in zh or en.
	graphs: adjacencyGraphs,
	dictionary: { ...commonDictionary, ...englishDictionary }
});

export const MIN_SCORE = 3;

/** Why a password is refused, for a localized message; null when it is strong enough. */
export type PasswordWeakness = 'common' | 'repeated' | 'sequence' | 'personal' | 'guessable';

export function passwordWeakness(
	password: string,
	personal: string[] = []
): PasswordWeakness | null {
	if (password.trim() === '') return 'repeated';
	const inputs = personal.flatMap((p) => [p, ...p.split(/[@.\s_-]+/)]).filter((p) => p.length > 2);
	const result = zxcvbn.check(password.slice(0, 100), inputs);
	if (result.score >= MIN_SCORE) return null;
	const warning = result.feedback.warning ?? '';
	if (/common|topTen|topHundred|similarToCommon|pwned/i.test(warning)) return 'common';
	if (/repeat/i.test(warning)) return 'repeated';
	if (/sequence|straightRow|keyPattern|dates|recentYears/i.test(warning)) return 'sequence';
	if (result.sequence.some((s) => s.pattern === 'dictionary' && s.dictionaryName === 'userInputs'))
		return 'personal';
	return 'guessable';
}
