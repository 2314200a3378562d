import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';

export function withFile<T>(bytes: Uint8Array, use: (file: string) => T): T {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-'));
	const file = path.join(dir, 'report.pdf');
	fs.writeFileSync(file, bytes);
	try {
		return use(file);
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

/** The PDF's text as poppler's pdftotext reads it. */
export function pdfText(bytes: Uint8Array): string {
	return withFile(bytes, (file) =>
		execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
	);
}

/** pdffonts' table: name, type, encoding, emb, sub, uni per font. */
export function pdfFonts(bytes: Uint8Array): string {
	return withFile(bytes, (file) => execFileSync('pdffonts', [file], { encoding: 'utf8' }));
}

/** The first pages as PNG under tests/artifacts/, for people to look at. */
export function pdfPreview(bytes: Uint8Array, name: string): string[] {
	const dir = path.resolve('tests/artifacts');
	fs.mkdirSync(dir, { recursive: true });
	return withFile(bytes, (file) => {
		execFileSync('pdftoppm', ['-png', '-r', '60', '-l', '2', file, path.join(dir, name)]);
		return fs.readdirSync(dir).filter((f) => f.startsWith(name) && f.endsWith('.png'));
	});
}

/**
 * For comparing text across line breaks: whitespace and hyphens removed, since pdftotext joins a
 * word broken after its hyphen ("e-" / "commerce") into one ("ecommerce").
 */
export function squash(text: string): string {
	return text.replace(/[\s-]+/g, '');
}

/** pdfimages' list of the images in the PDF: one line per image after the two header lines. */
export function pdfImages(bytes: Uint8Array): string[] {
	return withFile(bytes, (file) =>
		execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
			.split('\n')
			.slice(2)
			.filter((line) => line.trim() !== '')
	);
}

/** pdfinfo's page count. */
export function pdfPages(bytes: Uint8Array): number {
	const info = withFile(bytes, (file) => execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
	return Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1]);
}

/**
 * The number of text objects (BT … ET) in the page content: each piece of text drawn on its own
 * is one. Read from the page content streams (Flate-compressed by pdfkit); font files (with a
 * /Length1), images and other typed streams are skipped.
 */
export function pdfTextObjects(bytes: Uint8Array): number {
	const pdf = Buffer.from(bytes);
	const latin = pdf.toString('latin1');
	let count = 0;
	for (const m of latin.matchAll(/<<((?:(?!>>\s*stream)[\s\S])*)>>\s*stream\r?\n/g)) {
		const dict = m[1]!;
		if (/\/Length1|\/Subtype/.test(dict) || !/\/FlateDecode/.test(dict)) continue;
		const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
		const start = m.index + m[0].length;
		const content = inflateSync(pdf.subarray(start, start + length)).toString('latin1');
		count += content.match(/(^|\s)BT(\s|$)/g)?.length ?? 0;
	}
	return count;
}
