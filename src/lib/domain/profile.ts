import type { Rule } from './corpus';

/** A firm's answers to the profile questions, by question id. */
export type ProfileValue = string | string[] | boolean | null;
export type Profile = Record<string, ProfileValue | undefined>;

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
	if ('equals' in rule) return values.some((v) => v === rule.equals);
	if ('in' in rule) return values.some((v) => rule.in.includes(String(v)));
	if ('not_in' in rule) return !values.some((v) => rule.not_in.includes(String(v)));
	return values.some((v) => rule.includes_any.includes(String(v)));
}
