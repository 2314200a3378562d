import type { Corpus, Provision, Source } from './corpus';

export type Standing =
	| { kind: 'in_force' }
	| { kind: 'superseded'; by: string | null; from: string | null }
	| { kind: 'expired'; on: string | null };

/** Whether a provision still applies, and if not, since when and what replaced it. */
export function provisionStanding(provision: Provision, provisions: Provision[]): Standing {
	if (provision.status === 'in_force') return { kind: 'in_force' };
	if (provision.status === 'expired') return { kind: 'expired', on: provision.effective_to };
	const successor = provisions.find((p) => p.id === provision.superseded_by) ?? null;
	return {
		kind: 'superseded',
		by: provision.superseded_by,
		from: successor?.effective_from ?? null
	};
}

/** How the provision is cited: the source's Chinese title and the article label. */
export function citeProvision(provision: Provision, sources: Source[]): string {
	const source = sources.find((s) => s.id === provision.source);
	return source ? `${source.title_zh} ${provision.label}` : provision.label;
}

/** How strongly a provision binds, as shown wherever it is quoted. */
export type ForceClass = 'binding' | 'encouraged' | 'context';

export function forceClass(force: Provision['force']): ForceClass {
	if (force === 'must' || force === 'must_not') return 'binding';
	if (force === 'encouraged' || force === 'permitted') return 'encouraged';
	return 'context';
}

/**
 * "Law current as of …": the latest date on which the national rules the items point to were
 * reviewed or checked against a public copy; null when the corpus records none.
 */
export function lawCurrentAsOf(corpus: Pick<Corpus, 'items'>): string | null {
	let latest: string | null = null;
	for (const item of corpus.items)
		for (const rule of item.related_rules) {
			for (const date of [rule.last_verified, rule.source?.checked_on])
				if (date && (latest === null || date > latest)) latest = date;
		}
	return latest;
}
