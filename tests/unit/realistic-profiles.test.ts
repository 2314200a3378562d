import { seedsCorpus } from '../../src/lib/corpus/seeds-corpus';
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../src/lib/domain/profile';
import { profileContradictions } from '../../src/lib/domain/profile-checks';
import { evaluateAssessment } from '../../src/lib/domain/result';
import type { Answer, AnswerStatus, Verdict } from '../../src/lib/domain/scoring';

const corpus = seedsCorpus();

interface Case {
	name: string;
	profile: Profile;
	/** Items that must be asked of this firm. */
	inScope: string[];
	/** Items whose rule does not reach this firm. */
	outOfScope: string[];
	/** One honest gap: the item, the answer, and the verdict it leads to. */
	gap: { item: string; status: AnswerStatus; verdict: Verdict };
	/** Restricted words found in the name and scope: [term, licensed]. */
	findings: [string, boolean][];
}

const none = {
	cross_border_data: false,
	elderly_customers: false,
	ftz_lingang: false,
	ciio: false
};

const cases: Case[] = [
	{
		name: 'a bank’s wealth-management subsidiary',
		profile: {
			...none,
			org_type: 'licensed_institution',
			registered_name: '浦银理财有限责任公司',
			business_scope: '面向不特定社会公众公开发行理财产品；理财顾问和咨询服务',
			licences: ['banking'],
			business_lines: ['wealth_management'],
			personal_information: '1m_to_10m',
			personal_information_role: 'controller',
			client_funds: true,
			retail_customers: true,
			elderly_customers: true,
			target_sandbox: 'pboc_licensed_alone'
		},
		inScope: [
			'LIC-001',
			'LIC-003',
			'SUI-001',
			'SUI-003',
			'CMP-001',
			'FND-001',
			'AML-001',
			'PII-005',
			'SBX-003',
			'INC-003'
		],
		outOfScope: ['LIC-002', 'LIC-004', 'SBX-001', 'SBX-002', 'CBD-001'],
		gap: { item: 'SUI-003', status: 'non_compliant', verdict: 'ready_with_conditions' },
		findings: [['理财', true]]
	},
	{
		name: 'an unlicensed wealth app',
		profile: {
			...none,
			org_type: 'tech_company',
			registered_name: '上海浦江财富管理科技有限公司',
			business_scope: '软件开发；信息技术咨询服务',
			licences: [],
			business_lines: ['wealth_management', 'robo_advice'],
			personal_information: '100k_to_1m',
			personal_information_role: 'controller',
			client_funds: true,
			retail_customers: true,
			target_sandbox: 'none'
		},
		inScope: [
			'LIC-002',
			'LIC-004',
			'FND-001',
			'SUI-001',
			'SUI-005',
			'ETH-006',
			'NAM-001',
			'PII-001'
		],
		outOfScope: ['LIC-003', 'SBX-003', 'CMP-005', 'PII-005'],
		gap: { item: 'LIC-002', status: 'non_compliant', verdict: 'not_ready' },
		findings: [['财富管理', false]]
	},
	{
		name: 'a payment institution',
		profile: {
			...none,
			org_type: 'licensed_institution',
			registered_name: '上海浦江支付服务有限公司',
			business_scope: '非银行支付业务（依法须经批准的项目，经相关部门批准后方可开展经营活动）',
			licences: ['payment'],
			business_lines: ['payments'],
			personal_information: '1m_to_10m',
			personal_information_role: 'controller',
			cross_border_data: true,
			client_funds: true,
			retail_customers: true,
			target_sandbox: 'none'
		},
		inScope: [
			'FND-005',
			'FND-001',
			'AML-001',
			'AML-003',
			'CBD-001',
			'CBD-004',
			'CMP-001',
			'PII-005'
		],
		outOfScope: ['LIC-002', 'SUI-001', 'SBX-003', 'CBD-007'],
		gap: { item: 'AML-003', status: 'non_compliant', verdict: 'ready_with_conditions' },
		findings: [['支付', true]]
	},
	{
		name: 'a technology vendor to banks (no retail customers, no personal data)',
		profile: {
			...none,
			org_type: 'tech_company',
			registered_name: '上海浦江信息科技有限公司',
			business_scope:
				'从事信息科技领域内的技术开发、技术服务；接受金融机构委托从事信息技术和流程外包服务（不含金融信息服务）',
			licences: [],
			business_lines: ['tech_services'],
			personal_information: 'none',
			client_funds: false,
			retail_customers: false,
			target_sandbox: 'none'
		},
		inScope: ['LIC-002', 'OUT-006', 'AML-007', 'ISR-001', 'ISR-003', 'DSC-001', 'NAM-001'],
		outOfScope: [
			'CMP-001',
			'CMP-002',
			'CMP-003',
			'CMP-006',
			'CPG-006',
			'PII-001',
			'FND-001',
			'AML-001'
		],
		gap: { item: 'ISR-001', status: 'non_compliant', verdict: 'ready_with_conditions' },
		findings: []
	},
	{
		name: 'a data firm in Lingang',
		profile: {
			...none,
			org_type: 'tech_company',
			registered_name: '上海临港浦江数据科技有限公司',
			business_scope: '数据处理服务；人工智能应用软件开发；金融信息技术外包',
			licences: [],
			business_lines: ['tech_services', 'ai_models'],
			personal_information: '1m_to_10m',
			personal_information_role: 'controller',
			cross_border_data: true,
			ftz_lingang: true,
			client_funds: false,
			retail_customers: false,
			target_sandbox: 'none'
		},
		inScope: [
			'CBD-001',
			'CBD-002',
			'CBD-004',
			'CBD-007',
			'PII-001',
			'PII-005',
			'ETH-008',
			'DSC-003'
		],
		outOfScope: ['CMP-001', 'ETH-002', 'FND-001', 'SUI-001'],
		gap: { item: 'CBD-004', status: 'non_compliant', verdict: 'not_ready' },
		findings: []
	},
	{
		name: 'a microcredit company',
		profile: {
			...none,
			org_type: 'local_financial_org',
			registered_name: '上海市浦东新区浦江小额贷款股份有限公司',
			business_scope: '发放贷款及相关咨询活动',
			licences: ['microcredit'],
			business_lines: ['lending'],
			personal_information: '100k_to_1m',
			personal_information_role: 'controller',
			client_funds: false,
			retail_customers: true,
			target_sandbox: 'none'
		},
		inScope: ['LIC-003', 'AML-001', 'CMP-001', 'OUT-009', 'INC-006', 'OUT-004', 'PII-001'],
		outOfScope: ['LIC-002', 'LIC-004', 'FND-001', 'SBX-001'],
		gap: { item: 'OUT-009', status: 'non_compliant', verdict: 'ready_with_conditions' },
		findings: [['贷款', true]]
	},
	{
		name: 'a loan facilitator applying jointly with a licensed bank',
		profile: {
			...none,
			org_type: 'tech_company',
			registered_name: '上海浦江数字科技有限公司',
			business_scope: '软件开发；信息技术咨询服务；数据处理服务',
			licences: ['value_added_telecom'],
			business_lines: ['lending', 'tech_services'],
			personal_information: '1m_to_10m',
			personal_information_role: 'controller',
			client_funds: false,
			retail_customers: true,
			target_sandbox: 'pboc_joint'
		},
		inScope: ['LIC-002', 'LIC-004', 'LIC-006', 'SBX-001', 'ETH-004', 'OUT-007', 'CMP-005'],
		outOfScope: ['LIC-003', 'FND-001', 'SBX-002'],
		gap: { item: 'LIC-006', status: 'non_compliant', verdict: 'not_ready' },
		findings: []
	}
];

