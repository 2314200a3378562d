import { describe, expect, it } from 'vitest';
import { z } from '../../src/lib/schemas/zod';
import { assessmentExportSchema } from '../../src/lib/schemas/assessment-export';
import { answerJsonSchema } from '../../src/lib/schemas/assessment-json';
import { issueFields } from '../../src/lib/server/web/api/http';
import { m } from '../../src/lib/paraglide/messages';

/** Zod's own English defaults ("Invalid key in record", "Invalid input", …) are words; ours in zh are not. */
const english = /[A-Za-z]{3,}/;

/** Every message of the failed parse, as the API's `fields` carries them. */
function messages(schema: z.ZodType, input: unknown): Record<string, string> {
	const result = schema.safeParse(input);
	expect(result.success).toBe(false);
	return issueFields(result.error!);
}

describe('every validation message is ours, in the reader’s language', () => {
	it('names a record key that is not allowed (answers.constructor) in our words', () => {
		const exported = {
			format: 'sandbox-readiness/assessment',
			answers: JSON.parse('{"constructor":{"status":"compliant"},"toString":1}')
		};
		const fields = messages(
			z.object({ answers: assessmentExportSchema.options[0].shape.answers }),
			exported
		);
		expect(fields['answers.constructor']).toBe(m.harden_err_invalid_key());
		expect(fields['answers.toString']).toBe(m.harden_err_invalid_key());
	});

	it('has a message of ours for every kind of issue zod raises', () => {
		const cases: [z.ZodType, unknown][] = [
			[z.union([z.string(), z.number()]), true],
			[z.array(z.string()).max(1), ['a', 'b']],
			[z.number().multipleOf(5), 3],
			[z.number().max(3), 4],
			[z.set(z.string()), new Set([1])],
			[z.map(z.string(), z.string()), new Map([[1, 'a']])],
			[z.strictObject({ a: z.string() }), { a: 'x', b: 1 }],
			[z.string().refine(() => false), 'x'],
			[z.record(z.enum(['a']), z.string()), { b: 'x' }],
			[z.literal('x'), 'y'],
			[z.date(), new Date('invalid')],
			[z.bigint(), 1]
		];
		for (const [schema, input] of cases)
			for (const [path, text] of Object.entries(messages(schema, input)))
				expect(text, `${path}: ${text}`).not.toMatch(english);
	});

	it('refuses a note with text-direction controls, with our message', () => {
		const fields = messages(answerJsonSchema, { status: 'partial', note: 'pay \u202Eeerf\u202C' });
		expect(fields.note).toBe(m.harden_err_bidi_control());
	});
});

describe('text-direction controls in other texts printed in reports', () => {
	it('refuses them in the consultant’s statement and the pack form, with our message', async () => {
		const { reportStatementSchema } = await import('../../src/lib/schemas/consultant-voice');
		const { packInputSchema, packEditSchema } = await import('../../src/lib/schemas/pack');
		expect(messages(reportStatementSchema, { opinion_en: 'ok \u2067x\u2069' }).opinion_en).toBe(
			m.harden_err_bidi_control()
		);
		const packField = Object.keys(packInputSchema.shape)[0]!;
		expect(messages(packInputSchema, { [packField]: 'a\u202Db' })[packField]).toBe(
			m.harden_err_bidi_control()
		);
		expect(messages(packEditSchema, { section: 'business', text: 'a\u202Ab' }).text).toBe(
			m.harden_err_bidi_control()
		);
	});
});
