import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * Every route that can change something, read from the source itself (never a hand-written list):
 * - each form action of a `+page.server.ts` (`export const actions = { name: …, ...spread }`, a
 *   spread followed to the object it names), as `POST /route?/name` (`POST /route` for `default`);
 * - each POST/PUT/PATCH/DELETE exported by a `+server.ts`, as `METHOD /route`;
 * - each non-GET endpoint of the API registry, as `METHOD /api/v1/path` with `{param}` → `[param]`.
 * Route ids are SvelteKit's: the folder below src/routes, groups and matchers included.
 */
const ROUTES = path.resolve('src/routes');
const MUTATING = ['POST', 'PUT', 'PATCH', 'DELETE'];

function parse(file: string): ts.SourceFile {
	return ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
}

function routeId(dir: string): string {
	const rel = path.relative(ROUTES, dir).split(path.sep).join('/');
	return rel === '' ? '/' : `/${rel}`;
}

function filesNamed(dir: string, name: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const full = path.join(dir, e.name);
		if (e.isDirectory()) return filesNamed(full, name);
		return e.name === name ? [full] : [];
	});
}

const isExported = (node: ts.Node) =>
	ts.canHaveModifiers(node) &&
	(ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** The initializer of `export const <name> = …` (through `as`/`satisfies`), or null. */
function exportedConst(source: ts.SourceFile, name: string): ts.Expression | null {
	for (const statement of source.statements) {
		if (!ts.isVariableStatement(statement) || !isExported(statement)) continue;
		for (const d of statement.declarationList.declarations)
			if (ts.isIdentifier(d.name) && d.name.text === name && d.initializer) {
				let e: ts.Expression = d.initializer;
				while (
					ts.isAsExpression(e) ||
					ts.isSatisfiesExpression(e) ||
					ts.isParenthesizedExpression(e)
				)
					e = e.expression;
				return e;
			}
	}
	return null;
}

/** The file an import of `name` in `source` comes from ($lib and relative paths). */
function importedFrom(source: ts.SourceFile, name: string): string {
	for (const statement of source.statements) {
		if (!ts.isImportDeclaration(statement)) continue;
		const bindings = statement.importClause?.namedBindings;
		if (!bindings || !ts.isNamedImports(bindings)) continue;
		const found = bindings.elements.find((e) => e.name.text === name);
		if (!found) continue;
		const spec = (statement.moduleSpecifier as ts.StringLiteral).text;
		const base = spec.startsWith('$lib/')
			? path.resolve('src/lib', spec.slice('$lib/'.length))
			: path.resolve(path.dirname(source.fileName), spec);
		for (const candidate of [`${base}.ts`, path.join(base, 'index.ts')])
			if (fs.existsSync(candidate)) return candidate;
		throw new Error(`${source.fileName}: cannot find the module of ${name} (${spec})`);
	}
	throw new Error(`${source.fileName}: ${name} is neither declared nor imported`);
}

/** The property names of an object literal, spreads followed to the object they name. */
function objectKeys(source: ts.SourceFile, object: ts.Expression): string[] {
	if (!ts.isObjectLiteralExpression(object))
		throw new Error(
			`${source.fileName}: actions must be an object literal, not ${object.getText()}`
		);
	return object.properties.flatMap((p): string[] => {
		if (ts.isSpreadAssignment(p)) {
			if (!ts.isIdentifier(p.expression))
				throw new Error(`${source.fileName}: cannot follow the spread ${p.getText()}`);
			const name = p.expression.text;
			const local = exportedConst(source, name) ?? localConst(source, name);
			if (local) return objectKeys(source, local);
			const other = parse(importedFrom(source, name));
			const imported = exportedConst(other, name);
			if (!imported) throw new Error(`${other.fileName}: no exported object ${name}`);
			return objectKeys(other, imported);
		}
		if (!p.name || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)))
			throw new Error(`${source.fileName}: cannot read the action name of ${p.getText()}`);
		return [p.name.text];
	});
}

function localConst(source: ts.SourceFile, name: string): ts.Expression | null {
	for (const statement of source.statements) {
		if (!ts.isVariableStatement(statement)) continue;
		for (const d of statement.declarationList.declarations)
			if (ts.isIdentifier(d.name) && d.name.text === name && d.initializer) return d.initializer;
	}
	return null;
}

export function formActions(): string[] {
	return filesNamed(ROUTES, '+page.server.ts').flatMap((file) => {
		const source = parse(file);
		const actions = exportedConst(source, 'actions');
		if (!actions) return [];
		const id = routeId(path.dirname(file));
		return objectKeys(source, actions).map((name) =>
			name === 'default' ? `POST ${id}` : `POST ${id}?/${name}`
		);
	});
}

/** Exported request handlers of every +server.ts: const, function or `export { x as POST }`. */
export function endpointHandlers(): string[] {
	return filesNamed(ROUTES, '+server.ts').flatMap((file) => {
		const source = parse(file);
		const names: string[] = [];
		for (const s of source.statements) {
			if (ts.isVariableStatement(s) && isExported(s))
				for (const d of s.declarationList.declarations)
					if (ts.isIdentifier(d.name)) names.push(d.name.text);
			if (ts.isFunctionDeclaration(s) && isExported(s) && s.name) names.push(s.name.text);
			if (ts.isExportDeclaration(s) && s.exportClause && ts.isNamedExports(s.exportClause))
				for (const e of s.exportClause.elements) names.push(e.name.text);
		}
		const id = routeId(path.dirname(file));
		return names.filter((n) => MUTATING.includes(n)).map((m) => `${m} ${id}`);
	});
}

/** The non-GET endpoints the API registry declares (`key: route({ method, path, … })`). */
export function registryEndpoints(): string[] {
	const source = parse(path.resolve('src/lib/server/web/api/registry.ts'));
	const found: string[] = [];
	const visit = (node: ts.Node) => {
		if (
			ts.isCallExpression(node) &&
			ts.isIdentifier(node.expression) &&
			node.expression.text === 'route'
		) {
			const spec = node.arguments[0];
			if (!spec || !ts.isObjectLiteralExpression(spec)) throw new Error('route() without a spec');
			const field = (name: string) => {
				const p = spec.properties.find(
					(x): x is ts.PropertyAssignment =>
						ts.isPropertyAssignment(x) && ts.isIdentifier(x.name) && x.name.text === name
				);
				if (!p || !ts.isStringLiteral(p.initializer))
					throw new Error(`route() without a literal ${name}: ${spec.getText()}`);
				return p.initializer.text;
			};
			const method = field('method').toUpperCase();
			if (MUTATING.includes(method))
				found.push(`${method} /api/v1${field('path').replace(/\{(\w+)\}/g, '[$1]')}`);
		}
		ts.forEachChild(node, visit);
	};
	visit(source);
	return found;
}

/** Everything that can change something, once each, sorted. */
export function mutatingRoutes(): string[] {
	return [...new Set([...formActions(), ...endpointHandlers(), ...registryEndpoints()])].sort();
}
