import { describe, expect, it } from 'vitest';
import { describeContradiction, profileContradictions } from './profile-checks';
import { ruleHolds } from './profile';

describe('profileContradictions', () => {
	it('refuses retail customers with no personal information, naming both fields', () => {
		const profile = { retail_customers: true, personal_information: 'none' };
		const [c] = profileContradictions(profile);
		expect(c).toEqual({
			code: 'retail_without_personal_information',
			fields: ['retail_customers', 'personal_information']
		});
		expect(describeContradiction(c!, profile)).toBe(
			'retail_customers = true contradicts personal_information = "none": serving individuals means processing their personal information'
		);
	});

	it.each([
		[
			{ elderly_customers: true, retail_customers: false },
			['elderly_customers', 'retail_customers']
		],
		[
			{ personal_information_role: 'controller', personal_information: 'none' },
			['personal_information_role', 'personal_information']
		],
		[{ org_type: 'tech_company', licences: ['payment'] }, ['org_type', 'licences']],
		[{ org_type: 'licensed_institution', licences: [] }, ['org_type', 'licences']],
		[{ org_type: 'local_financial_org', licences: ['banking'] }, ['org_type', 'licences']],
		[
			{ org_type: 'tech_company', target_sandbox: 'pboc_licensed_alone' },
			['target_sandbox', 'org_type']
		]
	])('refuses %o', (profile, fields) => {
		expect(profileContradictions(profile).map((c) => c.fields)).toEqual([fields]);
	});

	it('accepts what fits together', () => {
		expect(
			profileContradictions({
				org_type: 'tech_company',
				licences: ['value_added_telecom', 'credit_reporting'],
				retail_customers: false,
				personal_information: 'none',
				elderly_customers: false,
				target_sandbox: 'pboc_tech_product'
			})
		).toEqual([]);
	});
});

describe('rules of an older questionnaire on a migrated profile', () => {
	it('match the values that replaced the ones they name, and the other way round', () => {
		const old = { field: 'target_sandbox', in: ['pboc_fintech_tool', 'shanghai_sandbox'] };
		expect(ruleHolds(old, { target_sandbox: 'pboc_joint' })).toBe(true);
		expect(ruleHolds(old, { target_sandbox: 'csrc_capital_market_pilot' })).toBe(false);
		expect(
			ruleHolds(
				{ field: 'personal_information', in: ['over_1m'] },
				{ personal_information: 'over_10m' }
			)
		).toBe(true);
		expect(
			ruleHolds(
				{ field: 'target_sandbox', in: ['pboc_joint'] },
				{ target_sandbox: 'pboc_fintech_tool' }
			)
		).toBe(true);
		expect(
			ruleHolds(
				{ field: 'target_sandbox', equals: 'pboc_fintech_tool' },
				{ target_sandbox: 'pboc_tech_product' }
			)
		).toBe(true);
	});
});
