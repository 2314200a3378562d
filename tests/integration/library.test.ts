import { describe, expect, it } from 'vitest';
import { Browser } from '../helpers/browser';

describe('library overview', () => {
	it('lists the five sources without a login, marks the news report and shows the version', async () => {
		const page = await new Browser().get('/library');
		expect(page.status).toBe(200);
		for (const title of [
			'上海市推进国际金融中心建设条例',
			'上海国际金融中心建设“十四五”规划',
			'上海高质量推进全球金融科技中心建设行动方案',
			'资本市场金融科技创新试点（上海）启动（新闻报道）',
			'关于促进本市互联网金融产业健康发展的若干意见'
		])
			expect(page.text).toContain(title);
		expect(page.text).toContain('新闻报道，仅供背景参考');
		expect(page.body).toMatch(/<code class="version[^"]*">[0-9a-f]{12}<\/code>/);
		expect(page.body).toContain('href="/library/provisions?source=sh-ifc-regulation-2024"');
	});

	it('shows the English titles when the reader chose English', async () => {
		const page = await new Browser(undefined, { lang: 'en' }).get('/library');
		expect(page.text).toContain('Action Plan for Building a Global Fintech Centre in Shanghai');
		expect(page.text).toContain('News report, context only');
	});
});

describe('a provision', () => {
	it('quotes the verbatim text, summarises it, and shows the conflict it wins and the items testing it', async () => {
		const reader = new Browser();
		// The Chinese interface shows the English summary only to a reader who asked for it.
		expect((await reader.get('/library/provisions/ifcr2024.a50.p3')).text).not.toContain(
			'no business entity may use words with a financial character'
		);
		reader.cookies.set('english', 'show');
		const page = await reader.get('/library/provisions/ifcr2024.a50.p3');
		expect(page.status).toBe(200);
		expect(page.text).toContain('上海市推进国际金融中心建设条例 第五十条第三款');
		expect(page.body).toMatch(
			/<blockquote[^>]*lang="zh-CN"[^>]*>[^<]*经营主体不得在名称、经营范围中使用具有金融属性的字样/
		);
		expect(page.text).toContain('no business entity may use words with a financial character');
		expect(page.text).toContain('关于促进本市互联网金融产业健康发展的若干意见 （五）第五句');
		expect(page.text).toContain('以此为准');
		expect(page.text).toContain('以条例为准');
		expect(page.body).toContain('href="/library/items/NAM-001"');
	});

	it('shows a superseded provision with the date and a link to what replaced it', async () => {
		const page = await new Browser(undefined, { lang: 'en' }).get(
			'/library/provisions/ifo2014.c05.s5'
		);
		expect(page.status).toBe(200);
		expect(page.text).toMatch(/Superseded by [^\u4e00-\u9fff]*, Article 50\(3\) from 2024-10-01/);
		expect(page.body).toContain('href="/library/provisions/ifcr2024.a50.p3"');
		expect(page.text).toContain('The Regulations are higher in rank and later in time');
	});

	it('answers 404 for an unknown id', async () => {
		const page = await new Browser().get('/library/provisions/nope.a1');
		expect(page.status).toBe(404);
		expect(page.text).toContain('没有编号为 nope.a1 的条文');
	});
});

describe('the provision list', () => {
	it('finds the sandbox provision by searching its Chinese text', async () => {
		const page = await new Browser().get(`/library/provisions?q=${encodeURIComponent('监管沙箱')}`);
		expect(page.status).toBe(200);
		expect(page.body).toContain('href="/library/provisions/ftap2024.c12"');
		expect(page.body).not.toContain('href="/library/provisions/ifcr2024.a50.p3"');
	});

	it('finds by word and by topic, in Chinese and in English, binding provisions first', async () => {
		const byTopic = await new Browser().get('/library/provisions?topic=personal_information');
		const topicIds = [...byTopic.body.matchAll(/href="\/library\/provisions\/([^"]+)"/g)].map(
			(m) => m[1]
		);
		expect(topicIds.length).toBeGreaterThan(0);
		for (const q of ['个人信息', 'personal information']) {
			const page = await new Browser().get(`/library/provisions?q=${encodeURIComponent(q)}`);
			expect(page.status).toBe(200);
			for (const id of topicIds) expect(page.body).toContain(`href="/library/provisions/${id}"`);
		}
		// The list opens with the regulation, not the 2021 news report.
		const list = await new Browser().get('/library/provisions');
		const first = list.body.match(/href="\/library\/provisions\/([^"]+)"/)?.[1];
		expect(first).toMatch(/^ifcr2024\./);
	});

	it('refuses a query longer than the search reads, naming the parameter', async () => {
		const page = await new Browser(undefined, { lang: 'en' }).get(
			`/library/provisions?q=${'合规'.repeat(60)}`
		);
		expect(page.status).toBe(400);
		expect(page.text).toContain('The query parameter “q” has a value that is not valid.');
	});

	it('filters by source and keeps the choice selected in the form', async () => {
		const page = await new Browser().get(
			'/library/provisions?source=sh-internet-finance-opinions-2014&q=&topic=&force=&addressee=&status='
		);
		expect(page.status).toBe(200);
		expect(page.body).toContain('href="/library/provisions/ifo2014.c05.s5"');
		expect(page.body).not.toContain('href="/library/provisions/ifcr2024.a50.p3"');
		expect(page.body).toMatch(/<option value="sh-internet-finance-opinions-2014" selected/);
	});

	it('pages the full list and keeps the filters in the page links', async () => {
		const first = await new Browser().get('/library/provisions?status=expired');
		expect(first.text).toMatch(/第 1 页，共 \d+ 页/);
		expect(first.body).toContain('href="/library/provisions?status=expired&amp;page=2"');
		const second = await new Browser().get('/library/provisions?status=expired&page=2');
		expect(second.status).toBe(200);
		expect(second.text).toMatch(/第 2 页，共 \d+ 页/);
		expect((await new Browser().get('/library/provisions?page=zero')).status).toBe(400);
	});

	it('answers 400 naming the parameter when a filter value is unknown', async () => {
		const page = await new Browser(undefined, { lang: 'en' }).get(
			'/library/provisions?status=repealed'
		);
		expect(page.status).toBe(400);
		expect(page.text).toContain('The query parameter “status” has a value that is not valid.');
	});
});

