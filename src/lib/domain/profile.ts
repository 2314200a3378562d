import type { Rule } from './corpus';

/** A firm's answers to the profile questions, by question id. */
export type ProfileValue = string | string[] | boolean | null;
export type Profile = Record<string, ProfileValue | undefined>;

/**
 * Profile values retired in the 2026-12 questionnaire, with the values that replaced them. The
 * migration 2026_12_01_143700_profile_scoping rewrites stored profiles; an assessment still on an
 * older questionnaire keeps that questionnaire's rules, so a rule naming a retired value matches
 * its successors, and a retired value still found (an older export) matches every successor.
 */
export const RETIRED_PROFILE_VALUES: Record<string, Record<string, string[]>> = {
	target_sandbox: {
		pboc_fintech_tool: ['pboc_licensed_alone', 'pboc_tech_product', 'pboc_joint'],
		shanghai_sandbox: ['pboc_licensed_alone', 'pboc_tech_product', 'pboc_joint']
	},
	personal_information: { over_1m: ['1m_to_10m', 'over_10m'] }
};

function matches(field: string, value: string, ruleValue: string): boolean {
	if (value === ruleValue) return true;
	const retired = RETIRED_PROFILE_VALUES[field];
	if (!retired) return false;
	return (
		(retired[ruleValue]?.includes(value) ?? false) || (retired[value]?.includes(ruleValue) ?? false)
	);
}

/**
 * Whether a rule holds for a profile. An unanswered field matches no value, so `not_in` holds for
 * it: when the profile does not say, the item stays in scope rather than silently dropping out.
 */
export function ruleHolds(rule: Rule, profile: Profile): boolean {
	if (rule === 'always') return true;
	if ('all' in rule) return rule.all.every((r) => ruleHolds(r, profile));
	if ('any' in rule) return rule.any.some((r) => ruleHolds(r, profile));
	if ('not' in rule) return !ruleHolds(rule.not, profile);
	const value = profile[rule.field];
	const values = Array.isArray(value)
		? value
		: value === null || value === undefined
			? []
			: [value];
	if ('equals' in rule) {
		const wanted = rule.equals;
		return values.some((v) =>
			typeof wanted === 'string' && typeof v === 'string'
				? matches(rule.field, v, wanted)
				: v === wanted
		);
	}
	const oneOf = (list: string[]) =>
		values.some((v) => list.some((r) => matches(rule.field, String(v), r)));
	if ('in' in rule) return oneOf(rule.in);
	if ('not_in' in rule) return !oneOf(rule.not_in);
	return oneOf(rule.includes_any);
}
