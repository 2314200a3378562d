import type { PackField } from './pack-input';

/**
 * The sections of the filing pack and what feeds each. The PBOC statement's sections are the
 * product's own structure, modelled on what public sources say the 创新应用声明书 covers
 * (research rows 13–14: service information, expected effect, technical solution, legal-compliance
 * assessment, risk prevention, complaint response); only the requirement of risk compensation,
 * emergency disposal and service exit mechanisms is verified (row 11). The CSRC pilot's are an
 * outline of what its Shanghai launch notice describes (rows 25–29), to complete.
 */
export type PackPath = 'pboc' | 'csrc';
export type SectionBasis = 'verified' | 'product' | 'outline';

export interface SectionSpec {
	id: string;
	basis: SectionBasis;
	/** Items by id, or every item of a domain by `domain:<id>`. */
	items: string[];
	/** Profile questions whose answers the section states. */
	profile: string[];
	/** Pack form fields the section states (to be completed when empty). */
	pack: PackField[];
	/** Whether the section states the verdict and score (the result of the answers). */
	result?: boolean;
	/** Left out of the public-notice version altogether. */
	confidential?: boolean;
}

export const PBOC_SECTIONS: readonly SectionSpec[] = [
	{
		id: 'service_info',
		basis: 'product',
		items: [
			'domain:licensing',
			'domain:naming_marketing',
			'SBX-001',
			'SBX-004',
			'domain:partners_outsourcing'
		],
		profile: [
			'registered_name',
			'org_type',
			'licences',
			'business_lines',
			'target_sandbox',
			'retail_customers'
		],
		pack: [
			'service_name',
			'channels',
			'service_hours',
			'target_users',
			'user_scale',
			'partner_name',
			'partner_licence'
		]
	},
	{
		id: 'expected_effect',
		basis: 'product',
		items: [
			'SBX-003',
			'SBX-009',
			'domain:inclusive_services',
			'domain:policy_alignment',
			'domain:esg'
		],
		profile: ['elderly_customers', 'ftz_lingang'],
		pack: []
	},
	{
		id: 'technical_solution',
		basis: 'product',
		items: [
			'domain:infosec_resilience',
			'domain:data_security',
			'domain:tech_ethics',
			'domain:personal_information',
			'domain:cross_border_data'
		],
		profile: ['personal_information', 'personal_information_role', 'cross_border_data', 'ciio'],
		pack: []
	},
	{
		id: 'legal_compliance',
		basis: 'product',
		items: [
			'SBX-007',
			'domain:illegal_fundraising',
			'domain:aml',
			'domain:consumer_protection',
			'domain:suitability',
			'domain:customer_funds'
		],
		profile: ['business_scope', 'client_funds'],
		pack: [],
		result: true
	},
	{
		id: 'risk_prevention',
		basis: 'verified',
		items: ['RSK-003', 'RSK-004', 'RSK-001', 'RSK-002', 'RSK-007', 'SBX-008'],
		profile: [],
		pack: []
	},
	{
		id: 'emergency_exit',
		basis: 'verified',
		items: ['RSK-005', 'SBX-006'],
		profile: [],
		pack: []
	},
	{
		id: 'complaint_response',
		basis: 'product',
		items: ['domain:complaints'],
		profile: [],
		pack: []
	}
];

export const CSRC_SECTIONS: readonly SectionSpec[] = [
	{
		id: 'csrc_applicant',
		basis: 'outline',
		items: ['SBX-002', 'domain:licensing'],
		profile: ['registered_name', 'org_type', 'licences', 'business_lines', 'target_sandbox'],
		pack: ['service_name', 'partner_name', 'partner_licence']
	},
	{
		id: 'csrc_selection',
		basis: 'outline',
		items: [
			'SBX-003',
			'SBX-004',
			'SBX-007',
			'domain:suitability',
			'domain:infosec_resilience',
			'domain:data_security'
		],
		profile: ['business_scope', 'personal_information', 'cross_border_data'],
		pack: ['channels', 'target_users', 'user_scale'],
		result: true
	},
	{
		id: 'csrc_notice',
		basis: 'outline',
		items: ['SBX-008', 'domain:consumer_protection', 'domain:complaints'],
		profile: ['retail_customers'],
		pack: ['service_hours']
	},
	{
		id: 'csrc_exit',
		basis: 'outline',
		items: ['SBX-006', 'SBX-009', 'RSK-003', 'RSK-005'],
		profile: [],
		pack: []
	}
];

/** The pack's path from the profile's sandbox choice: the CSRC pilot, else the PBOC tool. */
export function packPath(targetSandbox: unknown): PackPath {
	return targetSandbox === 'csrc_capital_market_pilot' ? 'csrc' : 'pboc';
}

/** The item ids a section draws on, in its order, among those given. */
export function sectionItemIds(
	spec: SectionSpec,
	items: readonly { id: string; domain: string }[]
): string[] {
	const out: string[] = [];
	for (const ref of spec.items) {
		const ids = ref.startsWith('domain:')
			? items.filter((i) => i.domain === ref.slice(7)).map((i) => i.id)
			: items.some((i) => i.id === ref)
				? [ref]
				: [];
		for (const id of ids) if (!out.includes(id)) out.push(id);
	}
	return out;
}
