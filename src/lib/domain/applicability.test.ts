import { describe, expect, it } from 'vitest';
import { scopeItems } from './applicability';
import type { Rule } from './corpus';
import { ruleHolds } from './profile';
import { makeItem } from './test-fixtures';

describe('ruleHolds', () => {
	const profile = {
		org_type: 'tech_company',
		business_lines: ['lending', 'ai_models'],
		client_funds: true,
		personal_information: 'over_1m'
	};

	it('reads equals, in, not_in and includes_any over single, multi and boolean answers', () => {
		expect(ruleHolds({ field: 'client_funds', equals: true }, profile)).toBe(true);
		expect(ruleHolds({ field: 'client_funds', equals: false }, profile)).toBe(false);
		expect(
			ruleHolds({ field: 'org_type', in: ['tech_company', 'local_financial_org'] }, profile)
		).toBe(true);
		expect(ruleHolds({ field: 'personal_information', not_in: ['none'] }, profile)).toBe(true);
		expect(
			ruleHolds({ field: 'business_lines', includes_any: ['payments', 'lending'] }, profile)
		).toBe(true);
		expect(ruleHolds({ field: 'business_lines', includes_any: ['payments'] }, profile)).toBe(false);
	});

	it('combines rules with all, any and not', () => {
		const rule: Rule = {
			all: [
				{ field: 'client_funds', equals: true },
				{ not: { field: 'org_type', in: ['licensed_institution'] } }
			]
		};
		expect(ruleHolds(rule, profile)).toBe(true);
		expect(
			ruleHolds(
				{
					any: [
						{ field: 'client_funds', equals: false },
						{ field: 'org_type', equals: 'licensed_institution' }
					]
				},
				profile
			)
		).toBe(false);
	});

	it('keeps an item in scope when the profile leaves the field unanswered', () => {
		expect(ruleHolds({ field: 'personal_information', not_in: ['none'] }, {})).toBe(true);
		expect(ruleHolds({ field: 'client_funds', equals: true }, {})).toBe(false);
	});
});

describe('scopeItems', () => {
	it('splits items into applicable and excluded, naming the rule that excluded each', () => {
		const funds = makeItem('FND-001', 'critical', {
			domain: 'customer_funds',
			applies_when: { field: 'client_funds', equals: true }
		});
		const always = makeItem('LIC-001', 'critical');
		const scope = scopeItems([always, funds], { client_funds: false });
		expect(scope.applicable.map((i) => i.id)).toEqual(['LIC-001']);
		expect(scope.excluded).toEqual([
			{ itemId: 'FND-001', rule: { field: 'client_funds', equals: true } }
		]);
		expect(scopeItems([always, funds], { client_funds: true }).applicable).toHaveLength(2);
	});
});
