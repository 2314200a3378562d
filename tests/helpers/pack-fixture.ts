import type { Corpus } from '../../src/lib/domain/corpus';
import type { ConsultantVoice } from '../../src/lib/domain/consultant-voice';
import type { EvidenceFile } from '../../src/lib/domain/evidence';
import {
	buildFilingPack,
	type PackEditionKind,
	type PackModel
} from '../../src/lib/domain/filing-pack';
import type { Lang } from '../../src/lib/domain/corpus';
import { EMPTY_PACK_INPUT, type PackEdit, type PackInput } from '../../src/lib/domain/pack-input';
import type { Profile } from '../../src/lib/domain/profile';
import { evaluateAssessment } from '../../src/lib/domain/result';
import type { Answer } from '../../src/lib/domain/scoring';
import { packWords } from '../../src/lib/labels/pack-words';

export interface PackFirm {
	name: string;
	profile: Profile;
	input: PackInput;
}

/** Three realistic applicants, one per way of applying to the PBOC tool. */
export const packFirms: Record<'bank' | 'techProduct' | 'joint', PackFirm> = {
	bank: {
		name: '上海浦江银行理财有限责任公司',
		profile: {
			org_type: 'licensed_institution',
			registered_name: '上海浦江银行理财有限责任公司',
			business_scope: '面向不特定社会公众公开发行理财产品；理财顾问和咨询服务',
			licences: ['banking'],
			business_lines: ['wealth_management', 'ai_models'],
			personal_information: '1m_to_10m',
			personal_information_role: 'controller',
			cross_border_data: false,
			client_funds: true,
			retail_customers: true,
			elderly_customers: true,
			ftz_lingang: false,
			target_sandbox: 'pboc_licensed_alone'
		},
		input: {
			...EMPTY_PACK_INPUT,
			service_name: '基于知识图谱的理财产品适当性智能匹配服务',
			channels: '手机银行 App、网上银行',
			service_hours: '7×24 小时',
			target_users: '本行个人理财客户',
			user_scale: '测试期内不超过 5 万人',
			planned_filing_date: '2027-02-15',
			validity_months: 3
		}
	},
	techProduct: {
		name: '上海云衡信息技术有限公司',
		profile: {
			org_type: 'tech_company',
			registered_name: '上海云衡信息技术有限公司',
			business_scope: '软件开发；信息系统集成服务；人工智能应用软件开发',
			licences: [],
			business_lines: ['tech_services', 'ai_models'],
			personal_information: 'under_100k',
			personal_information_role: 'entrusted_processor',
			cross_border_data: false,
			client_funds: false,
			retail_customers: false,
			elderly_customers: false,
			ftz_lingang: true,
			target_sandbox: 'pboc_tech_product'
		},
		// What it has not decided yet stays to be completed.
		input: { ...EMPTY_PACK_INPUT, service_name: '银行反欺诈联邦学习建模平台' }
	},
	joint: {
		name: '上海链融数字科技有限公司',
		profile: {
			org_type: 'tech_company',
			registered_name: '上海链融数字科技有限公司',
			business_scope: '区块链技术服务；软件开发；数据处理服务',
			licences: [],
			business_lines: ['tech_services', 'blockchain', 'payments'],
			personal_information: '100k_to_1m',
			personal_information_role: 'both',
			cross_border_data: true,
			client_funds: false,
			retail_customers: true,
			elderly_customers: false,
			ftz_lingang: true,
			target_sandbox: 'pboc_joint'
		},
		input: {
			...EMPTY_PACK_INPUT,
			service_name: '基于区块链的跨境小额汇款对账服务',
			channels: '合作支付机构 App',
			service_hours: '工作日 9:00–17:00',
			target_users: '在沪外籍个人用户',
			user_scale: '测试期内不超过 2000 人',
			partner_name: '上海通汇支付有限公司',
			partner_licence: '支付业务许可证（网络支付）',
			planned_filing_date: '2027-09-01',
			validity_months: 3
		}
	}
};

