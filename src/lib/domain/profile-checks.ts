import type { Profile } from './profile';

/** Licences that make a firm a licensed financial institution or a local financial organisation. */
export const FINANCIAL_LICENCES = [
	'banking',
	'payment',
	'securities_futures',
	'fund_management',
	'insurance',
	'financial_holding',
	'market_infrastructure'
] as const;
export const LOCAL_FINANCIAL_LICENCES = [
	'microcredit',
	'financing_guarantee',
	'financial_leasing',
	'commercial_factoring',
	'pawnshop',
	'regional_equity_market',
	'local_asset_management'
] as const;

export type ContradictionCode =
	| 'retail_without_personal_information'
	| 'elderly_without_retail'
	| 'role_without_personal_information'
	| 'tech_company_with_financial_licence'
	| 'licensed_institution_without_licence'
	| 'local_org_without_local_licence'
	| 'licensed_alone_without_licence';

/** Two profile answers that cannot both be true; `fields` names both. */
export interface Contradiction {
	code: ContradictionCode;
	fields: [string, string];
}

const list = (v: Profile[string]) => (Array.isArray(v) ? v.map(String) : []);

/**
 * Answers that contradict each other. A contradictory profile would scope the firm wrongly and
 * silently (retail customers with no personal information drops every personal-information item),
 * so it is refused, with both fields named.
 */
export function profileContradictions(profile: Profile): Contradiction[] {
	const out: Contradiction[] = [];
	const licences = list(profile.licences);
	const has = (set: readonly string[]) => licences.some((l) => set.includes(l));
	if (profile.retail_customers === true && profile.personal_information === 'none')
		out.push({
			code: 'retail_without_personal_information',
			fields: ['retail_customers', 'personal_information']
		});
	if (profile.elderly_customers === true && profile.retail_customers === false)
		out.push({ code: 'elderly_without_retail', fields: ['elderly_customers', 'retail_customers'] });
	if (
		typeof profile.personal_information_role === 'string' &&
		profile.personal_information_role !== '' &&
		profile.personal_information === 'none'
	)
		out.push({
			code: 'role_without_personal_information',
			fields: ['personal_information_role', 'personal_information']
		});
	if (
		profile.org_type === 'tech_company' &&
		has([...FINANCIAL_LICENCES, ...LOCAL_FINANCIAL_LICENCES])
	)
		out.push({ code: 'tech_company_with_financial_licence', fields: ['org_type', 'licences'] });
	if (profile.org_type === 'licensed_institution' && !has(FINANCIAL_LICENCES))
		out.push({ code: 'licensed_institution_without_licence', fields: ['org_type', 'licences'] });
	if (profile.org_type === 'local_financial_org' && !has(LOCAL_FINANCIAL_LICENCES))
		out.push({ code: 'local_org_without_local_licence', fields: ['org_type', 'licences'] });
	if (profile.target_sandbox === 'pboc_licensed_alone' && profile.org_type === 'tech_company')
		out.push({ code: 'licensed_alone_without_licence', fields: ['target_sandbox', 'org_type'] });
	return out;
}

const WHY: Record<ContradictionCode, string> = {
	retail_without_personal_information:
		'serving individuals means processing their personal information',
	elderly_without_retail: 'elderly customers are individual (retail) customers',
	role_without_personal_information:
		'a role for personal information needs some personal information processed',
	tech_company_with_financial_licence:
		'a firm holding a financial licence is a licensed institution or a local financial organisation, not an unlicensed technology company',
	licensed_institution_without_licence:
		'a licensed financial institution must name its licence (banking, payment, securities, funds, insurance, financial holding or market infrastructure)',
	local_org_without_local_licence:
		'a local financial organisation must name its licence (microcredit, financing guarantee, leasing, factoring, pawnshop, …)',
	licensed_alone_without_licence:
		'only a licensed institution applies to the PBOC tool alone with a financial service'
};

/** One English sentence naming both fields, for the API and the CLI. */
export function describeContradiction(c: Contradiction, profile: Profile): string {
	const show = (f: string) => `${f} = ${JSON.stringify(profile[f] ?? null)}`;
	return `${show(c.fields[0])} contradicts ${show(c.fields[1])}: ${WHY[c.code]}`;
}
