import { execFileSync } from 'node:child_process';
import { inflateSync } from 'node:zlib';
import { withFile } from './pdf';

/** The text of pages `first`..`last` (1-based, inclusive), as pdftotext reads it. */
export function pagesText(bytes: Uint8Array, first?: number, last?: number): string {
	const range = [...(first ? ['-f', String(first)] : []), ...(last ? ['-l', String(last)] : [])];
	return withFile(bytes, (file) =>
		execFileSync('pdftotext', ['-enc', 'UTF-8', ...range, file, '-'], { encoding: 'utf8' })
	);
}

/**
 * Each page's text in content order (`-raw`), without spaces or line breaks: a watermark's letters,
 * drawn rotated, come out one per line and read as a word again.
 */
export function eachPageSqueezed(bytes: Uint8Array): string[] {
	const text = withFile(bytes, (file) =>
		execFileSync('pdftotext', ['-enc', 'UTF-8', '-raw', file, '-'], { encoding: 'utf8' })
	);
	return text
		.split('\f')
		.slice(0, pageCount(bytes))
		.map((p) => p.replace(/\s+/g, ''));
}

export function pageCount(bytes: Uint8Array): number {
	const info = withFile(bytes, (file) => execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
	return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

/** A PDF literal string's bytes, its escapes undone (the objects pdfkit writes are uncompressed). */
function literalBytes(raw: string): number[] {
	const out: number[] = [];
	for (let i = 0; i < raw.length; i++) {
		const c = raw[i]!;
		if (c !== '\\') {
			out.push(c.charCodeAt(0));
			continue;
		}
		const next = raw[++i]!;
		const octal = /^[0-7]{1,3}/.exec(raw.slice(i))?.[0];
		if (octal) {
			out.push(parseInt(octal, 8));
			i += octal.length - 1;
		} else
			out.push(
				({ n: 10, r: 13, t: 9, b: 8, f: 12 } as Record<string, number>)[next] ?? next.charCodeAt(0)
			);
	}
	return out;
}

function decodePdfString(bytes: number[]): string {
	if (bytes[0] === 0xfe && bytes[1] === 0xff)
		return Buffer.from(bytes.slice(2)).swap16().toString('utf16le');
	return Buffer.from(bytes).toString('latin1');
}

/** The titles of the PDF's outline (bookmarks), in file order. */
export function outlineTitles(bytes: Uint8Array): string[] {
	const raw = Buffer.from(bytes).toString('latin1');
	const titles: string[] = [];
	// Outline items are dictionaries with a /Parent and a /Title (the Info dictionary has no /Parent).
	for (const obj of raw.matchAll(/\d+ 0 obj\s*<<([\s\S]*?)>>\s*endobj/g)) {
		const body = obj[1]!;
		if (!body.includes('/Parent')) continue;
		const m = /\/Title \(((?:\\[\s\S]|[^\\)])*)\)/.exec(body);
		if (m) titles.push(decodePdfString(literalBytes(m[1]!)));
	}
	return titles;
}

/** The catalogue's document language and whether viewers show the title. */
export function catalogue(bytes: Uint8Array): { lang: string | null; displayTitle: boolean } {
	const raw = Buffer.from(bytes).toString('latin1');
	return {
		lang: /\/Lang \(([^)]*)\)/.exec(raw)?.[1] ?? null,
		displayTitle: /\/DisplayDocTitle true/.test(raw)
	};
}

/** The decompressed Flate streams whose dictionary passes `keep`. */
function flateStreams(bytes: Uint8Array, keep: (dict: string) => boolean): string[] {
	const pdf = Buffer.from(bytes);
	const streams: string[] = [];
	for (const m of pdf
		.toString('latin1')
		.matchAll(/<<((?:(?!>>\s*stream)[\s\S])*)>>\s*stream\r?\n/g)) {
		const dict = m[1]!;
		if (!/\/FlateDecode/.test(dict) || !keep(dict)) continue;
		const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
		const start = m.index + m[0].length;
		streams.push(inflateSync(pdf.subarray(start, start + length)).toString('latin1'));
	}
	return streams;
}

/** The decompressed page content streams: font files, images and forms left out. */
export function contentStreams(bytes: Uint8Array): string[] {
	return flateStreams(bytes, (dict) => !/\/Length1|\/Subtype/.test(dict));
}

/** The decompressed form XObjects: drawings made once and placed on pages by name (`/Name Do`). */
export function formXObjects(bytes: Uint8Array): string[] {
	return flateStreams(bytes, (dict) => /\/Subtype \/Form/.test(dict));
}

/** How many page content streams place a form XObject (`/Name Do`) after filling in `hex`. */
export function streamsPlacingFormIn(bytes: Uint8Array, hex: string): number {
	const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
	const placed = new RegExp(`${r} ${g} ${b} scn[^]*?/\\w+ gs\\s+/\\w+ Do`);
	return contentStreams(bytes).filter((s) => placed.test(s)).length;
}

/** How many content streams fill something in `hex` (as pdfkit writes it: r g b scn, 0..1). */
export function streamsFilling(bytes: Uint8Array, hex: string): number {
	const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
	const op = `${r} ${g} ${b} scn`;
	return contentStreams(bytes).filter((s) => s.includes(op)).length;
}
