import { isCalendarDate } from '../domain/calendar-date';
import { m } from '$lib/paraglide/messages';
import { z } from 'zod';
import type { ProfileQuestion } from '../domain/corpus';
import type { Profile } from '../domain/profile';
import { describeContradiction, profileContradictions } from '../domain/profile-checks';
import { IDENTITY_MAX, isIdentityField } from '../domain/identity';
import { answerStatuses } from '../domain/scoring';
import { noteText } from './note-text';
import { withoutBidiControls } from './zod';

// The JSON shapes of a profile and an answer, shared by the CLI's files and the HTTP API. Plain
// `zod` and relative imports only: the CLI runs without SvelteKit's aliases.

/** One profile answer as JSON: booleans as booleans, lists as lists. */
export function profileFieldSchema(q: ProfileQuestion): z.ZodType {
	const values = q.options.map((o) => o.value) as [string, ...string[]];
	switch (q.kind) {
		case 'boolean':
			return z.boolean();
		case 'text':
			return withoutBidiControls(z.string().max(isIdentityField(q.id) ? IDENTITY_MAX[q.id] : 500));
		case 'single':
			return z.enum(values);
		case 'multi':
			return z.array(z.enum(values)).max(values.length);
	}
}

/**
 * A whole profile (profile.json): required questions must be answered, unknown keys are refused, and
 * answers that contradict each other are refused with both fields named.
 */
export function profileJsonSchema(questions: readonly ProfileQuestion[]) {
	const shape: Record<string, z.ZodType> = {};
	for (const q of questions) {
		const field = profileFieldSchema(q).meta({ description: q.label.en });
		shape[q.id] = q.required ? field : field.optional();
	}
	return z.strictObject(shape).superRefine((profile, ctx) => {
		for (const c of profileContradictions(profile as Profile))
			for (const field of c.fields)
				ctx.addIssue({
					code: 'custom',
					path: [field],
					message: describeContradiction(c, profile as Profile)
				});
	});
}

/** One answer (answers.json, the API): `evidence` a string or a list of strings, `due` YYYY-MM-DD. */
export const answerJsonSchema = z.strictObject({
	status: z.enum(answerStatuses),
	note: noteText().optional(),
	evidence: z
		.union([
			withoutBidiControls(z.string().max(2000)),
			z.array(withoutBidiControls(z.string().max(2000))).max(50)
		])
		.optional(),
	owner: withoutBidiControls(z.string().max(200)).nullable().optional(),
	due: z.iso
		.date()
		.refine(isCalendarDate, { error: () => m.err_date() })
		.nullable()
		.optional()
});
