import { describe, expect, it } from 'vitest';
import type { ProfileQuestion } from './corpus';
import { describeRule } from './describe-rule';

const question = (
	id: string,
	kind: ProfileQuestion['kind'],
	zh: string,
	en: string,
	options: [string, string, string][] = []
): ProfileQuestion => ({
	id,
	kind,
	required: true,
	label: { zh, en },
	help: { zh: '', en: '' },
	options: options.map(([value, optZh, optEn]) => ({ value, label: { zh: optZh, en: optEn } }))
});

const questions: ProfileQuestion[] = [
	question('business_lines', 'multi', '业务条线', 'Business lines', [
		['payments', '支付结算', 'Payments'],
		['lending', '借贷与助贷', 'Lending and loan facilitation'],
		['insurtech', '保险科技', 'Insurtech']
	]),
	question('org_type', 'single', '机构类型', 'Type of organisation', [
		['licensed_institution', '持牌金融机构', 'Licensed financial institution'],
		['tech_company', '科技企业（非持牌）', 'Technology company (unlicensed)'],
		['local_financial_org', '地方金融组织', 'Local financial organisation']
	]),
	question(
		'client_funds',
		'boolean',
		'是否接触或归集客户资金',
		'Do you hold or route customer funds?'
	),
	question('target_sandbox', 'single', '拟申请的试点或沙箱', 'Sandbox or pilot you aim at', [
		['none', '暂无', 'None yet']
	])
];

describe('describeRule', () => {
	it('says an always-rule applies to every firm', () => {
		expect(describeRule('always', questions, 'zh')).toBe('适用于所有机构');
		expect(describeRule('always', questions, 'en')).toBe('Applies to every firm');
	});

	it('writes includes_any with the question and option labels', () => {
		const rule = { field: 'business_lines', includes_any: ['lending'] };
		expect(describeRule(rule, questions, 'zh')).toBe('适用于：业务条线包含 借贷与助贷');
		expect(describeRule(rule, questions, 'en')).toBe(
			'Applies when: Business lines include Lending and loan facilitation'
		);
	});

	it('writes a boolean equals as yes or no', () => {
		expect(describeRule({ field: 'client_funds', equals: true }, questions, 'zh')).toBe(
			'适用于：是否接触或归集客户资金：是'
		);
		expect(describeRule({ field: 'client_funds', equals: false }, questions, 'en')).toBe(
			'Applies when: Do you hold or route customer funds: no'
		);
	});

	it('writes equals, in and not_in on a single choice', () => {
		expect(describeRule({ field: 'org_type', equals: 'tech_company' }, questions, 'en')).toBe(
			'Applies when: Type of organisation is Technology company (unlicensed)'
		);
		expect(
			describeRule(
				{ field: 'org_type', in: ['licensed_institution', 'local_financial_org'] },
				questions,
				'zh'
			)
		).toBe('适用于：机构类型为 持牌金融机构 或 地方金融组织');
		expect(describeRule({ field: 'target_sandbox', not_in: ['none'] }, questions, 'en')).toBe(
			'Applies when: Sandbox or pilot you aim at is not None yet'
		);
	});

	it('nests all, any and not with grouping', () => {
		const rule = {
			any: [
				{ field: 'client_funds', equals: true },
				{
					all: [
						{ field: 'org_type', in: ['licensed_institution'] },
						{ field: 'business_lines', includes_any: ['lending', 'insurtech'] }
					]
				}
			]
		};
		expect(describeRule(rule, questions, 'en')).toBe(
			'Applies when: Do you hold or route customer funds: yes; or (Type of organisation is Licensed financial institution; and Business lines include Lending and loan facilitation or Insurtech)'
		);
		expect(describeRule({ not: { field: 'client_funds', equals: true } }, questions, 'zh')).toBe(
			'适用于：不满足（是否接触或归集客户资金：是）'
		);
	});

	it('falls back to the raw ids when a question or option is unknown', () => {
		expect(describeRule({ field: 'mystery', in: ['a', 'b'] }, questions, 'en')).toBe(
			'Applies when: mystery is a or b'
		);
	});
});
