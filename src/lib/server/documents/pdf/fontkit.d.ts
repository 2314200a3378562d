declare module 'fontkit' {
	/** The little of fontkit the typesetter reads: advance widths per code point. */
	export interface Font {
		unitsPerEm: number;
		glyphForCodePoint(codePoint: number): { advanceWidth: number };
	}
	export function openSync(path: string): Font;
}
