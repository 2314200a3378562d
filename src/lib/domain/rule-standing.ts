import type { Item, RelatedRule } from './corpus';

/**
 * How far a national-rule pointer was checked, which decides how it may be shown:
 * - `article_verified`: the article was checked against a stored public copy (url, excerpt, date);
 * - `article_to_confirm`: the title and issuer were checked, the article was not — shown as
 *   "article to be confirmed" (待核实条款), never as an article;
 * - `unverified`: not even the title and issuer were checked — shown as "article to be confirmed"
 *   and as a pointer for reference only, never as authority.
 */
export type RuleStanding = 'article_verified' | 'article_to_confirm' | 'unverified';

export const ruleStandings = ['article_verified', 'article_to_confirm', 'unverified'] as const;

export function ruleStanding(
	rule: Pick<RelatedRule, 'verification' | 'article' | 'source'>
): RuleStanding {
	if (rule.verification !== 'verified') return 'unverified';
	return rule.article !== null && rule.source !== null ? 'article_verified' : 'article_to_confirm';
}

/**
 * An item as the CLI (`items --json`) and the API print it: each national-rule pointer carries its
 * `article_standing`, so that no reader takes an article to be confirmed for an authority.
 */
export function itemWithRuleStandings(item: Item) {
	return {
		...item,
		related_rules: item.related_rules.map((r) => ({ ...r, article_standing: ruleStanding(r) }))
	};
}
