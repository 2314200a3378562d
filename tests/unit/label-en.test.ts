import { seedsCorpus } from '../../src/lib/corpus/seeds-corpus';
import { describe, expect, it } from 'vitest';
import { chineseNumeral, englishLabelMatches } from '../../src/lib/corpus/label-en';
import { citeProvision } from '../../src/lib/domain/provision-standing';

const corpus = seedsCorpus();

describe('English provision labels', () => {
	it('writes Chinese numerals as the sources print them', () => {
		expect([1, 10, 14, 20, 31, 65].map(chineseNumeral)).toEqual([
			'一',
			'十',
			'十四',
			'二十',
			'三十一',
			'六十五'
		]);
	});

	it('reads every shape of label back to its Chinese', () => {
		expect(englishLabelMatches('第五十条第三款', 'Article 50(3)')).toBe(true);
		expect(englishLabelMatches('第五十条第三款', 'Article 50(2)')).toBe(false);
		expect(englishLabelMatches('（十四）', '(14)')).toBe(true);
		expect(englishLabelMatches('12．', 'Item 12')).toBe(true);
		expect(englishLabelMatches('二、（二）', 'II(2)')).toBe(true);
		expect(englishLabelMatches('第3段', 'Paragraph 3')).toBe(true);
		expect(englishLabelMatches('（五）第五句', '(5), fifth sentence')).toBe(true);
		expect(englishLabelMatches('序言', 'Article 1')).toBe(false);
	});

	it.each(corpus.provisions.map((p) => [p.id, p.label, p.label_en] as const))(
		'%s: %s reads as %s',
		(_id, label, labelEn) => {
			expect(englishLabelMatches(label, labelEn)).toBe(true);
		}
	);

	it('cites in English by the English title and label', () => {
		const p = corpus.provisions.find((x) => x.id === 'ifcr2024.a50.p3')!;
		expect(citeProvision(p, corpus.sources, 'en')).toMatch(/, Article 50\(3\)$/);
		expect(citeProvision(p, corpus.sources, 'en')).not.toMatch(/[\u4e00-\u9fff]/);
		expect(citeProvision(p, corpus.sources)).toContain('第五十条第三款');
	});
});
