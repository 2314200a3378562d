import type { Provision, Source } from './corpus';

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
