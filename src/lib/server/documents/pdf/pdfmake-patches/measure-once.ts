import { definePatch, pdfmakeClass } from './patch';

type Item = Record<string, unknown> & {
	text: string;
	style?: unknown;
	section?: unknown;
	font?: Font;
	fontSize?: number;
	leadingCut?: number;
	trailingCut?: number;
};
interface Font {
	lineHeight(size: number): number;
}
interface Stack {
	styleDictionary: Record<string, unknown>;
}
interface TextInlines {
	pdfDocument: { provideFont(family: unknown, bold: unknown, italics: unknown): Font };
	widthOfText(text: string, inline: Item): number;
	measure(array: Item[], stack: Stack | null): Item[];
}
type GetStyleProperty = (
	item: object,
	stack: Stack | null,
	property: string,
	defaultValue: unknown
) => unknown;

const LEADING = /^(\s)+/g;
const TRAILING = /(\s)+$/g;
const NO_STYLE = {};
/** The fonts each document has given `measure`, by family, bold and italics. */
const fontsByDocument = new WeakMap<object, Map<string, Font>>();

/** Every property `measure` asks of a piece, as pdfmake asks them. */
const PROPERTIES = [
	'font',
	'bold',
	'italics',
	'alignment',
	'fontSize',
	'fontFeatures',
	'characterSpacing',
	'color',
	'decoration',
	'decorationColor',
	'decorationStyle',
	'decorationThickness',
	'background',
	'link',
	'linkToPage',
	'linkToDestination',
	'noWrap',
	'opacity',
	'sup',
	'sub',
	'lineHeight',
	'preserveLeadingSpaces',
	'preserveTrailingSpaces'
] as const;
type Resolved = Record<(typeof PROPERTIES)[number], unknown>;

/**
 * What the style stack gives a piece with the named styles of `item` and no values of its own,
 * property by property, as `StyleContextStack.getStyleProperty` resolves them (pdfmake pushes the
 * piece itself, which holds no value for the property, between its styles and the stack's). A
 * piece's property is then its own value if it has one, else this. Resolved once per named style
 * for all the pieces of one `measure`: the stack does not change while pdfmake measures them.
 */
function styleResolver(stack: Stack, getStyleProperty: GetStyleProperty) {
	const byStyle = new Map<unknown, Resolved>();
	return (item: Item): Resolved => {
		const key = item.style ?? NO_STYLE;
		let resolved = byStyle.get(key);
		if (!resolved) {
			const probe = item.style === undefined ? {} : { style: item.style };
			resolved = {} as Resolved;
			for (const property of PROPERTIES)
				resolved[property] = getStyleProperty(probe, stack, property, undefined);
			byStyle.set(key, resolved);
		}
		return resolved;
	};
}

/**
 * A section pushes no styles (rare), and without a stack there is nothing to resolve: there each
 * property is pdfmake's own lookup, made before measure sets any of them on the piece (it reads
 * each property once, before it sets that one).
 */
function resolvedDirectly(
	item: Item,
	stack: Stack | null,
	getStyleProperty: GetStyleProperty
): Resolved {
	const resolved = {} as Resolved;
	for (const property of PROPERTIES)
		resolved[property] = getStyleProperty(item, stack, property, undefined);
	return resolved;
}

/**
 * Replaces `TextInlines.measure` (pdfmake/js/TextInlines): the same measuring, piece by piece,
 * with each style property resolved once per named style for all the pieces of a text
 * (`styleResolver`) and each font asked of the document once.
 *
 * Why: pdfmake resolves twenty-two style properties for every piece it measures, each a walk of
 * the style stack (about 23,000 pieces in the full bilingual report, a quarter of them the line
 * breaks between pre-broken lines). Performance only: every piece gets the same properties and
 * widths (a unit test compares the pieces with pdfmake's own measure).
 */
