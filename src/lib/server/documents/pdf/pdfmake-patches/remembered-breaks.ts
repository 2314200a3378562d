import { createRequire } from 'node:module';
import { CharBoundedMemo } from '../char-bounded-memo';
import { definePatch, pdfmakeClass } from './patch';

interface Word {
	text: string;
	lineEnd?: true;
}
type Item = Record<string, unknown> & {
	text?: unknown;
	_textRef?: { _textNodeRef: { text?: unknown } };
};
type Stack = object;
interface StyleContextStackClass {
	getStyleProperty(item: object, stack: Stack, property: string, defaultValue: unknown): unknown;
	copyStyle(source: object | null, destination: object): object;
}
interface TextBreaker {
	getBreaks(texts: unknown, stack: Stack): Word[];
}
interface LineBreakerClass {
	new (text: string): { nextBreak(): { position: number; required: boolean } | null };
}

const require = createRequire(import.meta.url);
// The line breaker pdfmake itself loads, so the words are the ones it would find.
const LineBreaker = createRequire(require.resolve('pdfmake/js/TextBreaker'))(
	'linebreak'
) as LineBreakerClass;

/**
 * Texts cut into words so far, per thread (bounded by the characters held):
 * the same lines recur in every report a worker renders, and pdfmake cuts each one up to three
 * times (for its words, its first word and its last).
 */
const wordsOf = new CharBoundedMemo<readonly Word[]>(2_000_000);

/** pdfmake's `splitWords` for text it may break (TextBreaker.js), remembered. */
function breakableWords(text: string): readonly Word[] {
	let words = wordsOf.get(text);
	if (words) return words;
	const found: Word[] = [];
	const breaker = new LineBreaker(text);
	let last = 0;
	for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
		let word = text.slice(last, bk.position);
		if (bk.required || /\r?\n$|\r$/.test(word)) {
			word = word.replace(/\r?\n$|\r$/, '');
			found.push({ text: word, lineEnd: true });
		} else found.push({ text: word });
		last = bk.position;
	}
	words = Object.freeze(found.map((w) => Object.freeze(w)));
	wordsOf.set(text, words);
	return words;
}

/** pdfmake's `splitWords` (TextBreaker.js); the words are only read. */
function splitWords(value: unknown, noWrap: unknown, breakAll = false): readonly Word[] {
	const text = value === undefined || value === null ? '' : String(value);
	if (noWrap) return [{ text }];
	if (breakAll)
		return text
			.split('')
			.map((c) => (/^\n$|^\r$/.test(c) ? { text: '', lineEnd: true } : { text: c }));
	if (text.length === 0) return [{ text: '' }];
	return breakableWords(text);
}

function firstWord(words: readonly Word[], noWrap: unknown): string | null {
	let word = words[0];
	if (word === undefined) return null;
	if (noWrap) {
		word = splitWords(word.text, false)[0];
		if (word === undefined) return null;
	}
	return word.text;
}

function lastWord(words: readonly Word[], noWrap: unknown): string | null {
	let word = words[words.length - 1];
	if (word === undefined || word.lineEnd) return null;
	if (noWrap) {
		const split = splitWords(word.text, false);
		word = split[split.length - 1];
		if (word === undefined) return null;
	}
	return word.text;
}

const isObject = (v: unknown): v is Item =>
	v !== null &&
	typeof v === 'object' &&
	!Array.isArray(v) &&
	!(v instanceof String) &&
	!(v instanceof Number);

/**
 * Replaces `TextBreaker.getBreaks` (pdfmake/js/TextBreaker) with the same breaking, each text cut
 * into words once per thread (`breakableWords`) rather than each time pdfmake asks.
 *
 * Why: the renderer gives pdfmake long texts as whole lines (typeset.ts), each followed by a line
 * break; for every one pdfmake ran the Unicode line breaker over the line again to find its last
 * word, and over the line break, and over the two joined. Performance only: the same pieces, with
 * the same styles and the same `noNewLine` marks (a unit test compares them with pdfmake's).
 */
export const rememberedBreaksPatch = definePatch<TextBreaker, 'getBreaks'>({
	name: 'remembered-breaks',
	module: 'pdfmake/js/TextBreaker',
	className: 'TextBreaker',
	method: 'getBreaks',
	why: 'cuts each text into words once per thread, not again for its first and last word',
	assumes: () => {
		const Stack = pdfmakeClass<Partial<StyleContextStackClass>>('pdfmake/js/StyleContextStack');
		return typeof Stack.copyStyle === 'function' && typeof Stack.getStyleProperty === 'function'
			? null
			: 'StyleContextStack no longer has copyStyle and getStyleProperty';
	},
	replace: () => {
		const Stack = pdfmakeClass<StyleContextStackClass>('pdfmake/js/StyleContextStack');
		return function (this: TextBreaker, texts, stack) {
			const results: (Word & { noNewLine?: true })[] = [];
			const list = Array.isArray(texts) ? (texts as unknown[]) : [texts];
			let previous: string | null = null;
			for (let i = 0, l = list.length; i < l; i++) {
				const item = list[i];
				let style: object | null = null;
				let words: readonly Word[];
				const breakAll =
					Stack.getStyleProperty((item as object) || {}, stack, 'wordBreak', 'normal') ===
					'break-all';
				const noWrap = Stack.getStyleProperty((item as object) || {}, stack, 'noWrap', false);
				if (isObject(item)) {
					if (item._textRef && item._textRef._textNodeRef.text)
						item.text = item._textRef._textNodeRef.text;
					words = splitWords(item.text, noWrap, breakAll);
					style = Stack.copyStyle(item, {});
				} else words = splitWords(item, noWrap, breakAll);
				if (previous && words.length) {
					const joined = splitWords(previous + String(firstWord(words, noWrap)), false);
					if (joined.length === 1) results[results.length - 1]!.noNewLine = true;
				}
				for (const word of words) {
					const result: Word = { text: word.text };
					if (word.lineEnd) result.lineEnd = true;
					Stack.copyStyle(style, result);
					results.push(result);
				}
				previous = i + 1 < l ? lastWord(words, noWrap) : null;
			}
			return results;
		};
	}
});
