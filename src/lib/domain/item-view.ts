import type { Corpus, Item } from './corpus';
import { forceClass } from './provision-standing';

/** What the page shows of an item: the item itself and its provisions, quoted and cited. */
export function itemWithProvisions(corpus: Corpus, item: Item) {
	const sources = new Map(corpus.sources.map((s) => [s.id, s]));
	return {
		...item,
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
