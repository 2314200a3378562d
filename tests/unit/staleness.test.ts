import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/lib/corpus/load';
import { corpusPaths } from '../../src/lib/corpus/paths';
import type { EvidenceFile } from '../../src/lib/domain/evidence';
import { citeProvisions } from '../../src/lib/domain/provision-standing';
import { staleText, staleWarnings, type StaleInput } from '../../src/lib/domain/staleness';
import { packWords } from '../../src/lib/labels/pack-words';
import { firmPack, packFirms } from '../helpers/pack-fixture';

const corpus = loadCorpus(corpusPaths().seedsDir);
const words = packWords();
const cite = (ids: readonly string[], lang: 'zh' | 'en') => citeProvisions(ids, corpus, lang);

function file(over: Partial<EvidenceFile>): EvidenceFile {
	return {
		id: 'f1',
		itemId: 'A-1',
		lineageId: 'l1',
		version: 1,
		fileName: 'policy.pdf',
		contentType: 'application/pdf',
		size: 1,
		sha256: 'a'.repeat(64),
		uploadedBy: null,
		uploaderName: null,
		uploadedAt: new Date('2026-01-01T00:00:00Z'),
		effectiveOn: '2026-01-01',
		expiresOn: null,
		reviewStatus: 'pending',
		reviewedAt: null,
		needsReconfirmation: false,
		...over
	};
}

const provision = (over: Partial<StaleInput['provisions'][number]> & { id: string }) => ({
	status: 'in_force' as const,
	effective_from: '2020-01-01',
	effective_to: null,
	superseded_by: null,
	...over
});

const base: StaleInput = {
	today: '2026-12-02',
	filingDate: '2027-06-30',
	validityMonths: 3,
	items: [
		{ id: 'A-1', provisions: ['old.m1', 'old.m2'] },
		{ id: 'A-2', provisions: ['plan.c1', 'ops.o5'] },
		{ id: 'A-3', provisions: ['reg.a1'] }
	],
	provisions: [
		provision({ id: 'old.m1', status: 'expired', effective_to: '2025-12-31' }),
		provision({ id: 'old.m2', status: 'expired', effective_to: '2025-12-31' }),
		provision({ id: 'plan.c1', effective_to: '2027-03-31' }),
		provision({ id: 'ops.o5', status: 'superseded', superseded_by: 'reg.a1' }),
		provision({ id: 'reg.a1', effective_from: '2024-10-01' })
	],
	answered: [
		{ itemId: 'A-1', on: '2025-11-20' },
		{ itemId: 'A-2', on: '2026-10-10' },
		{ itemId: 'A-3', on: '2026-11-30' }
	],
	evidence: [
		file({ id: 'f1', lineageId: 'l1', fileName: 'licence.pdf', expiresOn: '2026-11-01' }),
		file({ id: 'f2', lineageId: 'l2', fileName: 'audit.pdf', expiresOn: '2027-01-15' }),
		// An older version that expired: its newer one counts.
		file({ id: 'f3', lineageId: 'l3', fileName: 'bcp-v1.pdf', expiresOn: '2026-01-01' }),
		file({ id: 'f4', lineageId: 'l3', version: 2, fileName: 'bcp-v2.pdf', expiresOn: null }),
		// A file of an item out of scope says nothing.
		file({ id: 'f5', lineageId: 'l5', itemId: 'Z-9', expiresOn: '2026-01-01' })
	]
};

describe('stale material', () => {
	it('names what has lapsed and what will by the filing date, gravest first', () => {
		const kinds = staleWarnings(base).map((w) => w.kind);
		expect(kinds).toEqual([
			'provision_lapsed',
			'provision_lapsed',
			'evidence_expired',
			'answers_stale',
			'answers_stale',
			'evidence_lapses',
			'provision_lapses'
		]);
	});

	it('groups expired provisions by date and counts the answers given while they applied', () => {
		const [expired, superseded] = staleWarnings(base);
		expect(expired).toEqual({
			kind: 'provision_lapsed',
			standing: 'expired',
			ids: ['old.m1', 'old.m2'],
			date: '2025-12-31',
			by: null,
			answeredBefore: 1
		});
		// Superseded from the successor's start; A-2 was answered after it, so none before.
		expect(superseded).toMatchObject({
			standing: 'superseded',
			ids: ['ops.o5'],
			by: 'reg.a1',
			date: '2024-10-01',
			answeredBefore: 0
		});
	});

	it('counts an answer stale when older than the window today, or by the filing date', () => {
		const answers = staleWarnings(base).filter((w) => w.kind === 'answers_stale');
		expect(answers).toEqual([
			{ kind: 'answers_stale', when: 'now', count: 1, answeredBy: '2025-11-20', on: '2026-12-02' },
			{
				kind: 'answers_stale',
				when: 'filing',
				count: 2,
				answeredBy: '2026-11-30',
				on: '2027-06-30'
			}
		]);
	});

	it('warns of a filing date that has passed, and then forecasts nothing against it', () => {
		const warnings = staleWarnings({ ...base, filingDate: '2026-11-15' });
		expect(warnings[0]).toEqual({ kind: 'filing_passed', date: '2026-11-15' });
		expect(
			warnings.some((w) => w.kind === 'evidence_lapses' || w.kind === 'provision_lapses')
		).toBe(false);
	});

	it('without a filing date, still warns of what has already lapsed', () => {
		const kinds = staleWarnings({ ...base, filingDate: null }).map((w) => w.kind);
		expect(kinds).toEqual([
			'provision_lapsed',
			'provision_lapsed',
			'evidence_expired',
			'answers_stale'
		]);
	});

	it('says each warning in Chinese and English, every placeholder filled', () => {
		for (const lang of ['zh', 'en'] as const)
			for (const w of staleWarnings(base)) {
				const text = staleText(w, words[lang], lang, cite);
				expect(text).not.toMatch(/\{\w+\}/);
				expect(text.length).toBeGreaterThan(10);
			}
		const [expired] = staleWarnings(base);
		expect(staleText(expired!, words.zh, 'zh', cite)).toContain(
			'old.m1、old.m2 已于 2025-12-31 失效'
		);
		expect(staleText(expired!, words.en, 'en', cite)).toContain('Answers given before that date');
	});

	it('on the real corpus: the expired 14th five-year plan is flagged on the pack of a firm citing it', () => {
		const cited = new Set(corpus.items.flatMap((i) => i.provisions));
		const fyp = corpus.provisions.filter(
			(p) => p.source === 'sh-ifc-14th-fyp-2021' && cited.has(p.id)
		);
		expect(fyp.length).toBeGreaterThan(0);
		const pack = firmPack(corpus, packFirms.bank);
		const warning = pack.front.warnings.find((w) => w.includes('2025-12-31'));
		expect(warning, pack.front.warnings.join('\n')).toBeDefined();
		expect(warning).toContain('失效');
		// Named as a reader finds them, by document and measure number, not by the corpus's ids.
		expect(warning).toContain('上海国际金融中心建设“十四五”规划 ');
		expect(warning).not.toMatch(/fyp2021\./);
	});

	it('names several provisions of one document by its title once, then their labels', () => {
		expect(cite(['fyp2021.m23', 'fyp2021.m24'], 'zh')).toBe(
			'上海国际金融中心建设“十四五”规划 23、24'
		);
		expect(cite(['fyp2021.m23', 'fyp2021.m24'], 'en')).toBe(
			'14th Five-Year Plan for the Shanghai International Financial Centre, Item 23, Item 24'
		);
		expect(cite(['unknown.x'], 'en')).toBe('unknown.x');
	});
});
