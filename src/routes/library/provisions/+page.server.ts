import type { Corpus } from '$lib/domain/corpus';
import { filterProvisions, listTopics, paginate } from '$lib/domain/library-filter';
import {
	buildProvisionIndex,
	rankProvisions,
	type ProvisionSearchIndex
} from '$lib/domain/library-search';
import { topicLabel } from '$lib/labels/corpus';
import { locales, type Locale } from '$lib/paraglide/runtime';
import { provisionStanding } from '$lib/domain/provision-standing';
import { currentQuestionnaire } from '$lib/server/corpus';
import { pageHref, parseProvisionFilter } from '../query';
import type { PageServerLoad } from './$types';

// Each row carries a full article in Chinese; 40 keep a page light.
const PAGE_SIZE = 40;

// One index per corpus version, built on its first search; topics are found by their names in
// every language, whatever the reader's.
const indexes = new WeakMap<Corpus, ProvisionSearchIndex>();
function searchIndex(corpus: Corpus): ProvisionSearchIndex {
	let index = indexes.get(corpus);
	if (!index) {
		const names = (topic: string) => locales.map((locale: Locale) => topicLabel(topic, { locale }));
		indexes.set(corpus, (index = buildProvisionIndex(corpus.provisions, names)));
	}
	return index;
}

export const load: PageServerLoad = ({ url }) => {
	const { corpus } = currentQuestionnaire();
	const filter = parseProvisionFilter(corpus, url);
	const byId = new Map(corpus.provisions.map((p) => [p.id, p]));
	const scores = filter.q ? searchIndex(corpus).search(filter.q) : null;
	const { rows, page, pages, total } = paginate(
		rankProvisions(
			filterProvisions(corpus.provisions, { ...filter, q: null }),
			corpus.sources,
			scores
		),
		filter.page,
		PAGE_SIZE
	);
	return {
		filter,
		sources: corpus.sources.map(({ id, title_zh, title_en }) => ({ id, title_zh, title_en })),
		topics: listTopics(corpus.provisions),
		total,
		pager: {
			page,
			pages,
			prev: page > 1 ? pageHref(url, page - 1) : null,
			next: page < pages ? pageHref(url, page + 1) : null
		},
		provisions: rows.map((p) => {
			const successor = p.superseded_by ? byId.get(p.superseded_by) : undefined;
			return {
				id: p.id,
				source: p.source,
				label: p.label,
				label_en: p.label_en,
				text_zh: p.text_zh,
				summary_en: p.summary_en,
				force: p.force,
				addressee: p.addressee,
				standing: provisionStanding(p, corpus.provisions),
				successor: successor
					? {
							id: successor.id,
							source: successor.source,
							label: successor.label,
							label_en: successor.label_en
						}
					: null
			};
		})
	};
};
