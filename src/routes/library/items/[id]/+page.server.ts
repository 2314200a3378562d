import { getLocale } from '$lib/paraglide/runtime';
import { error } from '@sveltejs/kit';
import { describeRule } from '$lib/domain/describe-rule';
import { itemReviews } from '$lib/domain/corpus';
import { citeProvision, lawCurrentAsOf, provisionStanding } from '$lib/domain/provision-standing';
import { m } from '$lib/paraglide/messages';
import { currentQuestionnaire } from '$lib/server/corpus';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const { corpus } = currentQuestionnaire();
	const item =
		corpus.items.find((i) => i.id === params.id) ??
		error(404, m.library_err_no_item({ id: params.id }));
	const rule = (lang: 'zh' | 'en') =>
		describeRule(item.applies_when, corpus.profileQuestions, lang);
	return {
		item,
		domain: corpus.domains.find((d) => d.id === item.domain) ?? null,
		applicability: { zh: rule('zh'), en: rule('en') },
		lawCurrentAsOf: lawCurrentAsOf(corpus),
		reviews: itemReviews(corpus, item.id),
		provisions: item.provisions.flatMap((id) => {
			const provision = corpus.provisions.find((p) => p.id === id);
			if (!provision) return [];
			return {
				provision,
				citation: citeProvision(provision, corpus.sources, getLocale()),
				standing: provisionStanding(provision, corpus.provisions)
			};
		})
	};
};
