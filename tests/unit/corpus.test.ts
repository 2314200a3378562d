import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import {
	checkCorpus,
	isBindingProvision,
	needsItem,
	obligationCoverage
} from '../../src/lib/corpus/check';
import { idRegistryProblems, readIdRegistry, replacedBy } from '../../src/lib/corpus/id-registry';
import { CorpusError, loadCorpus } from '../../src/lib/corpus/load';
import { corpusPaths } from '../../src/lib/corpus/paths';
import { corpusHash } from '../../src/lib/corpus/version';
import { findReferenceErrors } from '../../src/lib/corpus/references';
import { itemReviews } from '../../src/lib/domain/corpus';

// The repository's own copy of the source documents (seeds/sources), as corpus-check reads them.
const { seedsDir, sourcesDir } = corpusPaths({});
const corpus = loadCorpus(seedsDir);
const sources = new Map(
	corpus.sources.map((s) => [
		s.id,
		fs.readFileSync(path.join(sourcesDir, s.file), 'utf8').replace(/\s+/g, '')
	])
);

describe('the provision corpus', () => {
	it.each(corpus.provisions.map((p) => [p.id, p] as const))(
		'quotes %s verbatim from its source',
		(_id, provision) => {
			expect(sources.get(provision.source)).toContain(provision.text_zh.replace(/\s+/g, ''));
		}
	);

	it('passes corpus-check: every firm-addressed provision has an item, every citation is known', () => {
		expect(checkCorpus(corpus, sourcesDir).problems).toEqual([]);
	});

	it('counts a quote changed by one character as not verbatim', () => {
		const changed = structuredClone(corpus);
		changed.provisions[0]!.text_zh = `${changed.provisions[0]!.text_zh}。`;
		const report = checkCorpus(changed, sourcesDir);
		expect(report.verbatim.matching).toBe(corpus.provisions.length - 1);
		expect(report.verbatim.percent).toBeLessThan(100);
		expect(report.problems).toContain(
			`provision ${changed.provisions[0]!.id}: text_zh is not verbatim in ${changed.provisions[0]!.source}`
		);
	});

	it('covers at least 80 items in at least 12 domains', () => {
		expect(corpus.items.length).toBeGreaterThanOrEqual(80);
		expect(new Set(corpus.items.map((i) => i.domain)).size).toBeGreaterThanOrEqual(12);
	});

	it('holds the key provisions the product is built around', () => {
		const byId = new Map(corpus.provisions.map((p) => [p.id, p]));
		expect(byId.get('ifcr2024.a50.p3')?.text_zh).toContain(
			'经营主体不得在名称、经营范围中使用具有金融属性的字样'
		);
		expect(byId.get('ifcr2024.a50.p3')?.label).toBe('第五十条第三款');
		expect(byId.get('ftap2024.c12')?.text_zh).toContain('监管沙箱');
		for (const id of [
			'ifcr2024.a51.p1',
			'ftap2024.c14',
			'ftap2024.c21',
			'ifo2014.c13',
			'ifo2014.c16'
		]) {
			expect(byId.has(id), id).toBe(true);
		}
	});

	it('never treats the news report as binding', () => {
		const news = corpus.provisions.filter((p) => p.source === 'cm-fintech-pilot-news-2021');
		expect(news.length).toBeGreaterThan(0);
		expect(news.every((p) => p.force === 'context' && !needsItem(p))).toBe(true);
	});

	it('models the naming conflict: the 2024 regulation prevails over the 2014 permission', () => {
		const conflict = corpus.conflicts.find((c) => c.provisions.includes('ifcr2024.a50.p3'));
		expect(conflict?.prevails).toBe('ifcr2024.a50.p3');
		const older = corpus.provisions.find(
			(p) => p.id === conflict?.provisions.find((id) => id !== 'ifcr2024.a50.p3')
		);
		expect(older?.text_zh).toContain('互联网金融');
		expect(older?.status).toBe('superseded');
		expect(older?.superseded_by).toBe('ifcr2024.a50.p3');
	});

	it('gives every critical item its reason and every item a provision', () => {
		for (const item of corpus.items) {
			expect(item.provisions.length, item.id).toBeGreaterThan(0);
			if (item.severity === 'critical') expect(item.severity_reason, item.id).not.toBeNull();
		}
	});
});

