import type { Profile } from './profile';

/**
 * The firm's identity: what its business licence says, as opposed to the assessment's scope. It is
 * kept once, on the client record (a consultancy's client) or on the organisation (a firm assessing
 * itself), never in an assessment's profile: the profile form shows and edits it, but saves it to
 * that one record. A final assessment keeps a frozen copy, so a signed report does not change.
 *
 * Only the two licence facts are identity. Everything else the profile asks (type of organisation,
 * licences held, business lines, data, customers, location, target sandbox) decides which items
 * apply and is answered per assessment: a firm may take a licence or a new line between two
 * assessments, and each assessment must keep the scope it was made on.
 */
export const IDENTITY_FIELDS = ['registered_name', 'business_scope'] as const;
export type IdentityField = (typeof IDENTITY_FIELDS)[number];

/** The longest value each identity field takes, the same on the client form, the profile and the API. */
export const IDENTITY_MAX: Record<IdentityField, number> = {
	registered_name: 200,
	business_scope: 500
};

export type IdentitySource = 'client' | 'organisation' | 'frozen' | 'input';

export interface FirmIdentity {
	/** The full name on the business licence; null while nobody has entered it. */
	registeredName: string | null;
	/** The business scope as registered; null while nobody has entered it. */
	businessScope: string | null;
	/** What the firm is called when its registered name is not known: the client's or organisation's name. */
	name: string;
	/** Where it was read: the client record, the organisation, a final assessment's copy, an input file. */
	source: IdentitySource;
}

export function isIdentityField(id: string): id is IdentityField {
	return (IDENTITY_FIELDS as readonly string[]).includes(id);
}

/** The identity's value for a profile field. */
export function identityValue(identity: FirmIdentity, field: IdentityField): string | null {
	return field === 'registered_name' ? identity.registeredName : identity.businessScope;
}

/** Trimmed text, or null for anything blank or not text. */
export function identityText(value: unknown): string | null {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/**
 * The name of the firm assessed, wherever it is printed (report cover, file name, assessment
 * title): the registered name when known, else the name it goes by. The one firm-name rule.
 */
export function firmName(identity: FirmIdentity): string {
	return identity.registeredName ?? identity.name;
}

/** The identity as JSON (the API's `firm`, the admin CLI): the same shape wherever it is printed. */
export function firmIdentityJson(identity: FirmIdentity) {
	return {
		name: firmName(identity),
		registered_name: identity.registeredName,
		business_scope: identity.businessScope,
		source: identity.source
	};
}

/** The profile without its identity fields: what an assessment stores. */
export function scopeProfile(profile: Profile): Profile {
	const scope: Profile = {};
	for (const [key, value] of Object.entries(profile)) if (!isIdentityField(key)) scope[key] = value;
	return scope;
}

/** The identity fields a profile carries (an input file, an API body): only those given as text. */
export function profileIdentity(profile: Profile): Partial<Record<IdentityField, string>> {
	const given: Partial<Record<IdentityField, string>> = {};
	for (const field of IDENTITY_FIELDS) {
		const value = identityText(profile[field]);
		if (value !== null) given[field] = value;
	}
	return given;
}

/**
 * The whole profile as the rules, the name check, the report and the API read it: the assessment's
 * scope answers with the identity filled in from its one source.
 */
export function profileWithIdentity(profile: Profile, identity: FirmIdentity): Profile {
	return {
		...scopeProfile(profile),
		registered_name: identity.registeredName,
		business_scope: identity.businessScope
	};
}

/**
 * The identity of a standalone profile (the CLI's profile.json): there is no record, so the file is
 * the one source. `name` is what to call the firm when the file gives no registered name.
 */
export function identityOfProfile(profile: Profile, name: string): FirmIdentity {
	const given = profileIdentity(profile);
	return {
		registeredName: given.registered_name ?? null,
		businessScope: given.business_scope ?? null,
		name,
		source: 'input'
	};
}

/**
 * Whether two spellings are the same fact: blanks collapsed and full-width forms folded (NFKC), so
 * 「浦江数科（上海）有限公司」 and 「浦江数科(上海)有限公司」 agree; any other difference is a conflict.
 */
export function sameIdentityText(a: string | null, b: string | null): boolean {
	const norm = (s: string | null) => (s ?? '').normalize('NFKC').replace(/\s+/g, ' ').trim();
	return norm(a) === norm(b);
}

/**
 * An assessment's own value that differed from its record when the identity moved there (or when
 * an import brought one): both are kept until a person chooses.
 */
export interface IdentityConflict {
	id: string;
	assessmentId: string;
	assessmentTitle: string;
	final: boolean;
	clientId: string | null;
	clientName: string | null;
	field: IdentityField;
	/** What the assessment reads now: its record's value, or its frozen copy's when final. */
	currentValue: string | null;
	/** The assessment's own differing value. */
	profileValue: string;
	foundAt: Date;
}
