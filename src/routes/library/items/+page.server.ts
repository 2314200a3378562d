import { filterItems, groupItemsByDomain } from '$lib/domain/library-filter';
import { getLocale } from '$lib/paraglide/runtime';
import { currentQuestionnaire } from '$lib/server/corpus';
import { parseItemFilter } from '../query';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
	const { corpus } = currentQuestionnaire();
	const filter = parseItemFilter(corpus, url);
	const lang = getLocale();
	const items = filterItems(corpus.items, corpus.provisions, filter);
	return {
		filter,
		count: items.length,
		domains: corpus.domains,
		sources: corpus.sources.map(({ id, title_zh, title_en }) => ({ id, title_zh, title_en })),
		groups: groupItemsByDomain(items, corpus.domains).map(({ domain, items }) => ({
			domain,
			items: items.map((i) => ({
				id: i.id,
				// Only the reader's language: the full list in both would double the page.
				question: i.question[lang],
				severity: i.severity,
				never_na: i.never_na
			}))
		}))
	};
};
