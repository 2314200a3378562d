import { describe, expect, it } from 'vitest';
import type { Domain, Item, Provision } from './corpus';
import {
	filterItems,
	filterProvisions,
	groupItemsByDomain,
	listTopics,
	paginate,
	type ProvisionFilter
} from './library-filter';
import { citeProvision, provisionStanding } from './provision-standing';

const provision = (over: Partial<Provision> & Pick<Provision, 'id' | 'source'>): Provision => ({
	label: '第一条',
	label_en: 'Article 1',
	section: '',
	text_zh: '',
	summary_en: '',
	addressee: ['fintech_firms'],
	force: 'must',
	topics: [],
	status: 'in_force',
	effective_from: '2024-10-01',
	effective_to: null,
	superseded_by: null,
	...over
});

const provisions: Provision[] = [
	provision({
		id: 'ifcr2024.a50.p3',
		source: 'reg',
		label: '第五十条第三款',
		text_zh: '经营主体不得在名称、经营范围中使用具有金融属性的字样。',
		summary_en: 'No financial words in business names.',
		force: 'must_not',
		addressee: ['all_businesses'],
		topics: ['naming', 'licensing']
	}),
	provision({
		id: 'ftap2024.c12',
		source: 'plan',
		text_zh: '探索更加灵活的金融科技“监管沙箱”机制。',
		summary_en: 'A more flexible regulatory SANDBOX.',
		force: 'encouraged',
		topics: ['sandbox']
	}),
	provision({
		id: 'ifo2014.c05.s5',
		source: 'opinions',
		status: 'superseded',
		force: 'permitted',
		effective_to: '2024-09-30',
		superseded_by: 'ifcr2024.a50.p3',
		topics: ['naming']
	}),
	provision({ id: 'fyp2021.m01', source: 'fyp', status: 'expired', effective_to: '2025-12-31' })
];

const none: ProvisionFilter = {
	q: null,
	source: null,
	topic: null,
	force: null,
	addressee: null,
	status: null
};
const ids = (list: { id: string }[]) => list.map((x) => x.id);

describe('filterProvisions', () => {
	it('returns everything without filters', () => {
		expect(filterProvisions(provisions, none)).toHaveLength(4);
	});

	it('searches id, label, Chinese text and English summary, ignoring case', () => {
		expect(ids(filterProvisions(provisions, { ...none, q: '监管沙箱' }))).toEqual(['ftap2024.c12']);
		expect(ids(filterProvisions(provisions, { ...none, q: 'sandbox' }))).toEqual(['ftap2024.c12']);
		expect(ids(filterProvisions(provisions, { ...none, q: ' IFCR2024 ' }))).toEqual([
			'ifcr2024.a50.p3'
		]);
		expect(ids(filterProvisions(provisions, { ...none, q: '第五十条' }))).toEqual([
			'ifcr2024.a50.p3'
		]);
	});

	it('combines source, topic, force, addressee and status', () => {
		expect(ids(filterProvisions(provisions, { ...none, topic: 'naming' }))).toEqual([
			'ifcr2024.a50.p3',
			'ifo2014.c05.s5'
		]);
		expect(
			ids(filterProvisions(provisions, { ...none, topic: 'naming', status: 'in_force' }))
		).toEqual(['ifcr2024.a50.p3']);
		expect(ids(filterProvisions(provisions, { ...none, source: 'plan' }))).toEqual([
			'ftap2024.c12'
		]);
		expect(ids(filterProvisions(provisions, { ...none, force: 'must_not' }))).toEqual([
			'ifcr2024.a50.p3'
		]);
		expect(ids(filterProvisions(provisions, { ...none, addressee: 'all_businesses' }))).toEqual([
			'ifcr2024.a50.p3'
		]);
	});
});

const item = (id: string, domain: string, cites: string[], over: Partial<Item> = {}): Item => ({
	id,
	domain,
	question: { zh: `问题 ${id}`, en: `Question ${id}` },
	guidance: { zh: '', en: '' },
	answer_scale: 'compliance',
	basis: 'obligation',
	severity: 'medium',
	severity_reason: null,
	criteria: null,
	never_na: false,
	applies_when: 'always',
	provisions: cites,
	related_rules: [],
	remediation: { zh: '', en: '' },
	evidence_examples: { zh: [], en: [] },
	...over
});

