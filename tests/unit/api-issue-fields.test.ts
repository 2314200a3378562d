import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { invalid, issueFields } from '../../src/lib/server/web/api/http';
import { m } from '../../src/lib/paraglide/messages';

// A JSON body is parsed with JSON.parse, which makes `__proto__` and `constructor` ordinary own
// keys: a strict schema refuses them, and the 400 must name them like any other unknown key.
describe('issueFields', () => {
	const schema = z.strictObject({ status: z.string() });

	it('names unknown keys that are also Object.prototype names', () => {
		const body = JSON.parse(
			'{"status":"partial","__proto__":{"a":1},"constructor":1,"toString":2}'
		);
		const result = schema.safeParse(body);
		expect(result.success).toBe(false);
		const fields = issueFields(result.error!);
		expect(Object.keys(fields).sort()).toEqual(['__proto__', 'constructor', 'toString']);
		// As sent: JSON.stringify writes own keys only.
		const unknown = m.api_field_unknown();
		expect(JSON.stringify(fields)).toBe(
			// Written out: `__proto__` in an object literal would set the prototype, not a key.
			`{"__proto__":"${unknown}","constructor":"${unknown}","toString":"${unknown}"}`
		);
		expect(invalid('invalid_body', result.error!).message).toBe(
			m.api_err_invalid_fields({ fields: '__proto__, constructor, toString' })
		);
	});

	it('keeps the first message of an ordinary field', () => {
		const result = schema.safeParse({ status: 1, extra: true });
		expect(issueFields(result.error!)).toEqual({
			status: expect.any(String),
			extra: m.api_field_unknown()
		});
	});
});
