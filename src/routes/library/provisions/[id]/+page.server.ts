import { error } from '@sveltejs/kit';
import { itemsTesting } from '$lib/domain/library-filter';
import { citeProvision, provisionStanding } from '$lib/domain/provision-standing';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { currentQuestionnaire } from '$lib/server/corpus';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const { corpus } = currentQuestionnaire();
	const find = (id: string) => corpus.provisions.find((p) => p.id === id) ?? null;
	const provision = find(params.id) ?? error(404, m.library_err_no_provision({ id: params.id }));
	const lang = getLocale();
	const cited = (id: string) => {
		const p = find(id);
		return p ? { provision: p, citation: citeProvision(p, corpus.sources, lang) } : null;
	};
	// The corpus loader refuses a provision whose source is unknown.
	const { file: _file, ...source } = corpus.sources.find((s) => s.id === provision.source)!;
	return {
		provision,
		source,
		citation: citeProvision(provision, corpus.sources, lang),
		/** The citation as the source prints it, whatever the interface language. */
		citationZh: citeProvision(provision, corpus.sources),
		standing: provisionStanding(provision, corpus.provisions),
		successor: provision.superseded_by ? cited(provision.superseded_by) : null,
		conflicts: corpus.conflicts
			.filter((c) => c.provisions.includes(provision.id))
			.map((c) => ({
				...c,
				sides: c.provisions.flatMap((id) => cited(id) ?? [])
			})),
		items: itemsTesting(corpus, provision.id).map((i) => ({
			id: i.id,
			question: i.question,
			severity: i.severity
		}))
	};
};
