import type { Corpus, Item } from './corpus';
import { describeRule } from './describe-rule';
import { forceClass } from './provision-standing';

/** What the page shows of an item: the item itself and its provisions, quoted and cited. */
export function itemWithProvisions(corpus: Corpus, item: Item) {
	const sources = new Map(corpus.sources.map((s) => [s.id, s]));
	return {
		...item,
		/** Why the item is asked of this firm: its applicability rule in words, in both languages. */
		applicability: {
			zh: describeRule(item.applies_when, corpus.profileQuestions, 'zh'),
			en: describeRule(item.applies_when, corpus.profileQuestions, 'en')
		},
		provisionDetails: item.provisions.flatMap((id) => {
			const p = corpus.provisions.find((x) => x.id === id);
			if (!p) return [];
			const source = sources.get(p.source);
			return [
				{
					id: p.id,
					label: p.label,
					text_zh: p.text_zh,
					summary_en: p.summary_en,
					status: p.status,
					force: forceClass(p.force),
					sourceTitle: { zh: source?.title_zh ?? p.source, en: source?.title_en ?? p.source }
				}
			];
		})
	};
}

export type ItemWithProvisions = ReturnType<typeof itemWithProvisions>;
