import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { activityText, hasActivityText } from '../../src/lib/labels/notifications';
import { baseLocale, overwriteGetLocale } from '../../src/lib/paraglide/runtime';
import { TRANSITIONS } from '../../src/lib/server/assessments/review';

/**
 * Every audit action the code records, read from the source: each `'<entity>.<verb>'` literal in a
 * file that writes audit records (tx.record, or a helper named audit), and the actions built from a
 * template, expanded here by hand (a new template fails the test until it is listed).
 */
function recordedActions(): string[] {
	const files = fs
		.readdirSync('src/lib/server', { recursive: true, encoding: 'utf8' })
		.filter((f) => f.endsWith('.ts'))
		.map((f) => path.join('src/lib/server', f));
	const found = new Set<string>();
	const templates = new Set<string>();
	for (const file of files) {
		const text = fs.readFileSync(file, 'utf8');
		if (!/\.record\(|\baudit\(/.test(text)) continue;
		for (const m of text.matchAll(/'([a-z_]+\.[a-z_]+)'/g)) found.add(m[1]!);
		for (const m of text.matchAll(/action:\s*`([a-z_]+)\.\$\{/g)) templates.add(m[1]!);
	}
	const expanded: Record<string, string[]> = {
		// review.ts: `assessment.${transition}`; lifecycle.ts: deleted, archived, restored.
		assessment: [...Object.keys(TRANSITIONS), 'deleted', 'archived', 'restored'],
		// files.ts: `evidence.${input.status}`, a review status other than pending.
		evidence: ['accepted', 'rejected']
	};
	for (const prefix of templates) {
		expect(expanded, `expand the template action ${prefix}.\${…} in this test`).toHaveProperty(
			prefix
		);
		for (const verb of expanded[prefix]!) found.add(`${prefix}.${verb}`);
	}
	return [...found].sort();
}

describe('activity labels', () => {
	const actions = recordedActions();

	it('finds the actions the code records (the scan still works)', () => {
		expect(actions).toEqual(
			expect.arrayContaining([
				'answer.saved',
				'pack.form_saved',
				'pack.section_edited',
				'client.identity_updated',
				'assessment.finalise',
				'evidence.rejected'
			])
		);
		expect(actions.length).toBeGreaterThan(60);
	});

	it('gives every recorded action words of its own, in Chinese and in English', () => {
		expect(actions.filter((a) => !hasActivityText(a))).toEqual([]);
		for (const locale of ['zh', 'en'] as const) {
			overwriteGetLocale(() => locale);
			for (const action of actions) {
				const text = activityText(action);
				expect(text, action).not.toContain(action);
				expect(text.trim().length, action).toBeGreaterThan(1);
			}
		}
		overwriteGetLocale(() => 'zh');
		expect(activityText('pack.form_saved')).toBe('保存了申报材料的填写内容');
		overwriteGetLocale(() => 'en');
		expect(activityText('pack.form_saved')).toBe('saved the filing pack’s form');
		overwriteGetLocale(() => baseLocale);
	});
});
