import { seedsCorpus } from '../../src/lib/corpus/seeds-corpus';
import { describe, expect, it } from 'vitest';
import { exclusionSpans, findRestrictedTerms } from '../../src/lib/domain/findings';

const corpus = seedsCorpus();

interface Row {
	name: string;
	scope: string;
	licences?: string[];
	/** Words that must be removed (not covered by a licence). */
	restricted: string[];
	/** Words the firm's licence allows: confirm, not remove. */
	licensed?: string[];
}

// Names and business scopes as they are registered in Shanghai (the scopes use the standard
// wording of the registration catalogue), lawful and unlawful. The firms are made up; the wording
// of each scope is what a registration officer reads.
const table: Row[] = [
	// Licensed institutions carrying their licence's words.
	{
		name: '上海农村商业银行股份有限公司',
		scope: '吸收公众存款；发放短期、中期和长期贷款；办理国内外结算',
		licences: ['banking'],
		restricted: [],
		licensed: ['银行', '贷款']
	},
	{
		name: '浦银理财有限责任公司',
		scope: '面向不特定社会公众公开发行理财产品；理财顾问和咨询服务',
		licences: ['banking'],
		restricted: [],
		licensed: ['理财']
	},
	{
		name: '上海浦江证券股份有限公司',
		scope: '证券经纪；证券投资咨询；证券承销与保荐',
		licences: ['securities_futures'],
		restricted: [],
		licensed: ['证券']
	},
	{
		name: '上海浦江私募基金管理有限公司',
		scope:
			'私募股权投资基金管理、创业投资基金管理服务（须在中国证券投资基金业协会完成登记备案后方可从事经营活动）',
		licences: ['fund_management'],
		restricted: [],
		licensed: ['基金']
	},
	{
		name: '上海浦江支付服务有限公司',
		scope: '非银行支付业务（依法须经批准的项目，经相关部门批准后方可开展经营活动）',
		licences: ['payment'],
		restricted: [],
		licensed: ['支付']
	},
	{
		name: '上海浦江支付清算信息有限公司',
		scope: '互联网支付；移动电话支付；银行卡收单',
		licences: ['payment'],
		restricted: [],
		licensed: ['支付', '清算', '银行']
	},
	{
		name: '上海浦江财产保险股份有限公司',
		scope: '财产损失保险；责任保险；信用保险和保证保险',
		licences: ['insurance'],
		restricted: [],
		licensed: ['保险']
	},
	{
		name: '上海浦江票据交易所股份有限公司',
		scope: '票据交易、登记托管、清算结算',
		licences: ['market_infrastructure'],
		restricted: [],
		licensed: ['交易所', '清算']
	},
	// Local financial organisations: the words their licence requires them to carry.
	{
		name: '上海市浦东新区浦江小额贷款股份有限公司',
		scope: '发放贷款及相关咨询活动',
		licences: ['microcredit'],
		restricted: [],
		licensed: ['贷款']
	},
	{
		name: '上海浦江融资担保有限公司',
		scope: '借款类担保业务、发行债券担保业务和其他融资担保业务；非融资担保业务',
		licences: ['financing_guarantee'],
		restricted: [],
		licensed: ['融资']
	},
	{
		name: '浦江国际融资租赁有限公司',
		scope: '融资租赁业务；租赁业务；兼营与主营业务有关的商业保理业务',
		licences: ['financial_leasing'],
		restricted: [],
		licensed: ['融资', '保理']
	},
	{
		name: '上海浦江商业保理有限公司',
		scope: '商业保理业务',
		licences: ['commercial_factoring'],
		restricted: [],
		licensed: ['保理']
	},
	{
		name: '上海浦江典当有限公司',
		scope: '动产质押典当业务；财产权利质押典当业务',
		licences: ['pawnshop'],
		restricted: [],
		licensed: ['典当']
	},
	{
		name: '上海浦江征信服务有限公司',
		scope: '企业征信业务',
		licences: ['credit_reporting'],
		restricted: [],
		licensed: ['征信']
	},
	// Licensed, but for a word its licence does not cover.
	{
		name: '上海浦江金融信息服务有限公司',
		scope: '非银行支付业务',
		licences: ['payment'],
		restricted: ['金融'],
		licensed: ['支付']
	},
	{
		name: '上海浦江金融小额贷款有限公司',
		scope: '发放贷款及相关咨询活动',
		licences: ['microcredit'],
		restricted: ['金融'],
		licensed: ['贷款']
	},
	{
		name: '上海浦江融资租赁有限公司',
		scope: '融资租赁业务；融资咨询服务',
		licences: ['financial_leasing'],
		restricted: ['融资']
	},
	// Technology firms with standard phrases that contain a word without claiming it.
	{
		name: '上海浦江信息科技有限公司',
		scope:
			'从事信息科技领域内的技术开发、技术咨询、技术服务、技术转让；接受金融机构委托从事信息技术和流程外包服务（不含金融信息服务）；计算机软件开发',
		restricted: []
	},
	{
		name: '上海浦江投资咨询有限公司',
		scope: '投资咨询（除金融、证券等许可业务外）；企业管理咨询',
		restricted: []
	},
	{
		name: '上海浦江企业管理咨询有限公司',
		scope:
			'信息咨询服务（不含许可类信息咨询服务）；（未经金融等监管部门批准，不得从事吸收存款、融资担保、代客理财、向社会公众集（融）资等金融业务）',
		restricted: []
	},
	{
		name: '上海浦江五金制品有限公司',
		scope: '保险柜、保险箱销售；汽车保险杠加工；除尘设备销售',
		restricted: []
	},
	{ name: '上海浦江商务咨询有限公司', scope: '破产清算服务；企业管理咨询', restricted: [] },
	{
		name: '上海浦江数据服务有限公司',
		scope: '金融信息技术外包；金融业务流程外包；金融知识流程外包；数据处理服务',
		restricted: []
	},
	// Unlicensed firms claiming financial words.
	{ name: '上海浦江财富管理有限公司', scope: '投资咨询；财富管理咨询', restricted: ['财富管理'] },
	{ name: '上海浦江金服信息科技有限公司', scope: '软件开发', restricted: ['金服'] },
	{
		name: '上海浦江互联网金融信息服务有限公司',
		scope: '互联网金融信息服务',
		restricted: ['互联网金融']
	},
	{
		name: '上海浦江网络科技有限公司',
		scope: 'P2P网络借贷信息中介服务',
		restricted: ['P2P', '借贷']
	},
	{ name: '上海浦江数字资产交易中心有限公司', scope: '数字资产交易撮合', restricted: ['交易中心'] },
	{ name: '上海浦江股权众筹平台有限公司', scope: '股权众筹服务', restricted: ['股权众筹'] },
	{ name: '上海浦江外汇兑换有限公司', scope: '外汇兑换服务', restricted: ['外汇'] },
	{ name: '上海浦江科技有限公司', scope: '非银行支付业务', restricted: ['支付'] },
	{
		name: '上海浦江基金管理有限公司',
		scope: '投资管理；资产管理',
		restricted: ['基金', '投资管理', '资产管理']
	},
	{
		name: '上海浦江信息技术有限公司',
		scope: '技术服务（不含金融业务），融资咨询服务',
		restricted: ['融资']
	}
];

