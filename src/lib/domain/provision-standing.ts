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

/**
 * How the provision is cited: in Chinese the source's Chinese title and the label as printed
 * (…条例 第五十条第三款); in English the English title and the English label (…Regulations, Article 50(3)).
 */
export function citeProvision(
	provision: Pick<Provision, 'source' | 'label' | 'label_en'>,
	sources: Pick<Source, 'id' | 'title_zh' | 'title_en'>[],
	lang: 'zh' | 'en' = 'zh'
): string {
	const source = sources.find((s) => s.id === provision.source);
	if (lang === 'en')
		return source ? `${source.title_en}, ${provision.label_en}` : provision.label_en;
	return source ? `${source.title_zh} ${provision.label}` : provision.label;
}

/**
 * Several provisions cited in one sentence, grouped by their document so that a title is named
 * once: 上海国际金融中心建设“十四五”规划 23、24、25 / …Financial Centre, Item 23, Item 24. An id the
 * corpus does not know is printed as it is.
 */
export function citeProvisions(
	ids: readonly string[],
	corpus: {
		provisions: readonly Provision[];
		sources: readonly Pick<Source, 'id' | 'title_zh' | 'title_en'>[];
	},
	lang: 'zh' | 'en'
): string {
	const byDocument = new Map<string, string[]>();
	for (const id of ids) {
		const provision = corpus.provisions.find((p) => p.id === id);
		const source = provision && corpus.sources.find((s) => s.id === provision.source);
		const title = source ? (lang === 'zh' ? source.title_zh : source.title_en) : '';
		// A Chinese label keeps its printed number; the full stop after it ("23．") ends no sentence here.
		const label = provision
			? lang === 'zh'
				? provision.label.replace(/[．.]$/, '')
				: provision.label_en
			: id;
		byDocument.set(title, [...(byDocument.get(title) ?? []), label]);
	}
	const parts = [...byDocument].map(([title, labels]) =>
		lang === 'zh'
			? `${title}${title ? ' ' : ''}${labels.join('、')}`
			: `${title}${title ? ', ' : ''}${labels.join(', ')}`
	);
	return parts.join(lang === 'zh' ? '；' : '; ');
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
