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
const isValue = (v: unknown) => v !== undefined && v !== null;
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
 * A piece's property: its own value, else the one resolved for its named styles (`r`), else (a
 * section, or no stack) pdfmake's lookup.
 */
function pick(
	item: Item,
	r: Resolved | null,
	stack: Stack | null,
	getStyleProperty: GetStyleProperty,
	property: (typeof PROPERTIES)[number],
	defaultValue: unknown
): unknown {
	const own = item[property];
	if (isValue(own)) return own;
	if (!r) return getStyleProperty(item, stack, property, defaultValue);
	const value = r[property];
	return isValue(value) ? value : defaultValue;
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
				// A section pushes no styles (rare): pdfmake's lookups as they are.
				const r = resolve && item.section === undefined ? resolve(item) : null;
				const family = pick(item, r, styleContextStack, getStyleProperty, 'font', 'Roboto');
				const bold = pick(item, r, styleContextStack, getStyleProperty, 'bold', false);
				const italics = pick(item, r, styleContextStack, getStyleProperty, 'italics', false);
				const plain =
					typeof family === 'string' && typeof bold === 'boolean' && typeof italics === 'boolean';
				const fontKey = plain ? `${family}\0${bold}\0${italics}` : '';
				let font = plain ? fonts.get(fontKey) : undefined;
				if (!font) {
					font = this.pdfDocument.provideFont(family, bold, italics);
					if (plain) fonts.set(fontKey, font);
				}
				item.font = font;
				item.alignment = pick(item, r, styleContextStack, getStyleProperty, 'alignment', 'left');
				item.fontSize = pick(
					item,
					r,
					styleContextStack,
					getStyleProperty,
					'fontSize',
					12
				) as number;
				item.fontFeatures = pick(
					item,
					r,
					styleContextStack,
					getStyleProperty,
					'fontFeatures',
					null
				);
				item.characterSpacing = pick(
					item,
					r,
					styleContextStack,
					getStyleProperty,
					'characterSpacing',
					0
				);
				item.color = pick(item, r, styleContextStack, getStyleProperty, 'color', 'black');
				item.decoration = pick(item, r, styleContextStack, getStyleProperty, 'decoration', null);
				item.decorationColor = pick(
					item,
					r,
					styleContextStack,
					getStyleProperty,
					'decorationColor',
					null
				);
				item.decorationStyle = pick(
					item,
					r,
					styleContextStack,
					getStyleProperty,
					'decorationStyle',
					null
				);
				item.decorationThickness = pick(
					item,
					r,
					styleContextStack,
					getStyleProperty,
					'decorationThickness',
					null
				);
				item.background = pick(item, r, styleContextStack, getStyleProperty, 'background', null);
				item.link = pick(item, r, styleContextStack, getStyleProperty, 'link', null);
				item.linkToPage = pick(item, r, styleContextStack, getStyleProperty, 'linkToPage', null);
				item.linkToDestination = pick(
					item,
					r,
					styleContextStack,
					getStyleProperty,
					'linkToDestination',
					null
				);
				item.noWrap = pick(item, r, styleContextStack, getStyleProperty, 'noWrap', null);
				item.opacity = pick(item, r, styleContextStack, getStyleProperty, 'opacity', 1);
				item.sup = pick(item, r, styleContextStack, getStyleProperty, 'sup', false);
				item.sub = pick(item, r, styleContextStack, getStyleProperty, 'sub', false);
				if (item.sup || item.sub) item.fontSize *= 0.58;
				const lineHeight = pick(
					item,
					r,
					styleContextStack,
					getStyleProperty,
					'lineHeight',
					1
				) as number;
				item.width = this.widthOfText(item.text, item);
				item.height = font.lineHeight(item.fontSize) * lineHeight;
				if (!item.leadingCut) item.leadingCut = 0;
				if (!pick(item, r, styleContextStack, getStyleProperty, 'preserveLeadingSpaces', false)) {
					const leadingSpaces = item.text.match(LEADING);
					if (leadingSpaces) item.leadingCut += this.widthOfText(leadingSpaces[0]!, item);
				}
				item.trailingCut = 0;
				if (!pick(item, r, styleContextStack, getStyleProperty, 'preserveTrailingSpaces', false)) {
					const trailingSpaces = item.text.match(TRAILING);
					if (trailingSpaces) item.trailingCut = this.widthOfText(trailingSpaces[0]!, item);
				}
			}
			return array;
		};
	}
});