describe('the name and business-scope check, against registered names and scopes', () => {
	it('has a table of at least 25 rows, lawful and unlawful', () => {
		expect(table.length).toBeGreaterThanOrEqual(25);
		expect(table.some((r) => r.restricted.length === 0)).toBe(true);
		expect(table.some((r) => r.restricted.length > 0)).toBe(true);
	});

	it.each(table)('$name · $scope', (row) => {
		const findings = findRestrictedTerms(
			{ registered_name: row.name, business_scope: row.scope, licences: row.licences ?? [] },
			corpus.restrictedTerms,
			corpus.profileQuestions
		);
		expect(
			findings
				.filter((f) => !f.licensed)
				.map((f) => f.term)
				.sort()
		).toEqual([...row.restricted].sort());
		expect(
			findings
				.filter((f) => f.licensed)
				.map((f) => f.term)
				.sort()
		).toEqual([...(row.licensed ?? [])].sort());
		// One finding per word.
		expect(new Set(findings.map((f) => f.term)).size).toBe(findings.length);
	});
});

describe('the name check in detail', () => {
	const find = (profile: Record<string, string | string[]>) =>
		findRestrictedTerms(profile, corpus.restrictedTerms, corpus.profileQuestions);

	it('reports a word found in both the name and the scope once, naming both fields', () => {
		const findings = find({
			registered_name: '上海浦江理财顾问有限公司',
			business_scope: '理财咨询；理财规划'
		});
		expect(findings).toHaveLength(1);
		expect(findings[0]).toMatchObject({
			term: '理财',
			fields: ['registered_name', 'business_scope'],
			licensed: false
		});
	});

	it('names the licence that allows a word, in the profile question’s words', () => {
		const [finding] = find({
			registered_name: '上海浦江小额贷款有限公司',
			licences: ['microcredit']
		});
		expect(finding).toMatchObject({ term: '贷款', licensed: true, licence: 'microcredit' });
		expect(finding!.licenceLabel?.zh).toBe('小额贷款公司');
	});

	it('does not let a microcredit licence cover 贷款 outside its own phrases', () => {
		const [finding] = find({
			registered_name: '上海浦江贷款服务有限公司',
			licences: ['microcredit']
		});
		expect(finding).toMatchObject({ term: '贷款', licensed: false });
	});

	it('reads exclusion clauses as a registration officer does', () => {
		const scope =
			'投资咨询（除金融、证券等许可业务外）；软件开发，不含金融信息服务；除尘设备销售；外观设计';
		const spans = exclusionSpans(scope).map(([s, e]) => scope.slice(s, e));
		expect(spans).toEqual(['除金融、证券等许可业务外', '不含金融信息服务']);
	});

	it('covers every word that the naming items themselves name as restricted', () => {
		const listed = new Set(corpus.restrictedTerms.map((t) => t.term));
		const naming = corpus.items.filter(
			(i) => i.domain === 'naming_marketing' && i.question.zh.includes('字样')
		);
		expect(naming.length).toBeGreaterThan(0);
		for (const item of naming) {
			for (const [, word] of item.question.zh.matchAll(/“([^”]+)”/g)) {
				expect(listed, `${item.id} names “${word}”`).toContain(word);
				const term = corpus.restrictedTerms.find((t) => t.term === word)!;
				expect(term.named_by, `${word} is named by ${item.id}`).toContain(item.id);
			}
		}
	});
});
