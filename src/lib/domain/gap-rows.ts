import type { Basis, Severity } from './corpus';
import type { GapStatus } from './scoring';

/** A gap as the result page lists it: one line to scan, the rest behind a disclosure. */
export interface GapRow {
	itemId: string;
	domain: string;
	severity: Severity;
	basis: Basis;
	status: GapStatus;
	question: string;
	note: string;
	owner: string | null;
	due: string | null;
	/** Ids of the cited provisions (their citations are looked up once per page): the text is one click away. */
	citations: string[];
}

/**
 * A gap row as the result page's data carries it: an array, not an object, positions in this
 * order. SvelteKit writes a page's data into the page with devalue, whose cost goes by the object
 * keys it meets; 69 gaps of ten keys were a tenth of the page's HTML in English (BENCHMARKS.md).
 */
export type PackedGapRow = [
	itemId: string,
	domain: string,
	severity: Severity,
	basis: Basis,
	status: GapStatus,
	question: string,
	note: string,
	owner: string | null,
	due: string | null,
	citations: string[]
];

export function packGapRow(g: GapRow): PackedGapRow {
	return [
		g.itemId,
		g.domain,
		g.severity,
		g.basis,
		g.status,
		g.question,
		g.note,
		g.owner,
		g.due,
		g.citations
	];
}

export function unpackGapRow(packed: PackedGapRow): GapRow {
	const [itemId, domain, severity, basis, status, question, note, owner, due, citations] = packed;
	return { itemId, domain, severity, basis, status, question, note, owner, due, citations };
}

/** Each filter is a value or '' for all; an owner of '-' means "no owner yet". */
export interface GapFilter {
	severity: string;
	domain: string;
	status: string;
	owner: string;
}

export function filterGaps(gaps: GapRow[], filter: GapFilter): GapRow[] {
	return gaps.filter(
		(g) =>
			(!filter.severity || g.severity === filter.severity) &&
			(!filter.domain || g.domain === filter.domain) &&
			(!filter.status || g.status === filter.status) &&
			(!filter.owner || (filter.owner === '-' ? !g.owner : g.owner === filter.owner))
	);
}

const SEVERITY_ORDER: Severity[] = ['critical', 'high', 'medium', 'low'];

/** The values the filters offer: only those some gap has, severities most severe first. */
export function gapFilterOptions(gaps: GapRow[]) {
	const present = <T>(pick: (g: GapRow) => T | null) => [
		...new Set(gaps.map(pick).filter((v): v is T => v !== null && v !== ''))
	];
	return {
		severities: SEVERITY_ORDER.filter((s) => gaps.some((g) => g.severity === s)),
		domains: present((g) => g.domain),
		statuses: present((g) => g.status),
		owners: present((g) => g.owner).sort()
	};
}
