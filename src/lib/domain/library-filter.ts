import type {
	Addressee,
	Corpus,
	Domain,
	Force,
	Item,
	Provision,
	ProvisionStatus,
	Severity
} from './corpus';

export interface ProvisionFilter {
	q: string | null;
	source: string | null;
	topic: string | null;
	force: Force | null;
	addressee: Addressee | null;
	status: ProvisionStatus | null;
}

export interface ItemFilter {
	q: string | null;
	domain: string | null;
	severity: Severity | null;
	/** Items citing at least one provision of this source. */
	source: string | null;
}

const contains = (haystack: string, needle: string) => haystack.toLowerCase().includes(needle);
const needleOf = (q: string | null) => q?.trim().toLowerCase() || null;

/** Provisions matching every given filter; `q` searches id, label, Chinese text and English summary. */
export function filterProvisions(provisions: Provision[], filter: ProvisionFilter): Provision[] {
	const needle = needleOf(filter.q);
	return provisions.filter(
		(p) =>
			(!filter.source || p.source === filter.source) &&
			(!filter.topic || p.topics.includes(filter.topic)) &&
			(!filter.force || p.force === filter.force) &&
			(!filter.addressee || p.addressee.includes(filter.addressee)) &&
			(!filter.status || p.status === filter.status) &&
			(!needle || [p.id, p.label, p.text_zh, p.summary_en].some((s) => contains(s, needle)))
	);
}

/** Items matching every given filter; `q` searches id and the question in both languages. */
export function filterItems(items: Item[], provisions: Provision[], filter: ItemFilter): Item[] {
	const needle = needleOf(filter.q);
	const ofSource = filter.source
		? new Set(provisions.filter((p) => p.source === filter.source).map((p) => p.id))
		: null;
	return items.filter(
		(i) =>
			(!filter.domain || i.domain === filter.domain) &&
			(!filter.severity || i.severity === filter.severity) &&
			(!ofSource || i.provisions.some((id) => ofSource.has(id))) &&
			(!needle || [i.id, i.question.zh, i.question.en].some((s) => contains(s, needle)))
	);
}

/** Items in domain order; domains without items are left out. */
export function groupItemsByDomain(
	items: Item[],
	domains: Domain[]
): { domain: Domain; items: Item[] }[] {
	return domains
		.map((domain) => ({ domain, items: items.filter((i) => i.domain === domain.id) }))
		.filter((group) => group.items.length > 0);
}

/** Every topic used by some provision, sorted. */
export function listTopics(provisions: Provision[]): string[] {
	return [...new Set(provisions.flatMap((p) => p.topics))].sort();
}

/** The items whose answers test a provision. */
export function itemsTesting(corpus: Pick<Corpus, 'items'>, provisionId: string): Item[] {
	return corpus.items.filter((i) => i.provisions.includes(provisionId));
}

export interface PageOf<T> {
	rows: T[];
	page: number;
	pages: number;
	total: number;
}

/** One page of a list; a page past the end shows the last one. */
export function paginate<T>(rows: T[], page: number, size: number): PageOf<T> {
	const pages = Math.max(1, Math.ceil(rows.length / size));
	const current = Math.min(Math.max(1, Math.floor(page)), pages);
	return {
		rows: rows.slice((current - 1) * size, current * size),
		page: current,
		pages,
		total: rows.length
	};
}
