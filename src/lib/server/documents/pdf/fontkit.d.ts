declare module 'fontkit' {
	/** A glyph's outline, in font units. */
	export interface Path {
		/** x' = m0·x + m2·y + m4, y' = m1·x + m3·y + m5. */
		transform(m0: number, m1: number, m2: number, m3: number, m4: number, m5: number): Path;
		toSVG(): string;
	}
	/**
	 * The little of fontkit the renderer reads: advance widths per code point (the typesetter), and
	 * laid-out glyph outlines (the watermark).
	 */
	export interface Font {
		unitsPerEm: number;
		capHeight: number;
		glyphForCodePoint(codePoint: number): { advanceWidth: number };
		hasGlyphForCodePoint(codePoint: number): boolean;
		layout(text: string): {
			glyphs: { path: Path }[];
			positions: { xAdvance: number; xOffset: number; yOffset: number }[];
		};
	}
	export function openSync(path: string): Font;
}
