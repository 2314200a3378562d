import { describe, expect, it } from 'vitest';
import type { RestrictedTerm } from './corpus';
import { findRestrictedTerms } from './findings';

const term = (t: string, extra: Partial<RestrictedTerm> = {}): RestrictedTerm => ({
	term: t,
	provisions: ['ifcr2024.a50.p3'],
	conflict: null,
	named_by: [],
	licensed: {},
	neutral: [],
	...extra
});

const terms = [
	term('金融', { licensed: { banking: ['金融'] }, neutral: ['接受金融机构委托'] }),
	term('财富管理'),
	term('互联网金融', {
		provisions: ['ifcr2024.a50.p3', 'ifo2014.c05.s5'],
		conflict: 'naming-internet-finance'
	}),
	term('P2P'),
	term('银行', { neutral: ['非银行支付'] }),
	term('支付', { licensed: { payment: ['支付'] } })
];

describe('findRestrictedTerms', () => {
	it('finds a financial word in the registered name, with the provision behind it', () => {
		const findings = findRestrictedTerms(
			{ registered_name: '上海某某财富管理有限公司', business_scope: '软件开发' },
			terms
		);
		expect(findings).toEqual([
			{
				code: 'restricted_term',
				term: '财富管理',
				fields: ['registered_name'],
				provisions: ['ifcr2024.a50.p3'],
				conflict: null,
				namedBy: [],
				licensed: false,
				licence: null,
				licenceLabel: null
			}
		]);
	});

	it('reports the longer term, not the word inside it, and links the naming conflict', () => {
		const findings = findRestrictedTerms(
			{ registered_name: '上海互联网金融信息服务有限公司' },
			terms
		);
		expect(findings.map((f) => [f.term, f.conflict])).toEqual([
			['互联网金融', 'naming-internet-finance']
		]);
	});

	it('still reports a shorter word where it also stands on its own', () => {
		const findings = findRestrictedTerms({ business_scope: '金融信息服务；互联网金融咨询' }, terms);
		expect(findings.map((f) => f.term).sort()).toEqual(['互联网金融', '金融']);
	});

	it('checks the business scope too, ignoring case for Latin letters', () => {
		const findings = findRestrictedTerms(
			{ registered_name: '浦江科技', business_scope: '网络借贷信息中介（p2p）' },
			terms
		);
		expect(findings).toEqual([
			expect.objectContaining({ fields: ['business_scope'], term: 'P2P' })
		]);
	});

	it('marks a word the firm’s licence allows, and only that word', () => {
		const findings = findRestrictedTerms(
			{ registered_name: '某某金融支付有限公司', licences: ['payment'] },
			terms
		);
		expect(findings.map((f) => [f.term, f.licensed, f.licence])).toEqual([
			['金融', false, null],
			['支付', true, 'payment']
		]);
	});

	it('does not take a standard phrase or an excluded business as a claim', () => {
		expect(
			findRestrictedTerms(
				{
					business_scope: '非银行支付业务；接受金融机构委托从事信息技术外包；咨询（不含金融业务）'
				},
				terms
			).map((f) => f.term)
		).toEqual(['支付']);
	});

	it('finds nothing in a clean name or an empty profile', () => {
		expect(findRestrictedTerms({ registered_name: '上海浦江数字科技有限公司' }, terms)).toEqual([]);
		expect(findRestrictedTerms({}, terms)).toEqual([]);
	});
});
