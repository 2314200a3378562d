import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../corpus/load';
import {
	buildProvisionIndex,
	rankProvisions,
	searchTerms,
	SEARCH_MAX_TERMS
} from './library-search';

const corpus = loadCorpus('seeds');
const topicNames: Record<string, string[]> = {
	personal_information: ['个人信息保护', 'personal information protection'],
	cross_border_data: ['数据出境', 'cross-border data']
};
const index = buildProvisionIndex(corpus.provisions, (t) => topicNames[t] ?? []);
const find = (q: string) => rankProvisions(corpus.provisions, corpus.sources, index.search(q));
const binding = new Set(corpus.sources.filter((s) => s.binding).map((s) => s.id));

describe('library search', () => {
	it('cuts Chinese into words and drops punctuation', () => {
		expect(searchTerms('个人信息，保护')).toEqual(['个人', '信息', '保护']);
		expect(searchTerms('Article 50(3)')).toEqual(['article', '50', '3']);
	});

	it('finds by topic in Chinese at least what the topic filter finds', () => {
		const byTopic = corpus.provisions.filter((p) => p.topics.includes('personal_information'));
		expect(byTopic.length).toBeGreaterThan(0);
		const found = find('个人信息').map((p) => p.id);
		for (const p of byTopic) expect(found).toContain(p.id);
	});

	it('finds by words in the English summary, and by a word of the Chinese text', () => {
		const sample = corpus.provisions.find((p) => /\bsandbox\b/i.test(p.summary_en))!;
		expect(find('sandbox').map((p) => p.id)).toContain(sample.id);
		expect(find('监管沙箱').length).toBeGreaterThan(0);
		expect(find('no-such-word-anywhere')).toEqual([]);
	});

	it('ranks binding provisions in force before everything else', () => {
		const found = find('金融');
		const firstOther = found.findIndex(
			(p) =>
				!(
					binding.has(p.source) &&
					['must', 'must_not'].includes(p.force) &&
					p.status === 'in_force'
				)
		);
		expect(firstOther).toBeGreaterThan(0);
		expect(
			found
				.slice(firstOther)
				.some(
					(p) =>
						binding.has(p.source) &&
						['must', 'must_not'].includes(p.force) &&
						p.status === 'in_force'
				)
		).toBe(false);
	});

	it('opens the unsearched list with the binding regulation, each source in its own order', () => {
		const list = rankProvisions(corpus.provisions, corpus.sources, null);
		expect(binding.has(list[0]!.source)).toBe(true);
		const ofFirst = list.filter((p) => p.source === list[0]!.source).map((p) => p.id);
		expect(ofFirst).toEqual(
			corpus.provisions.filter((p) => p.source === list[0]!.source).map((p) => p.id)
		);
	});

	it('reads a bounded number of words of a long query', () => {
		const long = Array.from({ length: 50 }, (_, i) => `word${i}`).join(' ');
		expect(searchTerms(long).length).toBe(50);
		expect(() => index.search(long)).not.toThrow();
		expect(SEARCH_MAX_TERMS).toBeLessThan(50);
	});
});
