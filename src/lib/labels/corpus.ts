import type { Addressee, Force, ProvisionStatus, Severity, Source } from '$lib/domain/corpus';
import { m } from '$lib/paraglide/messages';

/** Reader-facing names for the corpus's codes, in the current language. */

export const forceLabel = (force: Force): string =>
	({
		must: m.library_force_must,
		must_not: m.library_force_must_not,
		encouraged: m.library_force_encouraged,
		permitted: m.library_force_permitted,
		context: m.library_force_context
	})[force]();

export const addresseeLabel = (addressee: Addressee): string =>
	({
		financial_institutions: m.library_addressee_financial_institutions,
		fintech_firms: m.library_addressee_fintech_firms,
		local_financial_orgs: m.library_addressee_local_financial_orgs,
		all_businesses: m.library_addressee_all_businesses,
		government: m.library_addressee_government
	})[addressee]();

export const statusLabel = (status: ProvisionStatus): string =>
	({
		in_force: m.library_status_in_force,
		superseded: m.library_status_superseded,
		expired: m.library_status_expired
	})[status]();

export const severityLabel = (severity: Severity): string =>
	({
		critical: m.library_severity_critical,
		high: m.library_severity_high,
		medium: m.library_severity_medium,
		low: m.library_severity_low
	})[severity]();

export const sourceKindLabel = (kind: Source['kind']): string =>
	({
		local_regulation: m.library_kind_local_regulation,
		plan: m.library_kind_plan,
		policy: m.library_kind_policy,
		news: m.library_kind_news
	})[kind]();

const topics: Record<string, (inputs: object, options?: { locale: 'zh' | 'en' }) => string> = {
	fintech: m.library_topic_fintech,
	sandbox: m.library_topic_sandbox,
	credit_information: m.library_topic_credit_information,
	innovation: m.library_topic_innovation,
	digital_rmb: m.library_topic_digital_rmb,
	ai: m.library_topic_ai,
	blockchain: m.library_topic_blockchain,
	governance: m.library_topic_governance,
	outsourcing: m.library_topic_outsourcing,
	core_systems: m.library_topic_core_systems,
	cryptography: m.library_topic_cryptography,
	information_security: m.library_topic_information_security,
	open_banking: m.library_topic_open_banking,
	personal_information: m.library_topic_personal_information,
	data_security: m.library_topic_data_security,
	risk_management: m.library_topic_risk_management,
	cross_border_finance: m.library_topic_cross_border_finance,
	ethics: m.library_topic_ethics,
	consumer_protection: m.library_topic_consumer_protection,
	licensing: m.library_topic_licensing,
	ftz: m.library_topic_ftz,
	cross_border_data: m.library_topic_cross_border_data,
	inclusive_finance: m.library_topic_inclusive_finance,
	talent: m.library_topic_talent,
	elderly: m.library_topic_elderly,
	disclosure: m.library_topic_disclosure,
	green_finance: m.library_topic_green_finance,
	esg: m.library_topic_esg,
	emergency: m.library_topic_emergency,
	illegal_fundraising: m.library_topic_illegal_fundraising,
	exit: m.library_topic_exit,
	marketing: m.library_topic_marketing,
	complaints: m.library_topic_complaints,
	real_economy: m.library_topic_real_economy,
	suitability: m.library_topic_suitability,
	data_assets: m.library_topic_data_assets,
	regulatory_reporting: m.library_topic_regulatory_reporting,
	naming: m.library_topic_naming,
	customer_funds: m.library_topic_customer_funds,
	aml: m.library_topic_aml
};

/** A topic added to the corpus before it has a label shows its code. */
export const topicLabel = (topic: string, options?: { locale: 'zh' | 'en' }): string =>
	topics[topic]?.({}, options) ?? topic;

const shortTitles: Record<string, () => string> = {
	'sh-ifc-regulation-2024': m.library_short_sh_ifc_regulation_2024,
	'sh-ifc-14th-fyp-2021': m.library_short_sh_ifc_14th_fyp_2021,
	'sh-fintech-action-plan-2024': m.library_short_sh_fintech_action_plan_2024,
	'cm-fintech-pilot-news-2021': m.library_short_cm_fintech_pilot_news_2021,
	'sh-internet-finance-opinions-2014': m.library_short_sh_internet_finance_opinions_2014
};

/** A short name for lists; a source without one shows its full title. */
export const sourceShortTitle = (
	source: Pick<Source, 'id' | 'title_zh' | 'title_en'>,
	lang: 'zh' | 'en'
): string => shortTitles[source.id]?.() ?? (lang === 'zh' ? source.title_zh : source.title_en);
