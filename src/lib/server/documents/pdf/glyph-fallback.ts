import { openSync, type Font } from 'fontkit';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { EMOJI_FAMILY, fontFiles } from './fonts';

import { MISSING_GLYPH, missingGlyphNote } from './missing-glyph-note';

export { MISSING_GLYPH };

/** Zero-width joiners, variation selectors…: they shape an emoji and print nothing themselves. */
const IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;

type Cover = 'main' | 'emoji' | 'ignorable' | 'none';

let fonts: { main: Font; emoji: Font } | null = null;
const covers = new Map<number, Cover>();

function coverOf(ch: string): Cover {
	const cp = ch.codePointAt(0)!;
	// Latin, punctuation and the common CJK blocks: the main font has them all.
	if (cp < 0x2000) return 'main';
	let cover = covers.get(cp);
	if (cover === undefined) {
		fonts ??= { main: openSync(fontFiles.normal), emoji: openSync(fontFiles.emoji) };
		cover = fonts.main.hasGlyphForCodePoint(cp)
			? 'main'
			: IGNORABLE.test(ch)
				? 'ignorable'
				: fonts.emoji.hasGlyphForCodePoint(cp)
					? 'emoji'
					: 'none';
		covers.set(cp, cover);
	}
	return cover;
}

/** A character as a reader can look it up: U+20BB7. */
export const codePointLabel = (ch: string) =>
	`U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * The text as pdfmake runs: what the main font lacks set in the emoji font, or replaced by
 * MISSING_GLYPH (noted in `missing`); null when the main font has every character.
 */
function fallbackRuns(text: string, missing: Set<string>): Content[] | null {
	let plain = true;
	for (const ch of text)
		if (coverOf(ch) !== 'main') {
			plain = false;
			break;
		}
	if (plain) return null;
	const runs: { text: string; font?: string }[] = [];
	const push = (piece: string, font?: string) => {
		const last = runs.at(-1);
		if (last && last.font === font) last.text += piece;
		else runs.push(font ? { text: piece, font } : { text: piece });
	};
	for (const ch of text) {
		const cover = coverOf(ch);
		if (cover === 'main') push(ch);
		else if (cover === 'emoji') push(ch, EMOJI_FAMILY);
		else if (cover === 'none') {
			missing.add(ch);
			push(MISSING_GLYPH);
		}
	}
	return runs;
}

/** Keys whose strings are not text to print. */
const NOT_TEXT = new Set(['image', 'svg', 'qr', 'link', 'linkToDestination', 'id', 'style']);

function visit(node: unknown, missing: Set<string>): unknown {
	if (typeof node === 'string') {
		const runs = fallbackRuns(node, missing);
		return runs ? { text: runs } : node;
	}
	if (Array.isArray(node)) return node.map((child) => visit(child, missing));
	if (typeof node === 'function')
		return (...args: unknown[]) => visit((node as (...a: unknown[]) => unknown)(...args), missing);
	if (node === null || typeof node !== 'object') return node;
	const out: Record<string, unknown> = {};
	const object = node as Record<string, unknown>;
	// (for…in over a plain object: Object.entries would allocate a pair per property of every node)
	for (const key in object) {
		if (!Object.hasOwn(object, key)) continue;
		const value = object[key];
		if (NOT_TEXT.has(key)) out[key] = value;
		else if (key === 'text' && typeof value === 'string')
			out[key] = fallbackRuns(value, missing) ?? value;
		else out[key] = visit(value, missing);
	}
	return out;
}

/**
 * The document with every character the main font lacks set in the fallback font or replaced
 * (headers and footers included: they are functions, wrapped). `missing` lists, in order, the
 * characters replaced in the content; a header's are replaced too, as pdfmake lays it out later.
 */
export function withGlyphFallback(doc: TDocumentDefinitions): {
	doc: TDocumentDefinitions;
	missing: string[];
} {
	const missing = new Set<string>();
	// Metadata and styles are not typeset text; the content, header, footer and background are.
	const out: TDocumentDefinitions = {
		...doc,
		content: visit(doc.content, missing) as Content
	};
	for (const key of ['header', 'footer', 'background'] as const)
		if (doc[key] !== undefined) Object.assign(out, { [key]: visit(doc[key], missing) });
	return { doc: out, missing: [...missing] };
}

/**
 * The document ready for pdfmake: glyph fallback applied and, when characters had to be replaced,
 * a closing note in the document's language(s) saying which, by code point (the characters
 * themselves would print as 〓 again).
 */
export function printableDocument(
	doc: TDocumentDefinitions,
	lang: 'zh' | 'en' | 'both'
): TDocumentDefinitions {
	const { doc: out, missing } = withGlyphFallback(doc);
	if (missing.length === 0) return out;
	const list = missing.map(codePointLabel).join(', ');
	const locales = lang === 'both' ? (['zh', 'en'] as const) : [lang];
	const note: Content = {
		stack: locales.map((locale) => missingGlyphNote(list, locale)),
		fontSize: 8,
		margin: [0, 16, 0, 0]
	};
	const content = Array.isArray(out.content) ? out.content : [out.content];
	return { ...out, content: [...content, note] };
}