describe('items', () => {
	it('groups the items by domain and filters them by the source they cite', async () => {
		const page = await new Browser().get('/library/items?source=sh-ifc-regulation-2024');
		expect(page.status).toBe(200);
		expect(page.text).toContain('名称、经营范围与营销宣传');
		expect(page.body).toContain('href="/library/items/NAM-001"');
	});

	it('shows the questions in English when the reader chose English', async () => {
		const page = await new Browser(undefined, { lang: 'en' }).get(
			'/library/items?domain=naming_marketing'
		);
		expect(page.text).toContain(
			"Do the firm's registered name and business scope use words with a financial character"
		);
		expect(page.text).toContain('Business name, scope and marketing');
	});

	it('shows one item with its rule in words, the provisions it cites and its related rules', async () => {
		const page = await new Browser().get('/library/items/NAM-001');
		expect(page.status).toBe(200);
		expect(page.text).toContain('适用于所有机构');
		expect(page.text).toContain('不可回答“不适用”');
		expect(page.text).toContain('经营主体不得在名称、经营范围中使用具有金融属性的字样');
		expect(page.text).toContain('上海市推进国际金融中心建设条例 第五十条第三款');
		expect(page.text).toContain('防范和处置非法集资条例');
		expect(page.text).toContain('已核验');
		// Its basis and each quote's force are shown; a verified rule says when it was checked.
		expect(page.text).toContain('法定义务');
		expect(page.text).toContain('约束性');
		expect(page.text).toContain('已于 2026-12-01 对照公开文本核验');
		expect(page.text).not.toMatch(/未核验\s*·?\s*最近核验于/);
		expect(page.text).toMatch(/法规信息截至 \d{4}-\d{2}-\d{2}/);
	});

	it('shows a verified article with its address, an unchecked one as “article to be confirmed”, and who reviewed the item', async () => {
		const page = await new Browser().get('/library/items/FND-005');
		expect(page.status).toBe(200);
		// The State Council regulation's article, checked against a stored public copy.
		expect(page.text).toContain('第二十九条第一款');
		expect(page.body).toContain('https://github.com/LawRefBook/Laws/blob/');
		expect(page.text).toContain('非银行支付机构应当将备付金存放在中国人民银行');
		// The PBOC order whose article nobody checked: never an article number.
		expect(page.text).toContain('待核实条款：名称和发布机关已核验，条款尚未核实，不作为条款依据');
		// What each quoted provision asks of the firm.
		expect(page.text).toMatch(/描述政策或政府职责，不对机构设定义务|鼓励或允许，不构成强制要求/);
		expect(page.text).toContain('核验记录');
		expect(page.text).toContain('合规预检内容编辑组');
		expect(page.text).toContain('尚无执业律师出具的法律意见');
		const en = await new Browser(undefined, { lang: 'en' }).get('/library/items/FND-005');
		expect(en.text).toContain('Article to be confirmed: the title and issuer were checked');
		expect(en.text).toContain('No legal review by a qualified lawyer is recorded yet');
	});

	it('writes a scoped item’s applicability with the profile labels', async () => {
		const list = await new Browser(undefined, { lang: 'en' }).get('/library/items?q=AML-001');
		expect(list.body).toContain('href="/library/items/AML-001"');
		const page = await new Browser(undefined, { lang: 'en' }).get('/library/items/AML-001');
		expect(page.text).toContain('Applies when:');
	});

	it('answers 404 for an unknown item and 400 for an unknown domain', async () => {
		expect((await new Browser().get('/library/items/XXX-999')).status).toBe(404);
		const bad = await new Browser().get('/library/items?domain=astrology');
		expect(bad.status).toBe(400);
		expect(bad.text).toContain('查询参数“domain”的值无效');
	});
});