const items = [
	item('NAM-001', 'naming', ['ifcr2024.a50.p3'], {
		severity: 'critical',
		question: { zh: '名称是否不含金融字样？', en: 'Is the name free of financial words?' }
	}),
	item('SBX-001', 'sandbox', ['ftap2024.c12']),
	item('NAM-002', 'naming', ['ifo2014.c05.s5', 'ftap2024.c12'])
];
const domains: Domain[] = [
	{ id: 'sandbox', prefix: 'SBX', zh: '沙箱', en: 'Sandbox' },
	{ id: 'naming', prefix: 'NAM', zh: '名称', en: 'Naming' },
	{ id: 'esg', prefix: 'ESG', zh: 'ESG', en: 'ESG' }
];
const noItemFilter = { q: null, domain: null, severity: null, source: null };

describe('filterItems', () => {
	it('keeps items citing a provision of the chosen source', () => {
		expect(ids(filterItems(items, provisions, { ...noItemFilter, source: 'plan' }))).toEqual([
			'SBX-001',
			'NAM-002'
		]);
		expect(ids(filterItems(items, provisions, { ...noItemFilter, source: 'fyp' }))).toEqual([]);
	});

	it('filters by domain and severity and searches the question in both languages', () => {
		expect(
			ids(
				filterItems(items, provisions, { ...noItemFilter, domain: 'naming', severity: 'critical' })
			)
		).toEqual(['NAM-001']);
		expect(ids(filterItems(items, provisions, { ...noItemFilter, q: 'FINANCIAL words' }))).toEqual([
			'NAM-001'
		]);
		expect(ids(filterItems(items, provisions, { ...noItemFilter, q: '金融字样' }))).toEqual([
			'NAM-001'
		]);
		expect(ids(filterItems(items, provisions, { ...noItemFilter, q: 'sbx-' }))).toEqual([
			'SBX-001'
		]);
	});
});

describe('groupItemsByDomain', () => {
	it('follows the domain order and leaves out empty domains', () => {
		const groups = groupItemsByDomain(items, domains);
		expect(groups.map((g) => [g.domain.id, ids(g.items)])).toEqual([
			['sandbox', ['SBX-001']],
			['naming', ['NAM-001', 'NAM-002']]
		]);
	});
});

describe('provision facts', () => {
	it('lists each topic once, sorted', () => {
		expect(listTopics(provisions)).toEqual(['licensing', 'naming', 'sandbox']);
	});

	it('tells in force, superseded from the successor’s start, and expired', () => {
		const [current, , superseded, expired] = provisions as [
			Provision,
			Provision,
			Provision,
			Provision
		];
		expect(provisionStanding(current, provisions)).toEqual({ kind: 'in_force' });
		expect(provisionStanding(superseded, provisions)).toEqual({
			kind: 'superseded',
			by: 'ifcr2024.a50.p3',
			from: '2024-10-01'
		});
		expect(provisionStanding(expired, provisions)).toEqual({ kind: 'expired', on: '2025-12-31' });
	});

	it('cites a provision by the source’s Chinese title and the article label', () => {
		const sources = [
			{
				id: 'reg',
				file: '',
				title_zh: '上海市推进国际金融中心建设条例',
				title_en: '',
				issuer_zh: '',
				issuer_en: '',
				kind: 'local_regulation' as const,
				binding: true,
				issued_on: '2024-08-22',
				effective_from: null,
				effective_to: null,
				note_en: ''
			}
		];
		expect(citeProvision(provisions[0] as Provision, sources)).toBe(
			'上海市推进国际金融中心建设条例 第五十条第三款'
		);
	});
});

describe('paginate', () => {
	const rows = Array.from({ length: 5 }, (_, i) => i + 1);

	it('cuts a list into pages and counts them', () => {
		expect(paginate(rows, 2, 2)).toEqual({ rows: [3, 4], page: 2, pages: 3, total: 5 });
	});

	it('shows the last page for a page past the end, and one empty page for no rows', () => {
		expect(paginate(rows, 9, 2).page).toBe(3);
		expect(paginate([], 1, 2)).toEqual({ rows: [], page: 1, pages: 1, total: 0 });
	});
});
