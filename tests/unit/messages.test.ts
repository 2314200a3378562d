import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales, messageFiles, pathPatterns, projectSettings, root } from '../helpers/messages';

// The UI messages are split per feature: messages/<feature>/{zh,en}.json, each listed in
// project.inlang/settings.json. The plugin merges them silently (a missing file is skipped, a key
// in two files is overridden by the later one), so these tests hold what the plugin does not.

const files = messageFiles();
const features = fs
	.readdirSync(path.join(root, 'messages'), { withFileTypes: true })
	.filter((d) => d.isDirectory())
	.map((d) => d.name)
	.sort();

/**
 * A message's texts: the string itself, or each variant of one that inlang's message format
 * chooses by a number (`[{ declarations, selectors, match: { "countPlural=one": …, … } }]`).
 */
function texts(value: unknown): string[] | null {
	if (typeof value === 'string') return [value];
	if (!Array.isArray(value)) return null;
	const variants = value.flatMap((v: { match?: Record<string, unknown> }) =>
		Object.values(v.match ?? {})
	);
	return variants.length > 0 && variants.every((t) => typeof t === 'string')
		? (variants as string[])
		: null;
}

/** The placeholders a message's texts use, each once. */
function placeholders(value: unknown): string[] {
	const all = (texts(value) ?? []).flatMap((text) =>
		[...text.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!)
	);
	return [...new Set(all)].sort();
}

describe('the message files', () => {
	it('are listed in settings.json as ./messages/<feature>/{locale}.json, one per feature folder', () => {
		expect(projectSettings().locales.slice().sort()).toEqual([...locales].sort());
		const patterns = pathPatterns();
		expect(patterns).toEqual(features.map((f) => `./messages/${f}/{locale}.json`));
		expect(fs.existsSync(path.join(root, 'messages', 'zh.json'))).toBe(false);
		expect(fs.existsSync(path.join(root, 'messages', 'en.json'))).toBe(false);
	});

	it('each feature folder holds exactly zh.json and en.json', () => {
		for (const feature of features) {
			const names = fs.readdirSync(path.join(root, 'messages', feature)).sort();
			expect(names, `messages/${feature}`).toEqual(['en.json', 'zh.json']);
		}
		expect(files.filter((f) => !f.exists).map((f) => f.file)).toEqual([]);
	});

	it('zh and en of each feature have the same keys', () => {
		for (const pattern of pathPatterns()) {
			const [zh, en] = locales.map((locale) =>
				files.find((f) => f.pattern === pattern && f.locale === locale)!
			);
			const zhKeys = Object.keys(zh!.messages);
			const enKeys = Object.keys(en!.messages);
			expect(
				zhKeys.filter((k) => !enKeys.includes(k)),
				`${zh!.file} has keys missing from ${en!.file}`
			).toEqual([]);
			expect(
				enKeys.filter((k) => !zhKeys.includes(k)),
				`${en!.file} has keys missing from ${zh!.file}`
			).toEqual([]);
		}
	});

	it('no key is defined in two files', () => {
		for (const locale of locales) {
			const seen = new Map<string, string>();
			const twice: string[] = [];
			for (const f of files.filter((file) => file.locale === locale)) {
				for (const key of Object.keys(f.messages)) {
					const first = seen.get(key);
					if (first) twice.push(`${key}: ${first} and ${f.file}`);
					else seen.set(key, f.file);
				}
			}
			expect(twice).toEqual([]);
		}
	});

	it('every key exists in both languages, as a non-empty text with the same placeholders', () => {
		const keys = new Set(files.flatMap((f) => Object.keys(f.messages)));
		expect(keys.size).toBeGreaterThan(500);
		const problems: string[] = [];
		for (const key of keys) {
			const values = locales.map(
				(locale) => files.find((f) => f.locale === locale && key in f.messages)?.messages[key]
			);
			locales.forEach((locale, i) => {
				const value = values[i];
				const each = texts(value);
				if (!each || each.some((text) => text.trim() === '')) {
					problems.push(`${key} (${locale}): ${JSON.stringify(value)}`);
				}
			});
			const [zh, en] = values.map(placeholders);
			if (JSON.stringify(zh) !== JSON.stringify(en)) {
				problems.push(`${key}: placeholders zh {${zh!.join(',')}} en {${en!.join(',')}}`);
			}
		}
		expect(problems).toEqual([]);
	});

	it('keys are plain identifiers (a dot would nest the message in the plugin)', () => {
		const bad = files.flatMap((f) =>
			Object.keys(f.messages).filter((key) => !/^[a-z][a-z0-9_]*$/.test(key))
		);
		expect(bad).toEqual([]);
	});
});
