import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import type { PackVocabulary } from '$lib/domain/filing-pack';
import { packMessageKey, packWordKeys, type PackWords } from '$lib/domain/pack-words';
import { staleWordKeys, type StaleWords } from '$lib/domain/staleness';
import { severityLabel, statusLabel, verdictLabel } from './assessment';

type Message = (inputs: Record<string, string>, options: { locale: Locale }) => string;

// A word's placeholders come back as `{name}`: the domain model fills them in.
const placeholders = new Proxy({}, { get: (_, key) => `{${String(key)}}` }) as Record<
	string,
	string
>;

function wordsIn(locale: Locale): PackWords {
	const o = { locale };
	const words = Object.fromEntries(
		packWordKeys.map((key) => [
			key,
			(m as unknown as Record<string, Message>)[packMessageKey(key)]!(placeholders, o)
		])
	) as Partial<PackWords>;
	for (const s of ['compliant', 'partial', 'non_compliant', 'not_applicable'] as const)
		words[`status_${s}`] = statusLabel(s, o);
	for (const s of ['critical', 'high', 'medium', 'low'] as const)
		words[`severity_${s}`] = severityLabel(s, o);
	for (const v of ['ready', 'ready_with_conditions', 'not_ready', 'not_assessed'] as const)
		words[`verdict_${v}`] = verdictLabel(v, o);
	return words as PackWords;
}

/** The stale-material warnings' words in one language (a subset of the pack's). */
export function staleWords(locale: Locale): StaleWords {
	const o = { locale };
	return Object.fromEntries(
		staleWordKeys.map((key) => [
			key,
			(m as unknown as Record<string, Message>)[packMessageKey(key)]!(placeholders, o)
		])
	) as StaleWords;
}

let vocabulary: PackVocabulary | null = null;

/**
 * The filing pack's words in both languages, from the same catalogue as the pages. The catalogue is
 * compiled into the build, so the words are made once per process (the result page asked for them
 * twice a request: ~1.3 ms) and frozen, so that no caller can change them for the next.
 */
export function packWords(): PackVocabulary {
	vocabulary ??= Object.freeze({
		zh: Object.freeze(wordsIn('zh')),
		en: Object.freeze(wordsIn('en'))
	});
	return vocabulary;
}
