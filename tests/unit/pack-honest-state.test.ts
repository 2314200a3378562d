import { seedsCorpus } from '../../src/lib/corpus/seeds-corpus';
import { describe, expect, it } from 'vitest';
import { firmPack, packAnswers, packFirms } from '../helpers/pack-fixture';

/*
 * The filing pack says no more than the gap report: no score while the verdict is "not yet
 * assessed", and a planned filing date already past is said to be past, never "within" anything.
 */

const corpus = seedsCorpus();
const statements = (pack: ReturnType<typeof firmPack>) =>
	pack.sections.flatMap((s) => s.statements.map((st) => st.text ?? ''));

describe('the filing pack, honest about its state', () => {
	it('gives no score while too few answers make a verdict', () => {
		const firm = packFirms.techProduct;
		const few = packAnswers(corpus, firm.profile).slice(0, 2);
		for (const edition of ['full', 'public'] as const) {
			const verdict = statements(firmPack(corpus, firm, { answers: few, edition })).find((t) =>
				t.startsWith('暂不评定')
			);
			expect(verdict, edition).toBeDefined();
			expect(verdict).not.toMatch(/得分|%/);
		}
		// With every answer there is a verdict, and its score.
		const full = statements(firmPack(corpus, firm));
		expect(full.some((t) => /得分 \d+%/.test(t))).toBe(true);
	});

	it('says a planned filing date already past is past, in both editions', () => {
		const firm = packFirms.techProduct;
		for (const edition of ['full', 'public'] as const) {
			const pack = firmPack(corpus, firm, {
				edition,
				input: { ...firm.input, planned_filing_date: '2026-06-01' }
			});
			const readiness = pack.front.readiness.join('\n');
			expect(readiness, edition).toContain('2026-06-01');
			expect(readiness, edition).toContain('已过');
			expect(readiness, edition).not.toContain('在有效期内');
		}
	});
});
