import { definePatch } from './patch';

type Style = Record<string, unknown> & { extends?: unknown };
interface Stack {
	styleDictionary: Record<string, Style | undefined>;
	getProperty(property: string): unknown;
}
type Item = Record<string, unknown> & { style?: unknown; section?: unknown };
interface StyleContextStackClass {
	getStyleProperty(
		item: Item,
		stack: Stack | null,
		property: string,
		defaultValue: unknown
	): unknown;
}

const isValue = (v: unknown) => v !== undefined && v !== null;

/**
 * Replaces the static `StyleContextStack.getStyleProperty` (pdfmake/js/StyleContextStack): an
 * item's property is its own value, else its named styles' (last first), else the stack's — the
 * order pdfmake gets by pushing the item and its styles onto the stack, asking, and popping them.
 * Items whose styles `extends` another take pdfmake's own path.
 *
 * Why: pdfmake asks about twenty properties of every piece of text it measures (and every word
 * it breaks), and each question pushes the item and its styles, builds a closure and pops them
 * again. Performance only: every property resolves to the same value (a unit test compares the
 * two over the report's styles).
 */
export const fastItemStylePatch = definePatch<StyleContextStackClass, 'getStyleProperty'>({
	name: 'fast-item-style',
	module: 'pdfmake/js/StyleContextStack',
	className: 'StyleContextStack',
	method: 'getStyleProperty',
	isStatic: true,
	why: 'resolves an item’s style properties without pushing it onto the style stack',
	assumes: (Stack) => {
		const stack = new (Stack as unknown as new (styles: object, defaultStyle: object) => object)(
			{},
			{}
		) as Partial<Stack>;
		return typeof stack.styleDictionary === 'object' && typeof stack.getProperty === 'function'
			? null
			: 'a StyleContextStack no longer keeps styleDictionary and getProperty';
	},
	replace: (getStyleProperty) =>
		function (this: unknown, item, stack, property, defaultValue) {
			const own = item[property];
			if (isValue(own)) return own;
			if (!stack) return defaultValue;
			// pdfmake pushes nothing for a string or a section, else the item's styles and the item.
			if (typeof item === 'object' && item.section === undefined && item.style) {
				const names = Array.isArray(item.style) ? (item.style as unknown[]) : [item.style];
				for (let i = names.length - 1; i >= 0; i--) {
					const style = stack.styleDictionary[String(names[i])];
					if (!style) continue;
					if (style.extends)
						return getStyleProperty.call(this, item, stack, property, defaultValue);
					if (isValue(style[property])) return style[property];
				}
			}
			const value = stack.getProperty(property);
			return isValue(value) ? value : defaultValue;
		}
});
