import { describe, expect, it } from 'vitest';
import { m } from '../../src/lib/paraglide/messages';

describe('counted messages agree with their count (issue #19)', () => {
	it('says “1 answer”, “2 answers” after a template import', () => {
		expect(m.exports_template_imported({ saved: 1, skipped: 0 }, { locale: 'en' })).toBe(
			'Imported 1 answer; skipped 0 unchanged.'
		);
		expect(m.exports_template_imported({ saved: 2, skipped: 1 }, { locale: 'en' })).toBe(
			'Imported 2 answers; skipped 1 unchanged.'
		);
		expect(m.exports_template_imported({ saved: 1, skipped: 0 }, { locale: 'zh' })).toBe(
			'已导入 1 条答案，0 条无变化已跳过。'
		);
	});

	it('says how many tokens a new password revoked, in the singular too', () => {
		expect(m.harden_tokens_revoked_by_password({ count: 1 }, { locale: 'en' })).toContain(
			'Your API token has'
		);
		expect(m.harden_tokens_revoked_by_password({ count: 3 }, { locale: 'en' })).toContain(
			'Your 3 API tokens have'
		);
	});
});
