import type { Corpus, Item } from './corpus';
import { describeRule } from './describe-rule';
import { forceClass } from './provision-standing';

/** An item's provisions, quoted and cited: the verbatim text, its source and standing. */
function provisionDetails(corpus: Corpus, item: Item) {
	return item.provisions.flatMap((id) => {
		const p = corpus.provisions.find((x) => x.id === id);
		if (!p) return [];
		const source = corpus.sources.find((s) => s.id === p.source);
		return [
			{
				id: p.id,
				label: p.label,
				label_en: p.label_en,
				text_zh: p.text_zh,
				summary_en: p.summary_en,
				status: p.status,
				force: forceClass(p.force),
				sourceTitle: { zh: source?.title_zh ?? p.source, en: source?.title_en ?? p.source }
			}
		];
	});
}

/** What the page shows of an item: the item itself and its provisions, quoted and cited. */
export function itemWithProvisions(corpus: Corpus, item: Item) {
	return {
		...item,
		/** Why the item is asked of this firm: its applicability rule in words, in both languages. */
		applicability: {
			zh: describeRule(item.applies_when, corpus.profileQuestions, 'zh'),
			en: describeRule(item.applies_when, corpus.profileQuestions, 'en')
		},
		provisionDetails: provisionDetails(corpus, item)
	};
}

export type ItemWithProvisions = ReturnType<typeof itemWithProvisions>;

/**
 * What an answer card shows of an item up front: the question, in the reader's language, and its
 * badges. A questionnaire of 150 items sends only this; the reading behind each question
 * (itemReference: why it applies, guidance, provisions) is fetched when the person opens it, so the
 * page stays small and quick. (A change of language is a new page, so one language is enough.)
 */
export function itemCard(item: Item, lang: 'zh' | 'en') {
	return {
		id: item.id,
		question: item.question[lang],
		basis: item.basis,
		severity: item.severity,
		never_na: item.never_na,
		provisionCount: item.provisions.length
	};
}

export type ItemCard = ReturnType<typeof itemCard>;

const cardsOf = new WeakMap<Corpus, Record<'zh' | 'en', Map<string, ItemCard>>>();

/**
 * Every item's card in a language, made once per questionnaire version (a version's corpus is one
 * object for the life of the process) instead of once per item on every page.
 */
export function itemCards(corpus: Corpus, lang: 'zh' | 'en'): Map<string, ItemCard> {
	let cards = cardsOf.get(corpus);
	if (!cards) {
		const build = (l: 'zh' | 'en') => new Map(corpus.items.map((i) => [i.id, itemCard(i, l)]));
		cards = { zh: build('zh'), en: build('en') };
		cardsOf.set(corpus, cards);
	}
	return cards[lang];
}

/**
 * The reading behind a question: why it is asked of this firm, guidance, evidence examples, the
 * provisions quoted, what counts as compliant and the national rules it points to.
 */
export function itemReference(corpus: Corpus, item: Item) {
	return {
		basis: item.basis,
		/** Why the item is asked of this firm: its applicability rule in words, in both languages. */
		applicability: {
			zh: describeRule(item.applies_when, corpus.profileQuestions, 'zh'),
			en: describeRule(item.applies_when, corpus.profileQuestions, 'en')
		},
		criteria: item.criteria,
		related_rules: item.related_rules,
		guidance: item.guidance,
		evidence_examples: item.evidence_examples,
		provisionDetails: provisionDetails(corpus, item)
	};
}

export type ItemReference = ReturnType<typeof itemReference>;