/**
 * Answers to every applicable item but a few: most compliant with a note, about one in six short
 * (partial or non-compliant), one in nineteen unanswered. The item's position decides its answer.
 */
export function packAnswers(corpus: Corpus, profile: Profile): Answer[] {
	const applicable = evaluateAssessment(corpus, 'x', profile, []).result.applicable;
	return applicable.flatMap((itemId, i): Answer[] => {
		if (i % 19 === 7) return [];
		const status: Answer['status'] =
			i % 9 === 4 ? 'non_compliant' : i % 6 === 1 ? 'partial' : 'compliant';
		const gap = status !== 'compliant';
		return [
			{
				itemId,
				status,
				note: gap ? `${itemId} 制度草案待批准` : `${itemId} 已制定并执行`,
				evidence: gap ? [] : [`${itemId} 制度文件 v1.2`],
				owner: null,
				due: null
			}
		];
	});
}

/** One evidence file for the first answered item of each domain, one of them expiring soon. */
export function packEvidence(corpus: Corpus, answers: readonly Answer[]): EvidenceFile[] {
	const seen = new Set<string>();
	const files: EvidenceFile[] = [];
	for (const a of answers) {
		const item = corpus.items.find((i) => i.id === a.itemId)!;
		if (seen.has(item.domain) || a.status !== 'compliant') continue;
		seen.add(item.domain);
		const n = files.length;
		files.push({
			id: `f${n}`,
			itemId: a.itemId,
			lineageId: `l${n}`,
			version: 1,
			fileName: `${a.itemId}-制度.pdf`,
			contentType: 'application/pdf',
			size: 1000,
			sha256: `${String(n).padStart(2, '0')}`.repeat(32),
			uploadedBy: null,
			uploaderName: '合规部',
			uploadedAt: new Date('2026-11-01T00:00:00Z'),
			effectiveOn: '2026-01-01',
			expiresOn: n === 0 ? '2027-01-31' : null,
			reviewStatus: 'accepted',
			reviewedAt: null,
			needsReconfirmation: false
		});
	}
	return files;
}

export function firmPack(
	corpus: Corpus,
	firm: PackFirm,
	options: {
		lang?: Lang;
		edition?: PackEditionKind;
		edits?: Record<string, PackEdit>;
		input?: PackInput;
		answers?: Answer[];
		voice?: ConsultantVoice;
		today?: string;
	} = {}
): PackModel {
	const answers = options.answers ?? packAnswers(corpus, firm.profile);
	return buildFilingPack(
		{
			corpus,
			evaluation: evaluateAssessment(corpus, 'hash-of-version', firm.profile, answers),
			profile: firm.profile,
			answers,
			input: options.input ?? firm.input,
			evidence: packEvidence(corpus, answers),
			edits: options.edits ?? {},
			firm: firm.name,
			today: options.today ?? '2026-12-02',
			voice: options.voice ?? null,
			lang: options.lang ?? 'zh',
			edition: options.edition ?? 'full'
		},
		packWords()
	);
}

/**
 * What a consultant wrote: an opinion in Chinese only, a scope in English only (quoted as written in
 * either pack), and an observation on the gap `itemId` in both languages.
 */
export function sampleVoice(itemId: string): ConsultantVoice {
	return {
		statement: {
			version: 3,
			by: '王顾问',
			at: '2026-11-30T17:30:00.000Z',
			opinion: { zh: '总体看，风险补偿机制尚待落实，建议推迟申报。', en: '' },
			scope: { zh: '', en: 'We reviewed policies only; no systems were tested.' }
		},
		observations: {
			[itemId]: {
				itemId,
				version: 2,
				by: '李顾问',
				at: '2026-11-29T02:00:00.000Z',
				text: { zh: '制度已起草，待董事会批准。', en: 'Drafted; awaiting board approval.' }
			}
		}
	};
}