describe('the legal basis of items', () => {
	const provisions = new Map(corpus.provisions.map((p) => [p.id, p]));

	it('binds every obligation by a must/must-not provision or a verified national rule', () => {
		for (const item of corpus.items.filter((i) => i.basis === 'obligation')) {
			const bindingProvision = item.provisions.some((id) => {
				const p = provisions.get(id);
				return p !== undefined && isBindingProvision(p);
			});
			const verifiedRule = item.related_rules.some(
				(r) => r.verification === 'verified' && !/(GB|JR)\/T\s?\d/.test(r.title)
			);
			expect(bindingProvision || verifiedRule, item.id).toBe(true);
		}
		expect(obligationCoverage(corpus).unbound).toEqual([]);
	});

	it('gives an article only where it was verified, with the address, excerpt and date', () => {
		for (const item of corpus.items) {
			for (const rule of item.related_rules.filter((r) => r.article !== null)) {
				expect(rule.verification, `${item.id} ${rule.title}`).toBe('verified');
				expect(rule.source?.url, `${item.id} ${rule.title}`).toMatch(/^https?:\/\//);
				expect(rule.source?.excerpt.length, `${item.id} ${rule.title}`).toBeGreaterThan(10);
				expect(rule.source?.checked_on, `${item.id} ${rule.title}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
			}
		}
	});

	it('fails corpus-check for an obligation bound by nothing verified', () => {
		const changed = structuredClone(corpus);
		const item = changed.items.find((i) => i.id === 'LIC-002')!;
		expect(item.basis).toBe('obligation');
		item.provisions = ['ftap2024.c14'];
		item.related_rules = item.related_rules.map((r) => ({
			...r,
			verification: 'unverified' as const,
			article: null,
			source: null
		}));
		expect(checkCorpus(changed, sourcesDir).problems).toContain(
			'item LIC-002: an obligation needs a must/must-not provision or a verified national rule'
		);
	});

	it('fails corpus-check for an article that lacks its recorded source', () => {
		const changed = structuredClone(corpus);
		const rule = changed.items
			.flatMap((i) => i.related_rules)
			.find((r) => r.article !== null && r.source !== null)!;
		rule.source = null;
		expect(checkCorpus(changed, sourcesDir).problems.join('\n')).toMatch(
			/is not verified with url and excerpt/
		);
	});

	it('keeps the corpus README table of items by basis and severity in step with the corpus', () => {
		const readme = fs.readFileSync(path.join(seedsDir, 'README.md'), 'utf8');
		for (const basis of ['obligation', 'entry_condition', 'good_practice'] as const) {
			const row = readme.match(new RegExp(`^\\| ${basis} \\|([^\\n]+)$`, 'm'));
			expect(row, basis).not.toBeNull();
			const figures = row![1]!
				.split('|')
				.map((c) => Number(c.trim()))
				.filter((n) => !isNaN(n));
			const items = corpus.items.filter((i) => i.basis === basis);
			const expected = (['critical', 'high', 'medium', 'low'] as const).map(
				(sev) => items.filter((i) => i.severity === sev).length
			);
			expect(figures.slice(0, 5), basis).toEqual([...expected, items.length]);
		}
	});

	it('states in the corpus README why each critical obligation has no verified article', () => {
		const readme = fs.readFileSync(path.join(seedsDir, 'README.md'), 'utf8');
		for (const id of obligationCoverage(corpus).criticalWithoutVerifiedArticle)
			expect(readme, id).toMatch(new RegExp(`^\\| ${id} \\|`, 'm'));
	});

	it('defines 符合 / 部分符合 / 不符合 for every item, in both languages', () => {
		for (const item of corpus.items) {
			for (const level of ['compliant', 'partial', 'non_compliant'] as const) {
				expect(item.criteria?.[level].zh, `${item.id} ${level}`).toMatch(/\p{Script=Han}/u);
				expect(item.criteria?.[level].en, `${item.id} ${level}`).toMatch(/^[\x20-\x7e’‘“”–—]+$/);
			}
		}
	});
});

describe('ids', () => {
	it('record what replaced each merged or split item', () => {
		const registry = readIdRegistry(seedsDir)!;
		expect(replacedBy(registry, 'IFR-003')).toEqual(['FND-002']);
		expect(replacedBy(registry, 'SBX-005')).toEqual(['SBX-008', 'RSK-003', 'CMP-005']);
		expect(replacedBy(registry, 'ISR-002')).toHaveLength(9);
		expect(replacedBy(registry, 'LIC-001')).toEqual([]);
	});

	it('are unique', () => {
		const ids = [...corpus.provisions.map((p) => p.id), ...corpus.items.map((i) => i.id)];
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('are stable: every id ever issued is still here or retired, and none is reused', () => {
		expect(idRegistryProblems(corpus, readIdRegistry(seedsDir))).toEqual([]);
	});

	it('flag an item that vanished without being retired', () => {
		const registry = readIdRegistry(seedsDir)!;
		const withoutFirst = { ...corpus, items: corpus.items.slice(1) };
		expect(idRegistryProblems(withoutFirst, registry)).toEqual([
			`items id ${corpus.items[0]!.id} disappeared: mark it "retired" in seeds/id-registry.json`
		]);
	});
});

describe('the review record', () => {
	it('names who reviewed every item, when, and whether it was a legal review', () => {
		for (const item of corpus.items) {
			const reviews = itemReviews(corpus, item.id);
			expect(reviews.length, item.id).toBeGreaterThan(0);
			expect(reviews[0]!.by.zh, item.id).toMatch(/\p{Script=Han}/u);
			expect(reviews[0]!.on, item.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		}
		// Nobody claims a lawyer's review that was not made.
		expect(corpus.reviews!.filter((r) => r.kind === 'legal')).toEqual([]);
	});

	it('lists an item’s reviews latest first, and refuses a review of an unknown item', () => {
		const reviews = [
			{ ...corpus.reviews![0]!, on: '2026-01-01', items: ['LIC-001'] },
			{ ...corpus.reviews![0]!, on: '2026-06-01', items: 'all' as const }
		];
		expect(itemReviews({ reviews }, 'LIC-001').map((r) => r.on)).toEqual([
			'2026-06-01',
			'2026-01-01'
		]);
		expect(itemReviews({ reviews }, 'LIC-002').map((r) => r.on)).toEqual(['2026-06-01']);
		expect(
			findReferenceErrors({ ...corpus, reviews: [{ ...reviews[0]!, items: ['LIC-998'] }] })
		).toContain('review 1 (2026-01-01): unknown item LIC-998');
	});
});

describe('questionnaire versions', () => {
	it('hash the content: the same corpus gives the same version, any change a new one', () => {
		expect(corpusHash(loadCorpus(seedsDir))).toBe(corpusHash(corpus));
		const changed = structuredClone(corpus);
		changed.items[0]!.question.en += ' ';
		expect(corpusHash(changed)).not.toBe(corpusHash(corpus));
	});
});

describe('invalid seed files', () => {
	function brokenSeeds(edit: (dir: string) => void): string {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seeds-'));
		fs.cpSync(seedsDir, dir, { recursive: true });
		edit(dir);
		return dir;
	}

	function editFirstItem(dir: string, edit: (item: Record<string, unknown>) => void): void {
		const file = path.join(dir, 'items', 'licensing.yaml');
		const items = parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>[];
		edit(items[0]!);
		fs.writeFileSync(file, stringify(items));
	}

	it('name the file, the entry and the field', () => {
		const dir = brokenSeeds((d) => editFirstItem(d, (item) => (item.severity = 'urgent')));
		// One load: the corpus is large enough that loading it twice is slow on a busy machine.
		let caught: unknown = null;
		try {
			loadCorpus(dir);
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(CorpusError);
		expect((caught as CorpusError).problems[0]).toMatch(
			/^seeds\/items\/licensing\.yaml: entry LIC-\d{3} \(#1\): severity: /
		);
	});

	it('report a citation of an unknown provision', () => {
		const dir = brokenSeeds((d) =>
			editFirstItem(
				d,
				(item) => (item.provisions = ['nosuch.a1', ...(item.provisions as string[])])
			)
		);
		expect(() => loadCorpus(dir)).toThrow(
			/item LIC-\d{3}: provisions: unknown provision nosuch\.a1/
		);
	});

	it('report YAML that does not parse', () => {
		const dir = brokenSeeds((d) =>
			fs.writeFileSync(path.join(d, 'domains.yaml'), '- { id: x, prefix: [\n')
		);
		expect(() => loadCorpus(dir)).toThrow(/seeds\/domains\.yaml: /);
	});
});
