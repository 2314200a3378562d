import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Set on every method a patch puts in place: tells a patched prototype from pdfmake's own. */
export const PATCHED = Symbol.for('sandbox-readiness.pdfmake-patch');
interface Marker {
	name: string;
	original: AnyMethod;
}

export interface PatchStatus {
	name: string;
	/** The method replaced, as `Class.method`. */
	replaces: string;
	/** Whether the target prototype holds this patch's method right now. */
	active: boolean;
}

export interface PdfmakePatch {
	readonly name: string;
	/** The file of pdfmake's build that exports the class, and the method replaced. */
	readonly module: string;
	readonly method: string;
	/** Whether the method is the class's own (static) rather than its instances'. */
	readonly isStatic: boolean;
	readonly replaces: string;
	readonly why: string;
	/** pdfmake's own method, once the patch is applied (for tests that compare the two). */
	original(): AnyMethod | null;
	/** Replaces the method; throws if pdfmake no longer has it, or no longer looks as the patch assumes. */
	apply(): void;
	status(): PatchStatus;
}

// Any method: the patch modules name the exact signature they replace.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyMethod = (this: any, ...args: any[]) => any;

/**
 * One replaced pdfmake method. `module` is a file of pdfmake's CommonJS build whose default export
 * is the class; `assumes` checks, before anything is replaced, the internals the replacement reads
 * besides the method itself (so a renamed field fails at start-up, not as a silent no-op).
 */
export function definePatch<P extends Record<K, AnyMethod>, K extends string>(spec: {
	name: string;
	module: string;
	className: string;
	method: K;
	/** A static method: replaced on the class itself rather than its prototype. */
	isStatic?: boolean;
	why: string;
	assumes?: (Class: new (...args: never[]) => P) => string | null;
	replace(original: P[K]): P[K];
}): PdfmakePatch {
	const replaces = `${spec.className}.${spec.method}`;
	const isStatic = spec.isStatic ?? false;
	let replacement: P[K] | null = null;
	let original: P[K] | null = null;
	const Class = () => pdfmakeClass<new (...args: never[]) => P>(spec.module);
	const holder = (): Record<K, P[K]> =>
		isStatic ? (Class() as unknown as Record<K, P[K]>) : Class().prototype;
	return {
		name: spec.name,
		module: spec.module,
		method: spec.method,
		isStatic,
		replaces,
		why: spec.why,
		original: () => original,
		apply() {
			if (replacement) return;
			const target = Class();
			const prototype = holder();
			const current: unknown = prototype[spec.method];
			if (typeof current !== 'function')
				throw new Error(
					`pdfmake patch ${spec.name}: ${replaces} does not exist in the installed pdfmake, so it cannot be replaced`
				);
			// Patched by an earlier copy of this module (a module reloaded in development): start
			// again from pdfmake's own method rather than wrap the old patch.
			const own = (PATCHED in current ? (current[PATCHED] as Marker).original : current) as P[K];
			const broken = spec.assumes?.(target) ?? null;
			if (broken) throw new Error(`pdfmake patch ${spec.name}: ${broken}`);
			const method = spec.replace(own);
			Object.defineProperty(method, PATCHED, {
				value: { name: spec.name, original: own } satisfies Marker
			});
			prototype[spec.method] = method;
			original = own;
			replacement = method;
		},
		status() {
			const active = replacement !== null && holder()[spec.method] === replacement;
			return { name: spec.name, replaces, active };
		}
	};
}

/** The class a file of pdfmake's CommonJS build exports (as `default`). */
export function pdfmakeClass<C>(module: string): C {
	const exported = (require(module) as { default?: unknown }).default;
	if (typeof exported !== 'function') throw new Error(`${module} no longer exports a class`);
	return exported as C;
}

/** Whether the class's method is one a patch put there (from any copy of the patch modules). */
export function isPatched(module: string, method: string, isStatic = false): boolean {
	const Class = pdfmakeClass<{ prototype: Record<string, unknown> }>(module);
	const current = isStatic
		? (Class as unknown as Record<string, unknown>)[method]
		: Class.prototype[method];
	return typeof current === 'function' && PATCHED in current;
}
