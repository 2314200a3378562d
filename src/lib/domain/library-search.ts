import MiniSearch, { type SearchOptions } from 'minisearch';
import type { Provision, Source } from './corpus';

/**
 * Word search over the provisions, in Chinese and English, by words and by topic.
 *
 * Chinese has no spaces, and PostgreSQL's full-text search has no Chinese dictionary (PGlite least of
 * all), so the text is cut into words by `Intl.Segmenter` (ICU's dictionary, built into Node and every
 * browser) and indexed with MiniSearch (an inverted index with field boosts, prefix and fuzzy terms;
 * small, no dependencies, actively maintained). Both sides are cut by the same segmenter, so a word
 * ICU does not know (合规 → 合, 规) is cut the same way in the query and in the text and still matches.
 * Topic names in both languages are indexed with the provision, so 「个人信息」 finds what the topic
 * filter finds even where the article says 个人数据 or 用户信息.
 */

/** The longest query read, and the most words of it searched: the work a request can ask is bounded. */
export const SEARCH_MAX_CHARS = 100;
export const SEARCH_MAX_TERMS = 12;

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const HAN = /\p{Script=Han}/u;

/** Words of a text, lower-cased: ICU's word segments, punctuation and spaces dropped. */
export function searchTerms(text: string): string[] {
	const terms: string[] = [];
	for (const { segment, isWordLike } of segmenter.segment(text.toLowerCase()))
		if (isWordLike) terms.push(segment);
	return terms;
}

interface Indexed {
	id: string;
	label: string;
	label_en: string;
	text_zh: string;
	summary_en: string;
	topics: string;
}

export interface ProvisionSearchIndex {
	search(query: string): Map<string, number>;
}

/**
 * An index of the provisions; `topicNames` gives each topic's names (both languages). Build it once
 * per corpus and keep it: building reads every article, a search reads only the index.
 */
export function buildProvisionIndex(
	provisions: readonly Provision[],
	topicNames: (topic: string) => string[]
): ProvisionSearchIndex {
	const index = new MiniSearch<Indexed>({
		fields: ['id', 'label', 'label_en', 'text_zh', 'summary_en', 'topics'],
		tokenize: searchTerms,
		processTerm: (term) => term,
		searchOptions: { boost: { id: 3, topics: 3, label: 2, label_en: 2 } }
	});
	index.addAll(
		provisions.map((p) => ({
			id: p.id,
			label: p.label,
			label_en: p.label_en,
			text_zh: p.text_zh,
			summary_en: p.summary_en,
			topics: p.topics.flatMap((t) => [t.replaceAll('_', ' '), ...topicNames(t)]).join(' ')
		}))
	);
	const options: SearchOptions = {
		combineWith: 'AND',
		// A Chinese word or an English word of 3+ letters also finds longer ones (信息 → 信息化,
		// provision → provisions); longer English words tolerate a typo.
		prefix: (term) => HAN.test(term) || term.length >= 3,
		fuzzy: (term) => (!HAN.test(term) && term.length >= 6 ? 0.2 : false)
	};
	return {
		search(query) {
			const terms = searchTerms(query.slice(0, SEARCH_MAX_CHARS)).slice(0, SEARCH_MAX_TERMS);
			if (terms.length === 0) return new Map();
			// The query is already cut into words: hand MiniSearch the words, not the text.
			const found = index.search({ queries: terms, combineWith: 'AND' }, options);
			return new Map(found.map((r) => [String(r.id), r.score]));
		}
	};
}

/**
 * How strongly a provision binds, for ordering: binding text in force first (must, must not), then
 * the rest of a binding source, then everything else (plans, policies, news), superseded last.
 */
export function bindingRank(
	p: Pick<Provision, 'force' | 'status' | 'source'>,
	bindingSources: ReadonlySet<string>
): number {
	if (p.status !== 'in_force') return 3;
	if ((p.force === 'must' || p.force === 'must_not') && bindingSources.has(p.source)) return 0;
	return bindingSources.has(p.source) ? 1 : 2;
}

/**
 * The provisions in reading order. With a query, only those it finds: binding ones first, then by
 * relevance. Without, every source in its own order, binding sources (the regulation) first.
 */
export function rankProvisions<P extends Pick<Provision, 'id' | 'force' | 'status' | 'source'>>(
	provisions: readonly P[],
	sources: readonly Pick<Source, 'id' | 'binding'>[],
	scores: Map<string, number> | null
): P[] {
	const binding = new Set(sources.filter((s) => s.binding).map((s) => s.id));
	const rows = provisions
		.map((p, order) => ({
			p,
			order,
			// Unsearched, a source reads whole in its own order: binding sources first.
			rank: scores ? bindingRank(p, binding) : binding.has(p.source) ? 0 : 1,
			score: scores?.get(p.id)
		}))
		.filter((r) => scores === null || r.score !== undefined);
	rows.sort((a, b) => a.rank - b.rank || (b.score ?? 0) - (a.score ?? 0) || a.order - b.order);
	return rows.map((r) => r.p);
}
