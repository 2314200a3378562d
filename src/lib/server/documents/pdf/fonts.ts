import { createRequire } from 'node:module';
import type { TFontDictionary } from 'pdfmake/interfaces';

const require = createRequire(import.meta.url);

/** Noto Sans SC covers Chinese and Latin alike, so one family serves every report language. */
export const FONT_FAMILY = 'NotoSansSC';
/**
 * Monochrome Noto Emoji, for the emoji and symbols Noto Sans SC lacks (glyph-fallback.ts sets
 * them in it); pdfkit draws outlines, so the colour emoji fonts would not do.
 */
export const EMOJI_FAMILY = 'NotoEmoji';

/** DM Mono, for what is read character by character: the SHA-256 of an evidence file. */
export const MONO_FAMILY = 'DMMono';

export const fontFiles = {
	normal: require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
	bold: require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'),
	emoji: require.resolve('@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf'),
	emojiBold: require.resolve('@expo-google-fonts/noto-emoji/700Bold/NotoEmoji_700Bold.ttf'),
	mono: require.resolve('@expo-google-fonts/dm-mono/400Regular/DMMono_400Regular.ttf')
} as const;

/** Chinese type has no italics: italic text is set upright. */
export const fonts: TFontDictionary = {
	[FONT_FAMILY]: {
		normal: fontFiles.normal,
		bold: fontFiles.bold,
		italics: fontFiles.normal,
		bolditalics: fontFiles.bold
	},
	[EMOJI_FAMILY]: {
		normal: fontFiles.emoji,
		bold: fontFiles.emojiBold,
		italics: fontFiles.emoji,
		bolditalics: fontFiles.emojiBold
	},
	[MONO_FAMILY]: {
		normal: fontFiles.mono,
		bold: fontFiles.mono,
		italics: fontFiles.mono,
		bolditalics: fontFiles.mono
	}
};

const allowed = new Set<string>(Object.values(fontFiles));

/** pdfmake may read the font files and nothing else from disk. */
export function isAllowedLocalFile(path: string): boolean {
	return allowed.has(path);
}
