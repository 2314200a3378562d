import { expect } from 'vitest';
import type { Browser } from './browser';

export const baseProfile: Record<string, string | string[]> = {
	org_type: 'tech_company',
	registered_name: '上海浦江数字科技有限公司',
	business_scope: '软件开发；信息技术咨询服务',
	licences: [],
	business_lines: ['tech_services', 'ai_models'],
	personal_information: 'under_100k',
	cross_border_data: 'false',
	client_funds: 'false',
	retail_customers: 'true',
	elderly_customers: 'false',
	ftz_lingang: 'false',
	target_sandbox: 'pboc_joint'
};

/** Starts an assessment through the form; answers its base path. */
export async function startAssessment(
	browser: Browser,
	orgId: string,
	title = '2026 自评'
): Promise<string> {
	const page = await browser.post(`/o/${orgId}/assessments?/start`, { title });
	expect(page.status).toBe(303);
	const base = page.location!.replace(/\/profile$/, '');
	expect(base).toMatch(/^\/o\/[0-9a-f-]{36}\/assessments\/[0-9a-f-]{36}$/);
	return base;
}

export async function saveProfile(
	browser: Browser,
	base: string,
	version: number,
	overrides: Record<string, string | string[]> = {}
) {
	return browser.post(`${base}/profile`, {
		version: String(version),
		...baseProfile,
		...overrides
	});
}

export async function saveAnswer(
	browser: Browser,
	base: string,
	itemId: string,
	version: number,
	fields: Partial<Record<'status' | 'note' | 'evidence' | 'owner' | 'due', string>>,
	headers: Record<string, string> = {}
) {
	// The item page and the questionnaire share one save action; the item page always shows the form.
	return browser.post(
		`${base}/items/${itemId}?/save`,
		{
			__superform_id: itemId,
			itemId,
			version: String(version),
			status: '',
			note: '',
			evidence: '',
			owner: '',
			due: '',
			...fields
		},
		{ headers }
	);
}
