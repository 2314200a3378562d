import type { Corpus } from '../../src/lib/domain/corpus';
import type { Profile } from '../../src/lib/domain/profile';
import { evaluateAssessment } from '../../src/lib/domain/result';
import type { Answer } from '../../src/lib/domain/scoring';
import {
	buildReportModel,
	type ReportInput,
	type ReportModel
} from '../../src/lib/domain/report-model';
import { reportWords } from '../../src/lib/labels/report-words';

/** A wealth-app firm with a financial word in its registered name: many items in scope. */
export const mixedProfile: Profile = {
	org_type: 'tech_company',
	registered_name: '上海浦江财富管理科技有限公司',
	business_scope: '软件开发；信息技术咨询服务',
	licences: [],
	business_lines: ['robo_advice', 'tech_services'],
	personal_information: '100k_to_1m',
	cross_border_data: true,
	client_funds: false,
	retail_customers: true,
	elderly_customers: true,
	ftz_lingang: false,
	target_sandbox: 'pboc_joint'
};

/**
 * A realistic mixed assessment: every applicable item answered, about one in five short of
 * compliant (partial or not), a few not applicable, owners and due dates on the gaps (some past
 * `today`), and a handful left unanswered. Deterministic: the item's position decides its answer.
 */
export function mixedAssessment(corpus: Corpus): { profile: Profile; answers: Answer[] } {
	const applicable = evaluateAssessment(corpus, 'x', mixedProfile, []).result.applicable;
	const owners = ['合规部 张敏', 'CTO 李雷', '法务 王芳', 'Data Protection Officer'];
	const answers = applicable.flatMap((itemId, i): Answer[] => {
		if (i % 23 === 5) return []; // left unanswered
		const status: Answer['status'] =
			i % 11 === 3
				? 'non_compliant'
				: i % 7 === 2
					? 'partial'
					: i % 17 === 9
						? 'not_applicable'
						: 'compliant';
		const gap = status === 'partial' || status === 'non_compliant';
		return [
			{
				itemId,
				status,
				note:
					status === 'not_applicable'
						? '本机构不开展此项业务。'
						: gap
							? '制度草案已拟定，尚未经董事会批准；相关记录仅覆盖部分业务线。'
							: '已制定并执行。',
				evidence: gap ? ['制度草案 v0.3'] : [],
				owner: gap ? owners[i % owners.length]! : null,
				due: gap
					? i % 4 === 0
						? `2026-${String((i % 9) + 1).padStart(2, '0')}-15`
						: `2027-0${(i % 9) + 1}-30`
					: null
			}
		];
	});
	return { profile: mixedProfile, answers };
}

/** The report model of a small technology firm with `answers`, dated, as the render tests read it. */
export function techCompanyReport(
	corpus: Corpus,
	answers: Answer[],
	lang: ReportModel['lang'] = 'both',
	edition: ReportModel['edition'] = 'summary'
): ReportModel {
	const profile = { org_type: 'tech_company', registered_name: '测试科技有限公司' };
	return buildReportModel(
		{
			corpus,
			evaluation: evaluateAssessment(corpus, 'a'.repeat(64), profile, answers),
			profile,
			answers,
			lang,
			firm: '测试科技有限公司',
			consultancy: null,
			assessor: 'Test',
			assessmentTitle: null,
			updatedAt: new Date('2026-11-22T00:00:00Z'),
			edition
		},
		reportWords()
	);
}

/** The report model of the mixed assessment, by the consultancy 明理咨询, dated, with overrides. */
export function mixedReportModel(
	corpus: Corpus,
	overrides: Partial<ReportInput> = {}
): ReportModel {
	const mixed = mixedAssessment(corpus);
	const profile = overrides.profile ?? mixed.profile;
	const answers = overrides.answers ?? mixed.answers;
	return buildReportModel(
		{
			corpus,
			evaluation: evaluateAssessment(corpus, 'ab12cd34'.repeat(8), profile, answers),
			profile,
			answers,
			lang: 'zh',
			firm: '上海浦江财富管理科技有限公司',
			consultancy: '明理咨询',
			assessor: '王芳',
			assessmentTitle: '2026 沙盒预检',
			updatedAt: new Date('2026-11-22T02:00:00Z'),
			today: '2026-12-01',
			...overrides
		},
		reportWords()
	);
}
