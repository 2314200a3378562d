/** The corpus as the domain core sees it: plain data, loaded and validated elsewhere. */

export type Lang = 'zh' | 'en';
export type Localized = { zh: string; en: string };

export const addressees = [
	'financial_institutions',
	'fintech_firms',
	'local_financial_orgs',
	'all_businesses',
	'government'
] as const;
export type Addressee = (typeof addressees)[number];

export const forces = ['must', 'must_not', 'encouraged', 'permitted', 'context'] as const;
export type Force = (typeof forces)[number];

export const provisionStatuses = ['in_force', 'superseded', 'expired'] as const;
export type ProvisionStatus = (typeof provisionStatuses)[number];

export const severities = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof severities)[number];

/**
 * What kind of requirement an item tests: a must/must-not in a cited provision or a binding national
 * rule (obligation), what the PBOC innovation-test tool or the CSRC pilot require of applicants
 * (entry_condition), or an encouraged measure (good_practice, scored apart, never a gap).
 */
export const bases = ['obligation', 'entry_condition', 'good_practice'] as const;
export type Basis = (typeof bases)[number];

/** What counts as 符合 / 部分符合 / 不符合 for one item. */
export interface Criteria {
	compliant: Localized;
	partial: Localized;
	non_compliant: Localized;
}

export interface Source {
	id: string;
	file: string;
	title_zh: string;
	title_en: string;
	issuer_zh: string;
	issuer_en: string;
	kind: 'local_regulation' | 'plan' | 'policy' | 'news';
	binding: boolean;
	issued_on: string;
	effective_from: string | null;
	effective_to: string | null;
	note_en: string;
	/** The document's current standing, with what later national rules overtook. */
	standing?: Localized | null;
}

export interface Provision {
	id: string;
	source: string;
	label: string;
	/** The label in an English citation: Article 50(3), Item 12, (14). */
	label_en: string;
	section: string;
	text_zh: string;
	summary_en: string;
	addressee: Addressee[];
	force: Force;
	topics: string[];
	status: ProvisionStatus;
	effective_from: string | null;
	effective_to: string | null;
	superseded_by: string | null;
	/** An extraction artefact in the quoted text (kept verbatim) and the official wording. */
	erratum?: Localized | null;
	/** The clause's current standing where later national rules overtook it. */
	caveat?: Localized | null;
}

export interface Conflict {
	id: string;
	provisions: string[];
	prevails: string;
	summary_zh: string;
	summary_en: string;
	reason_zh: string;
	reason_en: string;
}

export interface Domain {
	id: string;
	prefix: string;
	zh: string;
	en: string;
}

export type Rule =
	| 'always'
	| { field: string; equals: string | boolean }
	| { field: string; in: string[] }
	| { field: string; not_in: string[] }
	| { field: string; includes_any: string[] }
	| { all: Rule[] }
	| { any: Rule[] }
	| { not: Rule };

export interface RelatedRule {
	title: string;
	issuer: string;
	date: string | null;
	article: string | null;
	verification: 'verified' | 'unverified';
	last_verified: string;
	/** Where the article was checked: required when a verified pointer names an article. */
	source: RuleSource | null;
}

export interface RuleSource {
	url: string;
	excerpt: string;
	checked_on: string;
}

export interface Item {
	id: string;
	domain: string;
	question: Localized;
	guidance: Localized;
	answer_scale: 'compliance';
	basis: Basis;
	severity: Severity;
	severity_reason: Localized | null;
	/** Required in seeds/; null only in questionnaire versions stored before criteria existed. */
	criteria: Criteria | null;
	never_na: boolean;
	applies_when: Rule;
	provisions: string[];
	related_rules: RelatedRule[];
	remediation: Localized;
	evidence_examples: { zh: string[]; en: string[] };
}

export interface ProfileOption {
	value: string;
	label: Localized;
}

export interface ProfileQuestion {
	id: string;
	kind: 'single' | 'multi' | 'boolean' | 'text';
	required: boolean;
	label: Localized;
	help: Localized;
	options: ProfileOption[];
}

export interface RestrictedTerm {
	term: string;
	provisions: string[];
	conflict: string | null;
	/** Items whose own text names the word as restricted. */
	named_by: string[];
	/** Per licence held, the phrases containing the word that its holder may carry. */
	licensed: Record<string, string[]>;
	/** Registration phrases that contain the word without claiming it (非银行支付). */
	neutral: string[];
}

export interface Corpus {
	sources: Source[];
	domains: Domain[];
	profileQuestions: ProfileQuestion[];
	provisions: Provision[];
	conflicts: Conflict[];
	items: Item[];
	restrictedTerms: RestrictedTerm[];
	/**
	 * Retired item id → the active items that replaced it (merged into, split into), from
	 * seeds/id-registry.json. Absent in versions stored before it existed.
	 */
	replacements?: Record<string, Replacement>;
	/** Who reviewed which items, and when (seeds/reviews.yaml). Absent in versions stored before it existed. */
	reviews?: Review[];
}

/**
 * One review of the item bank: who, when, what kind (an editorial review against the sources and
 * the stored texts of national rules, or a legal review by a qualified lawyer), and the items it
 * covered ("all", or a list of ids).
 */
export interface Review {
	on: string;
	by: { zh: string; en: string };
	kind: 'editorial' | 'legal';
	scope: { zh: string; en: string };
	items: 'all' | string[];
}

/** The reviews that covered an item, latest first. */
export function itemReviews(corpus: Pick<Corpus, 'reviews'>, itemId: string): Review[] {
	return (corpus.reviews ?? [])
		.filter((r) => r.items === 'all' || r.items.includes(itemId))
		.sort((a, b) => (a.on < b.on ? 1 : a.on > b.on ? -1 : 0));
}

export interface Replacement {
	by: string[];
	reason: string | null;
}
