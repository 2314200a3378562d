import fs from 'node:fs';
import { createRequire } from 'node:module';
import type * as PdfMake from 'pdfmake';
import { fontFiles, fonts, isAllowedLocalFile } from './fonts';

interface VirtualFs {
	writeFileSync(name: string, content: Buffer): void;
}

let fontBytes: Map<string, Buffer> | null = null;

/**
 * The font files, read once per thread. pdfmake reads a font from its virtual file system when it
 * is there, else from disk: otherwise every report read the two 10 MB Noto Sans SC files afresh.
 */
function fontsInMemory(): Map<string, Buffer> {
	fontBytes ??= new Map([...new Set(Object.values(fontFiles))].map((f) => [f, fs.readFileSync(f)]));
	return fontBytes;
}

/**
 * pdfmake's server build (CommonJS, one configured instance per module instance), set up with the
 * report's fonts (held in memory) and allowed to read those font files and nothing else. Unpatched:
 * render-pdf.ts applies the patches; the unit test renders through this alone to compare.
 */
export function configuredPdfmake(): typeof PdfMake {
	const pdfmake = createRequire(import.meta.url)('pdfmake') as typeof PdfMake;
	pdfmake.setFonts(fonts);
	pdfmake.setUrlAccessPolicy(() => false);
	pdfmake.setLocalAccessPolicy(isAllowedLocalFile);
	const vfs = (pdfmake as unknown as { virtualfs: VirtualFs }).virtualfs;
	for (const [file, bytes] of fontsInMemory()) vfs.writeFileSync(file, bytes);
	return pdfmake;
}