export const measureOncePatch = definePatch<TextInlines, 'measure'>({
	name: 'measure-once',
	module: 'pdfmake/js/TextInlines',
	className: 'TextInlines',
	method: 'measure',
	why: 'resolves a text’s style properties once for all its pieces',
	assumes: (Inlines) => {
		const proto = (Inlines as unknown as { prototype: Partial<TextInlines> }).prototype;
		const Stack = pdfmakeClass<{ getStyleProperty?: unknown }>('pdfmake/js/StyleContextStack');
		return typeof proto.widthOfText === 'function' && typeof Stack.getStyleProperty === 'function'
			? null
			: 'TextInlines no longer has widthOfText, or StyleContextStack.getStyleProperty is gone';
	},
	replace: () => {
		const Stack = pdfmakeClass<{ getStyleProperty: GetStyleProperty }>(
			'pdfmake/js/StyleContextStack'
		);
		return function (this: TextInlines, array, styleContextStack) {
			// The static method as it is when called (fast-item-style's, once applied).
			const getStyleProperty: GetStyleProperty = (item, stack, property, defaultValue) =>
				Stack.getStyleProperty(item, stack, property, defaultValue);
			const resolve = styleContextStack ? styleResolver(styleContextStack, getStyleProperty) : null;
			if (array.length) {
				const leadingIndent = getStyleProperty(
					array[0]!,
					styleContextStack,
					'leadingIndent',
					0
				) as number;
				if (leadingIndent) {
					array[0]!.leadingCut = -leadingIndent;
					array[0]!.leadingIndent = leadingIndent;
				}
			}
			let fonts = fontsByDocument.get(this.pdfDocument);
			if (!fonts) {
				fonts = new Map();
				fontsByDocument.set(this.pdfDocument, fonts);
			}
			for (const item of array) {
				const r =
					resolve && item.section === undefined
						? resolve(item)
						: resolvedDirectly(item, styleContextStack, getStyleProperty);
				// A piece's own value, else its styles', else pdfmake's default: `??` passes over
				// undefined and null alone, as pdfmake's isValue does.
				const family = item.font ?? r.font ?? 'Roboto';
				const bold = item.bold ?? r.bold ?? false;
				const italics = item.italics ?? r.italics ?? false;
				const plain =
					typeof family === 'string' && typeof bold === 'boolean' && typeof italics === 'boolean';
				const fontKey = plain ? `${family}\0${bold}\0${italics}` : '';
				let font = plain ? fonts.get(fontKey) : undefined;
				if (!font) {
					font = this.pdfDocument.provideFont(family, bold, italics);
					if (plain) fonts.set(fontKey, font);
				}
				item.font = font;
				item.alignment = item.alignment ?? r.alignment ?? 'left';
				item.fontSize = (item.fontSize ?? r.fontSize ?? 12) as number;
				item.fontFeatures = item.fontFeatures ?? r.fontFeatures ?? null;
				item.characterSpacing = item.characterSpacing ?? r.characterSpacing ?? 0;
				item.color = item.color ?? r.color ?? 'black';
				item.decoration = item.decoration ?? r.decoration ?? null;
				item.decorationColor = item.decorationColor ?? r.decorationColor ?? null;
				item.decorationStyle = item.decorationStyle ?? r.decorationStyle ?? null;
				item.decorationThickness = item.decorationThickness ?? r.decorationThickness ?? null;
				item.background = item.background ?? r.background ?? null;
				item.link = item.link ?? r.link ?? null;
				item.linkToPage = item.linkToPage ?? r.linkToPage ?? null;
				item.linkToDestination = item.linkToDestination ?? r.linkToDestination ?? null;
				item.noWrap = item.noWrap ?? r.noWrap ?? null;
				item.opacity = item.opacity ?? r.opacity ?? 1;
				item.sup = item.sup ?? r.sup ?? false;
				item.sub = item.sub ?? r.sub ?? false;
				if (item.sup || item.sub) item.fontSize *= 0.58;
				const lineHeight = (item.lineHeight ?? r.lineHeight ?? 1) as number;
				item.width = this.widthOfText(item.text, item);
				item.height = font.lineHeight(item.fontSize) * lineHeight;
				if (!item.leadingCut) item.leadingCut = 0;
				if (!(item.preserveLeadingSpaces ?? r.preserveLeadingSpaces ?? false)) {
					const leadingSpaces = item.text.match(LEADING);
					if (leadingSpaces) item.leadingCut += this.widthOfText(leadingSpaces[0]!, item);
				}
				item.trailingCut = 0;
				if (!(item.preserveTrailingSpaces ?? r.preserveTrailingSpaces ?? false)) {
					const trailingSpaces = item.text.match(TRAILING);
					if (trailingSpaces) item.trailingCut = this.widthOfText(trailingSpaces[0]!, item);
				}
			}
			return array;
		};
	}
});
