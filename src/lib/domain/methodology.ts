import type { Lang } from './corpus';
import { ASSESSED_SHARE, MINIMUM_SCORE, READY_SCORE, SEVERITY_WEIGHTS } from './scoring';

const pct = (x: number) => `${Math.round(x * 100)}%`;
const w = SEVERITY_WEIGHTS;

export type MethodologySectionId = 'scope' | 'weights' | 'verdict' | 'disclaimer';

/** How an assessment is scored, in the words the methodology page and the PDF report both print. */
export function methodology(lang: Lang): {
	title: string;
	sections: { id: MethodologySectionId; heading: string; body: string[] }[];
} {
	if (lang === 'zh') {
		return {
			title: '评分方法',
			sections: [
				{
					id: 'scope',
					heading: '适用范围',
					body: [
						'每个检查项都有一条适用规则，依据机构基本信息（机构类型、业务条线、个人信息规模、是否接触客户资金等）判断是否适用。不适用的检查项不计分，并在报告中列明排除原因。修改机构基本信息会重新确定适用范围，已作答的答案全部保留。'
					]
				},
				{
					id: 'weights',
					heading: '权重与得分',
					body: [
						`按严重程度加权：关键 ${w.critical}、高 ${w.high}、中 ${w.medium}、低 ${w.low}。`,
						'“合规”得满分，“部分合规”得一半，“不合规”得零分。',
						'“不适用”须写明理由，且不计入分子和分母；标注为“不得选择不适用”的检查项（如持牌经营、名称、非法集资、投诉处理）不能选“不适用”。',
						'每个检查项注明依据类型：法定义务（所引条文或国家法律法规的强制性要求）、沙箱准入条件（人民银行工具或证监会试点对申请主体的要求）、政策契合与良好实践（政策鼓励的做法）。只有前两类决定结论；良好实践单独计分，不列为差距，也不会使结论成为“尚未就绪”。',
						'未作答的检查项不计入得分，也不列为差距，只计入完成度；结果标记为“未完成”。',
						'得分 = 已得权重之和 ÷ 已作答检查项的应得权重之和，整体（法定义务和准入条件）和各领域（该领域全部检查项，用于显示进度）分别计算。没有可计分的检查项时不给出百分比，而是明确说明原因。'
					]
				},
				{
					id: 'verdict',
					heading: '结论',
					body: [
						`法定义务和准入条件类检查项作答不足 ${pct(ASSESSED_SHARE)} 时，结论为“暂不评定”：已知的差距照常列出，但不给出就绪与否的结论。`,
						'关键检查项是门槛：任何一项已作答的关键检查项未达到“合规”（部分合规或不合规），结论即为“尚未就绪”，无论总分多高。',
						`总分低于 ${pct(MINIMUM_SCORE)} 也为“尚未就绪”。`,
						`“就绪”要求：总分不低于 ${pct(READY_SCORE)}、法定义务和准入条件类检查项全部作答、没有高严重度检查项为“不合规”。`,
						'其他情况为“有条件就绪”，并列出须满足的条件。每个结论都附上决定它的理由。'
					]
				},
				{
					id: 'disclaimer',
					heading: '声明',
					body: [
						'本评估为机构自评，所引条文以原文为准，不构成法律意见。申请监管沙箱或试点前，请结合最新监管要求并咨询专业人士。'
					]
				}
			]
		};
	}
	return {
		title: 'Scoring methodology',
		sections: [
			{
				id: 'scope',
				heading: 'Scope',
				body: [
					"Every item has an applicability rule over the firm's profile (type of organisation, business lines, scale of personal information, customer funds, …). Items that do not apply are not scored, and the report lists why each was excluded. Changing the profile re-scopes the items; every answer already given is kept."
				]
			},
			{
				id: 'weights',
				heading: 'Weights and score',
				body: [
					`Items are weighted by severity: critical ${w.critical}, high ${w.high}, medium ${w.medium}, low ${w.low}.`,
					'Compliant earns the full weight, partially compliant half, non-compliant nothing.',
					'Not applicable needs a written reason and leaves both numerator and denominator; items marked "N/A not allowed" (licensing, the business name, illegal fundraising, complaints, …) cannot be answered N/A.',
					'Each item states its basis: an obligation (a must or must-not in a cited provision or a binding national rule), a sandbox entry condition (what the PBOC tool or the CSRC pilot requires of applicants), or policy alignment and good practice (a measure policy encourages). Only the first two decide the verdict; good practice is scored apart, is never a gap and never makes the verdict "not ready".',
					'An unanswered item is neither scored nor listed as a gap; it counts towards completeness and marks the result incomplete.',
					'Score = weight earned ÷ weight possible over the answered items, overall (obligations and entry conditions) and per domain (all its items, to show progress). When nothing can be scored, no percentage is given; the result says why.'
				]
			},
			{
				id: 'verdict',
				heading: 'Verdict',
				body: [
					`With fewer than ${pct(ASSESSED_SHARE)} of the obligation and entry-condition items answered, the verdict is "not yet assessed": known gaps are listed, but no verdict is given.`,
					'Critical items are a gate: if any answered critical item is not fully compliant (partial or non-compliant), the verdict is "not ready", whatever the score.',
					`A score below ${pct(MINIMUM_SCORE)} is also "not ready".`,
					`"Ready" needs a score of at least ${pct(READY_SCORE)}, every obligation and entry-condition item answered, and no high-severity item non-compliant.`,
					'Anything else is "ready with conditions", listing the conditions. Every verdict comes with the reasons that decided it.'
				]
			},
			{
				id: 'disclaimer',
				heading: 'Disclaimer',
				body: [
					'This is a self-assessment, not legal advice. The quoted Chinese text of each provision is authoritative; English summaries are ours. Check current regulatory requirements and seek professional advice before applying to a sandbox or pilot.'
				]
			}
		]
	};
}
