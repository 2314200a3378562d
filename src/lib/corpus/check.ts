import fs from 'node:fs';
import path from 'node:path';
import type { Corpus } from '../domain/corpus';
import { englishLabelMatches } from './label-en';

export interface CorpusReport {
	provisionsBySource: Record<string, number>;
	provisionsByAddressee: Record<string, number>;
	itemsByDomain: Record<string, number>;
	itemsBySeverity: Record<string, number>;
	/** Items by basis, and by basis × severity ("obligation/critical"). */
	itemsByBasis: Record<string, number>;
	itemsByBasisAndSeverity: Record<string, number>;
	/** Quotes found word for word in their source (whitespace aside): 100% or corpus-check fails. */
	verbatim: { quotes: number; matching: number; percent: number };
	/** How each obligation item is bound: by a must/must-not provision or a verified national rule. */
	obligations: ObligationCoverage;
	problems: string[];
}

export interface ObligationCoverage {
	total: number;
	/** Cite an in-force must/must-not provision addressed to firms. */
	withBindingProvision: number;
	/** Point to a national rule whose title and issuer are verified. */
	withVerifiedRule: number;
	/** Point to a national rule whose article is verified (url, excerpt and date recorded). */
	withVerifiedArticle: number;
	/** Critical obligations without a verified article, by id. */
	criticalWithoutVerifiedArticle: string[];
	/** Obligations with neither a binding provision nor a verified rule, by id. */
	unbound: string[];
}

type Item = Corpus['items'][number];
type Provision = Corpus['provisions'][number];

/** A provision that itself binds firms: must or must-not, in force, addressed to someone other than government. */
export function isBindingProvision(p: Provision): boolean {
	return (
		(p.force === 'must' || p.force === 'must_not') &&
		p.status === 'in_force' &&
		p.addressee.some((a) => a !== 'government')
	);
}

/** A recommended national or industry standard (GB/T, JR/T) guides; it does not bind. */
export const isStandard = (rule: Item['related_rules'][number]) =>
	/(GB|JR)\/T\s?\d/.test(rule.title);

/** A law, regulation, rule or binding notice whose title and issuer were checked. */
export const hasVerifiedRule = (item: Item) =>
	item.related_rules.some((r) => r.verification === 'verified' && !isStandard(r));

export const hasVerifiedArticle = (item: Item) =>
	item.related_rules.some(
		(r) =>
			r.verification === 'verified' && !isStandard(r) && r.article !== null && r.source !== null
	);

export function obligationCoverage(corpus: Corpus): ObligationCoverage {
	const provisions = new Map(corpus.provisions.map((p) => [p.id, p]));
	const obligations = corpus.items.filter((i) => i.basis === 'obligation');
	const bindingProvision = (i: Item) =>
		i.provisions.some((id) => {
			const p = provisions.get(id);
			return p !== undefined && isBindingProvision(p);
		});
	return {
		total: obligations.length,
		withBindingProvision: obligations.filter(bindingProvision).length,
		withVerifiedRule: obligations.filter(hasVerifiedRule).length,
		withVerifiedArticle: obligations.filter(hasVerifiedArticle).length,
		criticalWithoutVerifiedArticle: obligations
			.filter((i) => i.severity === 'critical' && !hasVerifiedArticle(i))
			.map((i) => i.id),
		unbound: obligations.filter((i) => !bindingProvision(i) && !hasVerifiedRule(i)).map((i) => i.id)
	};
}

const stripWhitespace = (s: string) => s.replace(/\s+/g, '');

/** A provision firms must act on: not government-only, not mere context. */
export function needsItem(p: Corpus['provisions'][number]): boolean {
	return (
		p.force !== 'context' &&
		p.addressee.some((a) => a !== 'government') &&
		p.status !== 'superseded'
	);
}

export function checkCorpus(corpus: Corpus, sourcesDir: string): CorpusReport {
	const problems: string[] = [];
	const sourceText = new Map<string, string>();
	for (const source of corpus.sources) {
		const file = path.join(sourcesDir, source.file);
		if (!fs.existsSync(file)) {
			problems.push(`source ${source.id}: file ${file} not found`);
			continue;
		}
		sourceText.set(source.id, stripWhitespace(fs.readFileSync(file, 'utf8')));
	}
	let matching = 0;
	for (const p of corpus.provisions) {
		const text = sourceText.get(p.source);
		// A missing source file is reported above; its quotes count as not matching.
		if (text === undefined) continue;
		if (text.includes(stripWhitespace(p.text_zh))) matching += 1;
		else problems.push(`provision ${p.id}: text_zh is not verbatim in ${p.source}`);
		if (!englishLabelMatches(p.label, p.label_en))
			problems.push(`provision ${p.id}: label_en ${p.label_en} does not read as ${p.label}`);
		if (p.source === 'cm-fintech-pilot-news-2021' && p.force !== 'context') {
			problems.push(`provision ${p.id}: a news report is context, never binding`);
		}
	}
	const tested = new Set(corpus.items.flatMap((i) => i.provisions));
	for (const p of corpus.provisions) {
		if (needsItem(p) && !tested.has(p.id))
			problems.push(`provision ${p.id}: addressed to firms but no item tests it`);
	}
	const provisions = new Map(corpus.provisions.map((p) => [p.id, p]));
	for (const item of corpus.items) {
		const cited = item.provisions.map((id) => provisions.get(id)).filter((p) => p !== undefined);
		if (cited.length > 0 && cited.every((p) => p.source === 'cm-fintech-pilot-news-2021')) {
			problems.push(
				`item ${item.id}: cites only a news report; it needs a provision from a policy or law`
			);
		}
	}
	for (const item of corpus.items) {
		for (const rule of item.related_rules) {
			if (rule.article !== null && (rule.source === null || rule.verification !== 'verified'))
				problems.push(
					`item ${item.id}: ${rule.title} ${rule.article} is not verified with url and excerpt`
				);
		}
	}
	const coverage = obligationCoverage(corpus);
	for (const id of coverage.unbound) {
		problems.push(
			`item ${id}: an obligation needs a must/must-not provision or a verified national rule`
		);
	}
	const count = <T>(xs: T[], key: (x: T) => string[]) => {
		const out: Record<string, number> = {};
		for (const x of xs) for (const k of key(x)) out[k] = (out[k] ?? 0) + 1;
		return out;
	};
	return {
		provisionsBySource: count(corpus.provisions, (p) => [p.source]),
		provisionsByAddressee: count(corpus.provisions, (p) => p.addressee),
		itemsByDomain: count(corpus.items, (i) => [i.domain]),
		itemsBySeverity: count(corpus.items, (i) => [i.severity]),
		itemsByBasis: count(corpus.items, (i) => [i.basis]),
		itemsByBasisAndSeverity: count(corpus.items, (i) => [`${i.basis}/${i.severity}`]),
		verbatim: {
			quotes: corpus.provisions.length,
			matching,
			percent:
				corpus.provisions.length === 0
					? 100
					: Math.floor((1000 * matching) / corpus.provisions.length) / 10
		},
		obligations: coverage,
		problems
	};
}
