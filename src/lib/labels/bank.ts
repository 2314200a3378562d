import type { Basis } from '$lib/domain/corpus';
import type { ProfileFinding } from '$lib/domain/findings';
import type { ContradictionCode } from '$lib/domain/profile-checks';
import type { ForceClass } from '$lib/domain/provision-standing';
import type { RuleStanding } from '$lib/domain/rule-standing';
import { m } from '$lib/paraglide/messages';
import { getLocale, type Locale } from '$lib/paraglide/runtime';

type In = { locale?: Locale };

export const basisLabel = (basis: Basis, o: In = {}): string =>
	({
		obligation: m.bank_basis_obligation,
		entry_condition: m.bank_basis_entry_condition,
		good_practice: m.bank_basis_good_practice
	})[basis]({}, o);

export const basisHint = (basis: Basis, o: In = {}): string =>
	({
		obligation: m.bank_basis_obligation_hint,
		entry_condition: m.bank_basis_entry_condition_hint,
		good_practice: m.bank_basis_good_practice_hint
	})[basis]({}, o);

export const forceClassLabel = (force: ForceClass, o: In = {}): string =>
	({
		binding: m.bank_force_binding,
		encouraged: m.bank_force_encouraged,
		context: m.bank_force_context
	})[force]({}, o);

/** What a provision of that force asks of the firm: shown beside the force wherever it is quoted. */
export const forceClassHint = (force: ForceClass, o: In = {}): string =>
	({
		binding: m.bank_force_binding_hint,
		encouraged: m.bank_force_encouraged_hint,
		context: m.bank_force_context_hint
	})[force]({}, o);

/** How far a national-rule pointer was checked, in a sentence (pages) or a few words (lists, PDF). */
export const ruleStandingLabel = (standing: RuleStanding, o: In = {}): string =>
	({
		article_verified: m.bank_rule_standing_article_verified,
		article_to_confirm: m.bank_rule_standing_article_to_confirm,
		unverified: m.bank_rule_standing_unverified
	})[standing]({}, o);

export const ruleStandingShort = (standing: RuleStanding, o: In = {}): string =>
	({
		article_verified: m.bank_rule_standing_article_verified_short,
		article_to_confirm: m.bank_rule_standing_article_to_confirm_short,
		unverified: m.bank_rule_standing_unverified_short
	})[standing]({}, o);

/** A good practice not (fully) adopted: "partly in place" / "not yet in place", never a compliance word. */
export const goodPracticeStatusLabel = (status: 'partial' | 'non_compliant', o: In = {}): string =>
	(status === 'partial' ? m.bank_good_practice_partial : m.bank_good_practice_not_in_place)({}, o);

export const contradictionReason = (code: ContradictionCode, o: In = {}): string =>
	({
		retail_without_personal_information: m.bank_contradiction_retail_without_personal_information,
		elderly_without_retail: m.bank_contradiction_elderly_without_retail,
		role_without_personal_information: m.bank_contradiction_role_without_personal_information,
		tech_company_with_financial_licence: m.bank_contradiction_tech_company_with_financial_licence,
		licensed_institution_without_licence: m.bank_contradiction_licensed_institution_without_licence,
		local_org_without_local_licence: m.bank_contradiction_local_org_without_local_licence,
		licensed_alone_without_licence: m.bank_contradiction_licensed_alone_without_licence
	})[code]({}, o);

/** One sentence per finding: the word and where it is claimed, with the licence that covers it. */
export function findingText(f: ProfileFinding, o: In = {}): string {
	const where =
		f.fields.length === 2
			? m.bank_finding_in_name_and_scope({ term: f.term }, o)
			: f.fields[0] === 'registered_name'
				? m.finding_in_name({ term: f.term }, o)
				: m.finding_in_scope({ term: f.term }, o);
	if (!f.licenceLabel) return where;
	const licence = (o.locale ?? getLocale()) === 'en' ? f.licenceLabel.en : f.licenceLabel.zh;
	return `${where}${m.bank_finding_licensed_by({ licence }, o)}`;
}
