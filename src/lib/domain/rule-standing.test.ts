import { describe, expect, it } from 'vitest';
import { ruleStanding } from './rule-standing';

const source = {
	url: 'https://example.org/law',
	excerpt: '第十四条 运营者应当……',
	checked_on: '2026-12-01'
};

describe('ruleStanding', () => {
	it('is a verified article only with the article, its source and a verified title', () => {
		expect(ruleStanding({ verification: 'verified', article: '第十四条', source })).toBe(
			'article_verified'
		);
	});

	it('is "article to be confirmed" when only the title and issuer were checked', () => {
		expect(ruleStanding({ verification: 'verified', article: null, source })).toBe(
			'article_to_confirm'
		);
		expect(ruleStanding({ verification: 'verified', article: '第十四条', source: null })).toBe(
			'article_to_confirm'
		);
	});

	it('is unverified whenever the title was not checked, whatever else it carries', () => {
		expect(ruleStanding({ verification: 'unverified', article: '第十四条', source })).toBe(
			'unverified'
		);
	});
});
