import { describe, expect, it } from 'vitest';
import { findRestrictedTerms } from './findings';

const terms = [
	{ term: '金融', provisions: ['ifcr2024.a50.p3'], conflict: null },
	{ term: '财富管理', provisions: ['ifcr2024.a50.p3'], conflict: null },
	{
		term: '互联网金融',
		provisions: ['ifcr2024.a50.p3', 'ifo2014.c05.s5'],
		conflict: 'naming-internet-finance'
	},
	{ term: 'P2P', provisions: ['ifcr2024.a50.p3'], conflict: null }
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
				field: 'registered_name',
				term: '财富管理',
				provisions: ['ifcr2024.a50.p3'],
				conflict: null,
				licensed: false
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
		expect(findings).toEqual([expect.objectContaining({ field: 'business_scope', term: 'P2P' })]);
	});

	it('marks findings for a licensed institution, whose licence may allow the word', () => {
		const findings = findRestrictedTerms(
			{ org_type: 'licensed_institution', registered_name: '某某金融租赁有限公司' },
			terms
		);
		expect(findings[0]?.licensed).toBe(true);
	});

	it('finds nothing in a clean name or an empty profile', () => {
		expect(findRestrictedTerms({ registered_name: '上海浦江数字科技有限公司' }, terms)).toEqual([]);
		expect(findRestrictedTerms({}, terms)).toEqual([]);
	});
});
