import { createRequire } from 'node:module';

type Style = Record<string, unknown> & { extends?: unknown };
interface StyleContextStack {
	styleDictionary: Record<string, Style | undefined>;
	defaultStyle?: Record<string, unknown>;
	styleOverrides: (string | Record<string, unknown>)[];
	getProperty(property: string): unknown;
}

const isValue = (v: unknown) => v !== undefined && v !== null;

let installed = false;

/**
 * pdfmake resolves about twenty style properties for every piece of text, and each lookup builds a
 * closure and a Set per named style on the stack. The same walk without them, for styles that do
 * not `extends` another (this report's do not; those that do take pdfmake's own path).
 */
export function installFastStyleLookup(): void {
	if (installed) return;
	installed = true;
	const require = createRequire(import.meta.url);
	const Stack = (
		require('pdfmake/js/StyleContextStack') as {
			default: { prototype: StyleContextStack };
		}
	).default;
	const getProperty = Stack.prototype.getProperty;
	Stack.prototype.getProperty = function (this: StyleContextStack, property: string) {
		const overrides = this.styleOverrides;
		for (let i = overrides.length - 1; i >= 0; i--) {
			const item = overrides[i]!;
			if (typeof item === 'string' || item instanceof String) {
				const style = this.styleDictionary[String(item)];
				if (!style) continue;
				if (style.extends) return getProperty.call(this, property);
				if (isValue(style[property])) return style[property];
			} else if (isValue(item[property])) return item[property];
		}
		return this.defaultStyle && this.defaultStyle[property];
	};
}
