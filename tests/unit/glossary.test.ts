import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Locale, locales, messageFiles, root } from '../helpers/messages';

// messages/GLOSSARY.md is the one list of the product's terms; its tables are read here and every
// message in both languages is scanned for a term the glossary replaced.

interface Term {
	concept: string;
	chosen: Record<Locale, string[]>;
	replaced: Record<Locale, string[]>;
	/** Longer words that contain a replaced term and are fine (chosen terms are added). */
	allowed: string[];
}

const header = ['Concept', '中文', 'English', 'Replaced (zh)', 'Replaced (en)', 'Allowed', 'Notes'];

function spans(cell: string): string[] {
	return [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
}

function parseGlossary(markdown: string): Term[] {
	const terms: Term[] = [];
	for (const line of markdown.split('\n')) {
		if (!line.startsWith('|')) continue;
		const cells = line
			.trim()
			.replace(/^\||\|$/g, '')
			.split('|')
			.map((cell) => cell.trim());
		if (cells[0] === 'Concept') {
			if (JSON.stringify(cells) !== JSON.stringify(header)) {
				throw new Error(`GLOSSARY.md: a table header must read | ${header.join(' | ')} |`);
			}
			continue;
		}
		if (cells.every((cell) => /^-+$/.test(cell))) continue;
		if (cells.length !== header.length) {
			throw new Error(`GLOSSARY.md: ${header.length} cells expected in: ${line}`);
		}
		const [concept, zh, en, replacedZh, replacedEn, allowed] = cells;
		terms.push({
			concept: concept!,
			chosen: { zh: spans(zh!), en: spans(en!) },
			replaced: { zh: spans(replacedZh!), en: spans(replacedEn!) },
			allowed: spans(allowed!)
		});
	}
	return terms;
}

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The replaced terms a text uses, after taking out placeholders and, for each replaced term, the
 * allowed and chosen words that contain it (尚未就绪 hides 未就绪; 就绪 alone hides nothing).
 */
function replacedTermsIn(text: string, locale: Locale, term: Term): string[] {
	const plain = text.replace(/\{[^}]*\}/g, ' ');
	return term.replaced[locale].filter((variant) => {
		const fold = (s: string) => (locale === 'zh' ? s : s.toLowerCase());
		const hiding = [...term.allowed, ...term.chosen[locale]]
			.filter((word) => fold(word).includes(fold(variant)))
			.sort((a, b) => b.length - a.length);
		let rest = plain;
		for (const word of hiding) rest = rest.replace(new RegExp(escape(word), 'gi'), '\u0000');
		return locale === 'zh'
			? rest.includes(variant)
			: new RegExp(`(?<![\\w-])${escape(variant)}(s|es)?(?![\\w-])`, 'i').test(rest);
	});
}

const terms = parseGlossary(fs.readFileSync(path.join(root, 'messages', 'GLOSSARY.md'), 'utf8'));
const files = messageFiles();

describe('the glossary (messages/GLOSSARY.md)', () => {
	it('lists the product terms with a zh and an en term each', () => {
		expect(terms.length).toBeGreaterThan(30);
		for (const term of terms) {
			expect(term.chosen.zh.length, term.concept).toBeGreaterThan(0);
			expect(term.chosen.en.length, term.concept).toBeGreaterThan(0);
		}
		expect(new Set(terms.map((t) => t.concept)).size).toBe(terms.length);
	});

	it('never replaces a term it chose elsewhere', () => {
		const clashes: string[] = [];
		for (const term of terms) {
			for (const locale of locales) {
				for (const chosen of term.chosen[locale]) {
					for (const other of terms) {
						for (const variant of replacedTermsIn(chosen, locale, other)) {
							clashes.push(
								`${term.concept} chooses “${chosen}”, ${other.concept} replaces “${variant}”`
							);
						}
					}
				}
			}
		}
		expect(clashes).toEqual([]);
	});

	it('allows only longer words that contain one of the row’s replaced terms and are in use', () => {
		const texts = files.flatMap((f) => Object.values(f.messages).map(String));
		for (const term of terms) {
			for (const word of term.allowed) {
				const replaced = [...term.replaced.zh, ...term.replaced.en];
				expect(
					replaced.some((variant) => word.toLowerCase().includes(variant.toLowerCase())),
					`${term.concept}: allowed “${word}” contains none of its replaced terms`
				).toBe(true);
				expect(
					texts.some((text) => text.includes(word)),
					`${term.concept}: allowed “${word}” is in no message; remove it`
				).toBe(true);
			}
		}
	});

	it('finds a replaced term, and not inside an allowed or chosen word', () => {
		const byConcept = new Map(terms.map((t) => [t.concept, t]));
		const evidence = byConcept.get('evidence')!;
		const organisation = byConcept.get('organisation')!;
		const verdicts = byConcept.get('ready / ready with conditions / not ready')!;
		expect(replacedTermsIn('请上传证据。', 'zh', evidence)).toEqual(['证据']);
		expect(replacedTermsIn('请上传佐证材料。', 'zh', evidence)).toEqual([]);
		expect(replacedTermsIn('Attach the proofs.', 'en', evidence)).toEqual(['proof']);
		expect(replacedTermsIn('Proofread {proof}', 'en', evidence)).toEqual([]);
		expect(replacedTermsIn('组织名称', 'zh', organisation)).toEqual(['组织']);
		expect(replacedTermsIn('地方金融组织', 'zh', organisation)).toEqual([]);
		expect(replacedTermsIn('结论：尚未就绪', 'zh', verdicts)).toEqual([]);
		expect(replacedTermsIn('结论：未就绪', 'zh', verdicts)).toEqual(['未就绪']);
	});
});

describe('every message', () => {
	it('uses the glossary’s terms, not the ones it replaced', () => {
		const problems: string[] = [];
		for (const file of files) {
			for (const [key, value] of Object.entries(file.messages)) {
				for (const term of terms) {
					for (const variant of replacedTermsIn(String(value), file.locale, term)) {
						problems.push(
							`${key} (${file.file}) uses “${variant}”: the glossary's term for ${term.concept} is “${term.chosen[file.locale].join('”, “')}”`
						);
					}
				}
			}
		}
		expect(problems).toEqual([]);
	});
});

describe('the writing of every message', () => {
	it('spells English plurals out (a plural variant), never “item(s)”', () => {
		const problems = files
			.filter((f) => f.locale === 'en')
			.flatMap((f) =>
				Object.entries(f.messages)
					.filter(([, value]) => /\w\(s\)/.test(JSON.stringify(value)))
					.map(([key]) => `${key} (${f.file})`)
			);
		expect(problems).toEqual([]);
	});

	it('quotes Chinese with Chinese quotation marks, never ASCII ones', () => {
		const problems = files
			.filter((f) => f.locale === 'zh')
			.flatMap((f) =>
				Object.entries(f.messages)
					.filter(([, value]) => /["']/.test(String(value).replace(/\{[^}]*\}/g, '')))
					.map(([key]) => `${key} (${f.file})`)
			);
		expect(problems).toEqual([]);
	});
});
