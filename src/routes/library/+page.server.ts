import { filterItems } from '$lib/domain/library-filter';
import { currentQuestionnaire } from '$lib/server/corpus';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const { hash, corpus } = currentQuestionnaire();
	const noFilter = { q: null, domain: null, severity: null };
	return {
		version: hash.slice(0, 12),
		sources: corpus.sources.map(({ file: _file, ...source }) => ({
			...source,
			provisionCount: corpus.provisions.filter((p) => p.source === source.id).length,
			itemCount: filterItems(corpus.items, corpus.provisions, { ...noFilter, source: source.id })
				.length
		})),
		counts: {
			provisions: corpus.provisions.length,
			items: corpus.items.length,
			domains: corpus.domains.length,
			conflicts: corpus.conflicts.length
		}
	};
};
