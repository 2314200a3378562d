/**
 * The filing pack's own short form: what the product cannot know from the profile, the answers or
 * the evidence. Stored with the assessment (`filing_packs.input`), read from `--pack-input` by the
 * CLI; keys in snake_case like the profile's. A field left empty stays "to be completed" in the pack.
 */
export interface PackInput {
	service_name: string | null;
	channels: string | null;
	service_hours: string | null;
	target_users: string | null;
	user_scale: string | null;
	/** The licensed institution applying jointly (PBOC tool, joint application). */
	partner_name: string | null;
	partner_licence: string | null;
	/** YYYY-MM-DD */
	planned_filing_date: string | null;
	/** How long the verdict holds before the planned filing date, in months. */
	validity_months: number;
}

export const packTextFields = [
	'service_name',
	'channels',
	'service_hours',
	'target_users',
	'user_scale',
	'partner_name',
	'partner_licence'
] as const;
export type PackTextField = (typeof packTextFields)[number];
export type PackField = PackTextField | 'planned_filing_date' | 'validity_months';

export const DEFAULT_VALIDITY_MONTHS = 3;
export const MAX_VALIDITY_MONTHS = 24;
export const PACK_TEXT_MAX = 500;

export const EMPTY_PACK_INPUT: PackInput = {
	service_name: null,
	channels: null,
	service_hours: null,
	target_users: null,
	user_scale: null,
	partner_name: null,
	partner_licence: null,
	planned_filing_date: null,
	validity_months: DEFAULT_VALIDITY_MONTHS
};

/** A stored or sent value as a pack input: unknown keys dropped, blanks as null, defaults filled. */
export function normalisePackInput(value: unknown): PackInput {
	const raw = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
	const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
	const months = Number(raw.validity_months);
	const date = text(raw.planned_filing_date);
	return {
		...Object.fromEntries(packTextFields.map((f) => [f, text(raw[f])])),
		planned_filing_date: date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null,
		validity_months:
			Number.isInteger(months) && months >= 1 && months <= MAX_VALIDITY_MONTHS
				? months
				: DEFAULT_VALIDITY_MONTHS
	} as PackInput;
}

/** What a person wrote over a drafted section, and the draft it was written over. */
export interface PackEdit {
	text: string;
	/** The fingerprint of the draft when the edit was saved: a different one now means it changed. */
	baseHash: string;
	editedAt: string;
	editedBy: string | null;
}

/** Adds whole months to a date (YYYY-MM-DD), clamping to the month's last day (01-31 + 1 → 02-28). */
export function addMonths(date: string, months: number): string {
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	const first = new Date(Date.UTC(y, m - 1 + months, 1));
	const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
	first.setUTCDate(Math.min(d, last));
	return first.toISOString().slice(0, 10);
}

/** A short, stable fingerprint of a text (FNV-1a, 32 bits): enough to notice that a draft changed. */
export function fingerprint(text: string): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h.toString(16).padStart(8, '0');
}

export const packFields: readonly PackField[] = [
	...packTextFields,
	'planned_filing_date',
	'validity_months'
];

/** A save over a pack form someone else saved since the writer opened it, field by field. */
export interface PackMerge {
	/** The writer's changes laid over the other save: what the writer's form should now hold. */
	merged: PackInput;
	/** Changed by both, to different values: the writer's value kept, the other's to be shown. */
	conflicts: PackField[];
	/** Changed by the other person only: taken into the writer's form. */
	theirs: PackField[];
}

/**
 * Three-way merge of the pack form: `base` is what the writer opened (null when unknown: every
 * field that differs is then a conflict), `sent` what they sent, `current` what is stored now. A
 * field the writer left as opened takes the stored value; one they changed keeps theirs; one both
 * changed differently is a conflict, so that neither person's text is lost.
 */
export function mergePackInput(
	base: PackInput | null,
	sent: PackInput,
	current: PackInput
): PackMerge {
	const merged = { ...sent };
	const conflicts: PackField[] = [];
	const theirs: PackField[] = [];
	for (const field of packFields) {
		const [b, s, c] = [base?.[field] ?? null, sent[field] ?? null, current[field] ?? null];
		if (s === c) continue;
		if (base !== null && s === b) {
			(merged as Record<PackField, unknown>)[field] = c;
			theirs.push(field);
		} else if (base === null || c !== b) conflicts.push(field);
	}
	return { merged, conflicts, theirs };
}
