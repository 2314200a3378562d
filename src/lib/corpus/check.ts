import fs from 'node:fs';
import path from 'node:path';
import type { Corpus } from '../domain/corpus';

export interface CorpusReport {
	provisionsBySource: Record<string, number>;
	provisionsByAddressee: Record<string, number>;
	itemsByDomain: Record<string, number>;
	itemsBySeverity: Record<string, number>;
	problems: string[];
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
	for (const p of corpus.provisions) {
		const text = sourceText.get(p.source);
		if (text !== undefined && !text.includes(stripWhitespace(p.text_zh))) {
			problems.push(`provision ${p.id}: text_zh is not verbatim in ${p.source}`);
		}
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
		problems
	};
}
