import type { Profile } from '../domain/profile';
import type { AnswerStatus } from '../domain/scoring';
import { scopeItems } from '../domain/applicability';
import { signUp } from './auth/accounts';
import { currentQuestionnaire } from './corpus';
import type { Database } from './db/connection';
import { saveAnswer, saveProfile, startAssessment } from './assessments/service';
import { findAssessment } from './db/queries/assessments';
import { createOrganisation } from './orgs/organisations';
import { createClient } from './clients/service';
import { moveAssessment } from './assessments/review';
import { acceptInvitation, createInvitation } from './orgs/invitations';

export const DEMO_PASSWORD = 'demo-password-2026';
export const DEMO_FIRM_EMAIL = 'demo-firm@example.com';
export const DEMO_CONSULTANT_EMAIL = 'demo-consultant@example.com';
export const DEMO_RESPONDENT_EMAIL = 'demo-respondent@example.com';

const firmProfile: Profile = {
	org_type: 'tech_company',
	registered_name: '上海浦江财富管理科技有限公司',
	business_scope: '软件开发；信息技术咨询服务；数据处理服务',
	licences: [],
	business_lines: ['robo_advice', 'tech_services', 'ai_models'],
	personal_information: '100k_to_1m',
	cross_border_data: false,
	client_funds: false,
	retail_customers: true,
	elderly_customers: true,
	ftz_lingang: false,
	target_sandbox: 'pboc_joint'
};

/** Deterministic answers for the first `share` of the applicable items: mostly compliant, some gaps. */
async function answerShare(
	db: Database,
	orgId: string,
	assessmentId: string,
	actorId: string,
	share: number
): Promise<void> {
	const assessment = await findAssessment(db, { orgId, id: assessmentId });
	if (!assessment) return;
	const { applicable } = scopeItems(currentQuestionnaire().corpus.items, assessment.profile);
	const cycle: AnswerStatus[] = [
		'compliant',
		'compliant',
		'partial',
		'compliant',
		'non_compliant',
		'compliant'
	];
	const count = Math.floor(applicable.length * share);
	for (const [index, item] of applicable.slice(0, count).entries()) {
		const status = cycle[index % cycle.length]!;
		const gap = status === 'partial' || status === 'non_compliant';
		await saveAnswer(
			db,
			{ userId: actorId },
			{
				assessment,
				itemId: item.id,
				expectedVersion: 0,
				values: {
					status,
					note: gap ? '制度已起草，尚未经董事会审批。' : '已建立并运行，见证据。',
					evidence: gap ? [] : [`证据-${item.id}.pdf`],
					owner: gap ? '合规部' : null,
					due: gap ? '2027-03-31' : null
				}
			}
		);
	}
}

/**
 * A demo firm with a half-answered assessment; a consultancy with two clients, each with an
 * assessment (one waiting for review), and a respondent of the first client.
 */
export async function seedDemo(db: Database): Promise<string[]> {
	const firm = await signUp(db, {
		name: '周敏',
		email: DEMO_FIRM_EMAIL,
		password: DEMO_PASSWORD,
		language: 'zh',
		// Demo users are pre-verified: their addresses receive nothing.
		emailVerifiedAt: new Date(),
		orgName: '浦江数科（演示）',
		orgKind: 'firm'
	});
	if (!firm.ok || !firm.orgId) return [];
	const firmOwner = { userId: firm.userId };
	const assessmentId = await startAssessment(db, firmOwner, {
		orgId: firm.orgId,
		title: '2026 年沙箱申请前自评'
	});
	const assessment = await findAssessment(db, { orgId: firm.orgId, id: assessmentId });
	if (assessment)
		await saveProfile(db, firmOwner, { assessment, profile: firmProfile, expectedVersion: 0 });
	await answerShare(db, firm.orgId, assessmentId, firm.userId, 0.5);

	const consultancy = await signUp(db, {
		name: '陈立',
		email: DEMO_CONSULTANT_EMAIL,
		password: DEMO_PASSWORD,
		language: 'zh',
		// Demo users are pre-verified: their addresses receive nothing.
		emailVerifiedAt: new Date(),
		orgName: '外滩合规咨询（演示）',
		orgKind: 'consultancy'
	});
	if (consultancy.ok && consultancy.orgId) {
		const orgId = consultancy.orgId;
		const actorId = consultancy.userId;
		const actor = { userId: actorId };
		const clients: {
			name: string;
			registeredName: string;
			contact: string;
			profile: Profile;
			share: number;
			state: 'draft' | 'in_review';
		}[] = [
			{
				name: '陆家嘴智投科技',
				registeredName: '上海陆家嘴智投科技有限公司',
				contact: '王芳 · 合规负责人 · compliance@ljz-demo.example.com',
				profile: { ...firmProfile, registered_name: '上海陆家嘴智投科技有限公司' },
				share: 0.8,
				state: 'in_review'
			},
			{
				name: '临港链数科技',
				registeredName: '上海临港链数科技有限公司',
				contact: '李强 · 首席运营官',
				profile: {
					...firmProfile,
					registered_name: '上海临港链数科技有限公司',
					ftz_lingang: true,
					cross_border_data: true,
					business_lines: ['blockchain', 'tech_services']
				},
				share: 0.3,
				state: 'draft'
			}
		];
		const clientIds: string[] = [];
		for (const c of clients) {
			const clientId = await createClient(db, actor, {
				orgId,
				fields: {
					name: c.name,
					registeredName: c.registeredName,
					contact: c.contact,
					notes: '演示客户。'
				}
			});
			clientIds.push(clientId);
			const id = await startAssessment(db, actor, {
				orgId,
				title: `${c.name} · 2026 年沙箱申请前评估`,
				clientId
			});
			const a = await findAssessment(db, { orgId, id });
			if (a)
				await saveProfile(db, actor, { assessment: a, profile: c.profile, expectedVersion: 0 });
			await answerShare(db, orgId, id, actorId, c.share);
			const answered = await findAssessment(db, { orgId, id });
			if (c.state === 'in_review' && answered)
				await moveAssessment(db, actor, { assessment: answered, transition: 'submit' });
		}
		// A client's staff member who answers that client's assessments only.
		const respondent = await signUp(db, {
			name: '王芳',
			email: DEMO_RESPONDENT_EMAIL,
			password: DEMO_PASSWORD,
			language: 'zh',
			// Demo users are pre-verified: their addresses receive nothing.
			emailVerifiedAt: new Date(),
			orgName: null,
			orgKind: 'firm'
		});
		if (respondent.ok) {
			const { token } = await createInvitation(db, actor, {
				orgId,
				role: 'respondent',
				email: DEMO_RESPONDENT_EMAIL,
				scope: { clientId: clientIds[0]!, assessmentId: null, domains: null },
				// Accepted at once: no mail.
				origin: null
			});
			await acceptInvitation(db, { userId: respondent.userId }, token);
		}
		// The consultancy's own second organisation shows switching between organisations.
		await createOrganisation(db, actor, {
			name: '外滩合规咨询（演示）·研究部',
			kind: 'consultancy'
		});
	}
	return [
		'Demo data (DEMO=0 turns it off):',
		`  firm:        ${DEMO_FIRM_EMAIL} / ${DEMO_PASSWORD}`,
		`  consultancy: ${DEMO_CONSULTANT_EMAIL} / ${DEMO_PASSWORD}`,
		`  respondent:  ${DEMO_RESPONDENT_EMAIL} / ${DEMO_PASSWORD} (one client of the consultancy)`
	];
}