const answer = (itemId: string, status: AnswerStatus): Answer => ({
	itemId,
	status,
	note: '',
	evidence: [],
	owner: null,
	due: null
});

describe.each(cases)('$name', (c) => {
	const evaluate = (answers: Answer[]) =>
		evaluateAssessment(corpus, 'x', c.profile, answers).result;
	const applicable = evaluate([]).applicable;

	it('is a consistent profile', () => {
		expect(profileContradictions(c.profile)).toEqual([]);
	});

	it('is asked the items whose rule reaches it, and not the others', () => {
		for (const id of c.inScope) expect(applicable, `${id} in scope`).toContain(id);
		for (const id of c.outOfScope) expect(applicable, `${id} out of scope`).not.toContain(id);
	});

	it('gives no verdict before it has answered', () => {
		expect(evaluate([]).verdict).toBe('not_assessed');
	});

	it('is ready when it complies with everything asked', () => {
		const result = evaluate(applicable.map((id) => answer(id, 'compliant')));
		expect(result.verdict).toBe('ready');
		expect(result.gaps).toEqual([]);
	});

	it('gets the verdict its one honest gap deserves', () => {
		const result = evaluate(
			applicable.map((id) => answer(id, id === c.gap.item ? c.gap.status : 'compliant'))
		);
		expect(result.gaps.map((g) => g.item_id)).toEqual([c.gap.item]);
		expect(result.verdict).toBe(c.gap.verdict);
	});

	it('finds the restricted words in its name and scope as a registration officer would', () => {
		expect(evaluate([]).findings.map((f) => [f.term, f.licensed])).toEqual(c.findings);
	});
});

