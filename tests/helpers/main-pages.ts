import { Browser, signUp } from './browser';
import { saveAnswer, saveProfile, startAssessment, baseProfile } from './assessment';
import { createClient, startClientAssessment } from './consultancy';

/** A firm with one assessment, a consultancy with one client and its assessment. */
export interface MainFixture {
	firmOrgId: string;
	base: string;
	consultancyOrgId: string;
	clientId: string;
	clientBase: string;
}

/** Who looks at a page: nobody signed in, the firm's owner, or the consultancy's owner. */
export type Viewer = 'anon' | 'firm' | 'consultant';

/**
 * The main pages, for the sweep (tests/browser/main-pages.test.ts: language, accessibility, width)
 * and the screenshots. A new page is one line.
 */
export const MAIN_PAGES: { name: string; who: Viewer; path: (f: MainFixture) => string }[] = [
	{ name: 'home', who: 'anon', path: () => '/' },
	{ name: 'login', who: 'anon', path: () => '/login' },
	{ name: 'signup', who: 'anon', path: () => '/signup' },
	{ name: 'methodology', who: 'anon', path: () => '/methodology' },
	{ name: 'library', who: 'anon', path: () => '/library' },
	{ name: 'library-items', who: 'anon', path: () => '/library/items?domain=licensing' },
	{ name: 'library-item', who: 'anon', path: () => '/library/items/LIC-001' },
	{ name: 'library-provisions', who: 'anon', path: () => '/library/provisions' },
	{ name: 'library-provision', who: 'anon', path: () => '/library/provisions/ifcr2024.a50.p3' },
	{ name: 'account', who: 'firm', path: () => '/account' },
	{ name: 'organisations', who: 'firm', path: () => '/orgs' },
	{ name: 'firm-home', who: 'firm', path: (f) => `/o/${f.firmOrgId}` },
	{ name: 'assessments', who: 'firm', path: (f) => `/o/${f.firmOrgId}/assessments` },
	{ name: 'members', who: 'firm', path: (f) => `/o/${f.firmOrgId}/members` },
	{ name: 'settings', who: 'firm', path: (f) => `/o/${f.firmOrgId}/settings` },
	{ name: 'profile', who: 'firm', path: (f) => `${f.base}/profile` },
	{ name: 'questionnaire', who: 'firm', path: (f) => `${f.base}/questionnaire` },
	{
		name: 'questionnaire-all',
		who: 'firm',
		path: (f) => `${f.base}/questionnaire?domain=all`
	},
	{ name: 'item', who: 'firm', path: (f) => `${f.base}/items/LIC-001` },
	{ name: 'result', who: 'firm', path: (f) => `${f.base}/result` },
	{ name: 'action-plan', who: 'firm', path: (f) => `${f.base}/result/action-plan` },
	{ name: 'dashboard', who: 'consultant', path: (f) => `/o/${f.consultancyOrgId}` },
	{ name: 'clients', who: 'consultant', path: (f) => `/o/${f.consultancyOrgId}/clients` },
	{
		name: 'client',
		who: 'consultant',
		path: (f) => `/o/${f.consultancyOrgId}/clients/${f.clientId}`
	},
	{ name: 'review', who: 'consultant', path: (f) => `${f.clientBase}/review` },
	{
		name: 'observation',
		who: 'consultant',
		path: (f) => `${f.clientBase}/result/observations/LIC-001`
	}
];

const FIRM = '浦江数科有限公司';
const CONSULTANCY = '外滩合规咨询';
const CLIENT = '陆家嘴智投科技';
const NOTE = '材料已提交，等待董事会审批';

/**
 * What the fixture typed: user data, which may be in any language on any page. The language
 * checks remove these strings before they look.
 */
export const USER_DATA = [
	FIRM,
	CONSULTANCY,
	CLIENT,
	'上海陆家嘴智投科技有限公司',
	'王芳',
	'李雷',
	'2026 自评',
	NOTE,
	String(baseProfile.registered_name),
	String(baseProfile.business_scope)
];

/** Signs up a firm and a consultancy and fills a little of each; answers the ids and cookies. */
export async function makeMainFixture(baseUrl: string): Promise<{
	fixture: MainFixture;
	cookies: Record<Viewer, Map<string, string>>;
}> {
	const firm = new Browser(baseUrl);
	const { orgId: firmOrgId } = await signUp(firm, { name: '李雷', orgName: FIRM });
	const base = await startAssessment(firm, firmOrgId);
	await saveProfile(firm, base, 0);
	for (const [id, status] of [
		['LIC-001', 'partial'],
		['LIC-002', 'non_compliant'],
		['NAM-001', 'compliant']
	] as const)
		await saveAnswer(firm, base, id, 0, { status, note: NOTE, owner: '王芳', due: '2026-01-31' });

	const consultant = new Browser(baseUrl);
	const { orgId: consultancyOrgId } = await signUp(consultant, {
		name: '李雷',
		orgName: CONSULTANCY,
		orgKind: 'consultancy'
	});
	const clientId = await createClient(consultant, consultancyOrgId, { name: CLIENT });
	const clientBase = await startClientAssessment(consultant, consultancyOrgId, clientId);
	await saveAnswer(consultant, clientBase, 'LIC-001', 0, { status: 'non_compliant' });
	return {
		fixture: { firmOrgId, base, consultancyOrgId, clientId, clientBase },
		cookies: { anon: new Map(), firm: firm.cookies, consultant: consultant.cookies }
	};
}
