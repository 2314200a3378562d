import { z } from 'zod';
import {
	addressees,
	bases,
	forces,
	provisionStatuses,
	severities,
	type Rule
} from '../domain/corpus';

const isoDate = z
	.union([z.string(), z.date()])
	.transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
	.pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD'));
const text = z.string().trim().min(1, 'must not be empty');
const localized = z.object({ zh: text, en: text }).strict();
const id = z
	.string()
	.regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be letters, digits, dots, dashes');

export const sourceSchema = z
	.object({
		id,
		file: text,
		title_zh: text,
		title_en: text,
		issuer_zh: text,
		issuer_en: text,
		kind: z.enum(['local_regulation', 'plan', 'policy', 'news']),
		binding: z.boolean(),
		issued_on: isoDate,
		effective_from: isoDate.nullable(),
		effective_to: isoDate.nullable(),
		note_en: text,
		standing: localized.nullable().default(null)
	})
	.strict();

export const provisionSchema = z
	.object({
		id,
		source: id,
		label: text,
		/** The label as an English citation reads it (Article 50(3)), kept by hand beside the Chinese. */
		label_en: text,
		section: z
			.string()
			.nullable()
			.default(null)
			.transform((v) => v ?? ''),
		text_zh: text,
		summary_en: text,
		addressee: z.array(z.enum(addressees)).min(1),
		force: z.enum(forces),
		topics: z.array(z.string()).default([]),
		status: z.enum(provisionStatuses),
		effective_from: isoDate.nullable(),
		effective_to: isoDate.nullable().default(null),
		superseded_by: id.nullable().default(null),
		erratum: localized.nullable().default(null),
		caveat: localized.nullable().default(null)
	})
	.strict()
	.refine((p) => p.status !== 'superseded' || p.superseded_by !== null, {
		path: ['superseded_by'],
		message: 'a superseded provision must name what supersedes it'
	});

export const conflictSchema = z
	.object({
		id,
		provisions: z.array(id).min(2),
		prevails: id,
		summary_zh: text,
		summary_en: text,
		reason_zh: text,
		reason_en: text
	})
	.strict();

export const domainSchema = z
	.object({ id, prefix: z.string().regex(/^[A-Z]{2,5}$/), zh: text, en: text })
	.strict();

const field = z.string().min(1);
export const ruleSchema: z.ZodType<Rule> = z.lazy(() =>
	z.union([
		z.literal('always'),
		z.object({ field, equals: z.union([z.string(), z.boolean()]) }).strict(),
		z.object({ field, in: z.array(z.string()).min(1) }).strict(),
		z.object({ field, not_in: z.array(z.string()).min(1) }).strict(),
		z.object({ field, includes_any: z.array(z.string()).min(1) }).strict(),
		z.object({ all: z.array(ruleSchema).min(1) }).strict(),
		z.object({ any: z.array(ruleSchema).min(1) }).strict(),
		z.object({ not: ruleSchema }).strict()
	])
);

export const ruleSourceSchema = z
	.object({
		url: z.string().url('must be the address of the public copy the article was checked against'),
		excerpt: text,
		checked_on: isoDate
	})
	.strict();

export const relatedRuleSchema = z
	.object({
		title: text,
		issuer: text,
		date: isoDate.nullable().default(null),
		article: z.string().nullable().default(null),
		verification: z.enum(['verified', 'unverified']),
		last_verified: isoDate,
		source: ruleSourceSchema.nullable().default(null)
	})
	.strict()
	.refine((r) => r.article === null || r.verification === 'verified', {
		path: ['article'],
		message: 'an unverified pointer names no article (write null: "article to be confirmed")'
	})
	.refine((r) => r.article === null || r.source !== null, {
		path: ['source'],
		message: 'a verified article needs the url, excerpt and date it was checked against'
	});

const criteriaSchema = z
	.object({ compliant: localized, partial: localized, non_compliant: localized })
	.strict();

export const itemSchema = z
	.object({
		id: z.string().regex(/^[A-Z]{2,5}-\d{3}$/, 'must look like LIC-001'),
		domain: id,
		question: localized,
		guidance: localized,
		answer_scale: z.literal('compliance').default('compliance'),
		basis: z.enum(bases),
		severity: z.enum(severities),
		severity_reason: localized.nullable().default(null),
		criteria: criteriaSchema,
		never_na: z.boolean().default(false),
		applies_when: ruleSchema,
		provisions: z.array(id).min(1, 'must cite at least one provision'),
		related_rules: z.array(relatedRuleSchema).default([]),
		remediation: localized,
		evidence_examples: z.object({ zh: z.array(text).min(1), en: z.array(text).min(1) }).strict()
	})
	.strict()
	.refine((i) => i.severity !== 'critical' || i.severity_reason !== null, {
		path: ['severity_reason'],
		message: 'a critical item must say why it is critical'
	});

export const reviewSchema = z
	.object({
		on: isoDate,
		by: localized,
		kind: z.enum(['editorial', 'legal']),
		scope: localized,
		items: z.union([z.literal('all'), z.array(z.string().regex(/^[A-Z]{2,5}-\d{3}$/)).min(1)])
	})
	.strict();

export const profileQuestionSchema = z
	.object({
		id,
		kind: z.enum(['single', 'multi', 'boolean', 'text']),
		required: z.boolean().default(false),
		label: localized,
		help: localized,
		options: z.array(z.object({ value: z.string().min(1), label: localized }).strict()).default([])
	})
	.strict()
	.refine((q) => (q.kind === 'single' || q.kind === 'multi') === q.options.length > 0, {
		path: ['options'],
		message: 'single and multi questions need options; the others take none'
	});

export const restrictedTermSchema = z
	.object({
		term: text,
		provisions: z.array(id).min(1),
		conflict: id.nullable().default(null),
		named_by: z.array(id).default([]),
		licensed: z.record(z.string(), z.array(text).min(1)).default({}),
		neutral: z.array(text).default([])
	})
	.strict();