describe('good practice', () => {
	it('never makes a firm “not ready”, whatever it answers', () => {
		const c = cases[1]!;
		const result = evaluateAssessment(corpus, 'x', c.profile, []).result;
		const items = new Map(corpus.items.map((i) => [i.id, i]));
		const answers = result.applicable.map((id) =>
			answer(id, items.get(id)!.basis === 'good_practice' ? 'non_compliant' : 'compliant')
		);
		const scored = evaluateAssessment(corpus, 'x', c.profile, answers).result;
		expect(scored.verdict).toBe('ready');
		expect(scored.gaps).toEqual([]);
		expect(scored.good_practice.items.length).toBe(
			result.applicable.filter((id) => items.get(id)!.basis === 'good_practice').length
		);
	});
});

describe('an entrusted processor', () => {
	it('is not asked the controller’s duties, but is asked to keep the data safe', () => {
		const vendor = {
			...cases[3]!.profile,
			personal_information: 'under_100k',
			personal_information_role: 'entrusted_processor'
		};
		const applicable = evaluateAssessment(corpus, 'x', vendor, []).result.applicable;
		for (const id of ['PII-001', 'PII-002', 'PII-004', 'PII-006'])
			expect(applicable).not.toContain(id);
		for (const id of ['PII-003', 'PII-007']) expect(applicable).toContain(id);
	});
});

describe('a critical information infrastructure operator', () => {
	const payment = cases[2]!.profile;
	const scope = (ciio: boolean) =>
		evaluateAssessment(corpus, 'x', { ...payment, ciio }, []).result.applicable;

	it('is asked the operator’s duties, and only when designated', () => {
		for (const id of ['ISR-018', 'ISR-019']) {
			expect(scope(true)).toContain(id);
			expect(scope(false)).not.toContain(id);
		}
	});

	it('exports personal information by security assessment only: the standard-contract item does not apply', () => {
		expect(scope(false)).toContain('CBD-004');
		expect(scope(true)).not.toContain('CBD-004');
		expect(scope(true)).toContain('CBD-002');
	});

	it('rests each operator duty on a verified article of the State Council regulation', () => {
		for (const id of ['ISR-018', 'ISR-019']) {
			const item = corpus.items.find((i) => i.id === id)!;
			expect(item.basis).toBe('obligation');
			expect(item.related_rules[0]).toMatchObject({
				title: '关键信息基础设施安全保护条例',
				verification: 'verified'
			});
			expect(item.related_rules[0]!.source?.excerpt).toContain(item.related_rules[0]!.article!);
		}
	});
});
