import type { Localized, ProfileQuestion, Provision, RestrictedTerm } from './corpus';
import type { Profile } from './profile';

export type NameField = 'registered_name' | 'business_scope';

export interface ProfileFinding {
	code: 'restricted_term';
	term: string;
	/** Where the word is claimed: the name, the business scope, or both (one finding either way). */
	fields: NameField[];
	provisions: string[];
	conflict: string | null;
	/** Items whose own text names the word. */
	namedBy: string[];
	/**
	 * Every claimed use is covered by a licence the firm holds: confirm the licence allows it
	 * rather than remove it. `licence` names the (first) licence that does.
	 */
	licensed: boolean;
	licence: string | null;
	/** The licence's name as the profile question prints it. */
	licenceLabel: Localized | null;
}

/** A half-open span of the text [start, end). */
type Span = [number, number];

const OPEN = '（(';
const CLOSE = '）)';
/** Ends an unbracketed exclusion: the clause stops at the next comma, semicolon or full stop. */
const CLAUSE_END = /[，,；;。]/;
/** 除 that starts a word rather than an exclusion: 除尘设备, 除湿机, 除草剂 … */
const NOT_EXCLUSION_AFTER_CHU = /[尘湿草虫臭雪锈垢霜冰味螨菌甲]/;
const EXCLUDING = ['不含', '不包括', '不包含', '不得从事', '不得开展', '不从事', '不涉及', '未经'];

/** For each position, the end of the innermost bracket group it sits in (or -1). */
function bracketEnds(text: string): number[] {
	const ends = new Array<number>(text.length).fill(-1);
	const stack: number[] = [];
	for (let i = 0; i < text.length; i++) {
		if (OPEN.includes(text[i]!)) stack.push(i);
		else if (CLOSE.includes(text[i]!) && stack.length > 0) {
			const open = stack.pop()!;
			for (let j = open + 1; j < i; j++) if (ends[j] === -1) ends[j] = i;
		}
	}
	return ends;
}

function clauseEnd(text: string, from: number, bracketEnd: number): number {
	if (bracketEnd !== -1) return bracketEnd;
	for (let i = from; i < text.length; i++) if (CLAUSE_END.test(text[i]!)) return i;
	return text.length;
}

/**
 * The parts of a business scope that exclude business rather than claim it: 「除…外」 and clauses
 * opened by 「不含」「不得从事」「未经…批准」…, which run to the end of their bracket or clause.
 */
export function exclusionSpans(text: string): Span[] {
	const ends = bracketEnds(text);
	const spans: Span[] = [];
	for (let i = 0; i < text.length; i++) {
		if (text[i] === '除' && !NOT_EXCLUSION_AFTER_CHU.test(text[i + 1] ?? '')) {
			const limit = clauseEnd(text, i, ends[i]!);
			const wai = text.indexOf('外', i + 1);
			if (wai !== -1 && wai < limit) spans.push([i, wai + 1]);
			continue;
		}
		const keyword = EXCLUDING.find((k) => text.startsWith(k, i));
		if (!keyword) continue;
		// 未经 excludes only as 「未经…批准/许可，不得…」, which runs past its comma to the end of the
		// prohibition; the others run to the end of their bracket or clause.
		if (keyword === '未经' && !/^未经[^，,；;。）)]{0,30}(批准|许可)/.test(text.slice(i))) continue;
		const end =
			ends[i] !== -1
				? ends[i]!
				: keyword === '未经'
					? sentenceEnd(text, i)
					: clauseEnd(text, i, -1);
		spans.push([i, end]);
	}
	return spans;
}

function sentenceEnd(text: string, from: number): number {
	for (let i = from; i < text.length; i++) if (/[；;。]/.test(text[i]!)) return i;
	return text.length;
}

function occurrences(haystack: string, needle: string): number[] {
	const out: number[] = [];
	for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1))
		out.push(at);
	return out;
}

const inside = (spans: readonly Span[], at: number, length: number) =>
	spans.some(([s, e]) => at >= s && at + length <= e);

/** Spans of the phrases (each containing the word) found in the text. */
function phraseSpans(text: string, phrases: readonly string[]): Span[] {
	return phrases.flatMap((p) =>
		occurrences(text, p.toUpperCase()).map((at): Span => [at, at + p.length])
	);
}

interface Claim {
	field: NameField;
	licence: string | null;
}

/**
 * Restricted financial words in the registered name and business scope, read as a registration
 * officer would: a word inside an exclusion clause (「除金融、证券等许可业务外」) or a standard phrase
 * that does not claim it (「非银行支付」) is not a use of it; where one word contains another
 * (互联网金融 ⊃ 金融) the longer is reported; a use inside a phrase the firm's licence permits
 * (小额贷款 for a microcredit company) is marked licensed. One finding per word.
 */
export function findRestrictedTerms(
	profile: Profile,
	terms: readonly RestrictedTerm[],
	questions: readonly Pick<ProfileQuestion, 'id' | 'options'>[] = []
): ProfileFinding[] {
	const licenceOptions = questions.find((q) => q.id === 'licences')?.options ?? [];
	const held = Array.isArray(profile.licences) ? profile.licences.map(String) : [];
	const longestFirst = [...terms].sort((a, b) => b.term.length - a.term.length);
	const claims = new Map<string, Claim[]>();
	for (const field of ['registered_name', 'business_scope'] as const) {
		const value = profile[field];
		if (typeof value !== 'string' || value.trim() === '') continue;
		const text = value.toUpperCase();
		// The registered name is a name: nothing in it is an exclusion clause.
		const excluded = field === 'business_scope' ? exclusionSpans(text) : [];
		const covered: boolean[] = new Array(text.length).fill(false);
		for (const term of longestFirst) {
			const needle = term.term.toUpperCase();
			const neutral = phraseSpans(text, term.neutral);
			for (const at of occurrences(text, needle)) {
				if (covered.slice(at, at + needle.length).every((c) => c)) continue;
				if (inside(excluded, at, needle.length) || inside(neutral, at, needle.length)) continue;
				for (let i = at; i < at + needle.length; i++) covered[i] = true;
				const licence =
					held.find((l) => inside(phraseSpans(text, term.licensed[l] ?? []), at, needle.length)) ??
					null;
				const list = claims.get(term.term) ?? [];
				list.push({ field, licence });
				claims.set(term.term, list);
			}
		}
	}
	return longestFirst.flatMap((term): ProfileFinding[] => {
		const list = claims.get(term.term);
		if (!list) return [];
		const fields = (['registered_name', 'business_scope'] as const).filter((f) =>
			list.some((c) => c.field === f)
		);
		const licensed = list.every((c) => c.licence !== null);
		const licence = licensed ? list[0]!.licence : null;
		return [
			{
				code: 'restricted_term',
				term: term.term,
				fields,
				provisions: term.provisions,
				conflict: term.conflict,
				namedBy: term.named_by,
				licensed,
				licence,
				licenceLabel: licenceOptions.find((o) => o.value === licence)?.label ?? null
			}
		];
	});
}

/** What the findings quote of each provision, by id: its labels, source, text and English summary. */
export function findingQuotes(provisions: readonly Provision[]) {
	return Object.fromEntries(
		provisions.map((p) => [
			p.id,
			{
				label: p.label,
				label_en: p.label_en,
				source: p.source,
				text_zh: p.text_zh,
				summary_en: p.summary_en
			}
		])
	);
}
