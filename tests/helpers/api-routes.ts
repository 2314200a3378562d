import fs from 'node:fs';
import path from 'node:path';

const apiRoot = path.resolve('src/routes/api/v1');

/** Every endpoint file below src/routes/api/v1 as "METHOD /path/{param}". */
export function routeFileOperations(): string[] {
	const operations: string[] = [];
	const walk = (dir: string) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.name === '+server.ts') {
				const route =
					'/' +
					path
						.relative(apiRoot, dir)
						.split(path.sep)
						.map((s) => s.replace(/^\[(\w+)(=\w+)?\]$/, '{$1}'))
						.join('/');
				const source = fs.readFileSync(full, 'utf8');
				for (const [, method] of source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g))
					operations.push(`${method} ${route}`);
			}
		}
	};
	walk(apiRoot);
	return operations.sort();
}

/** The operations an OpenAPI document lists, in the same form. */
export function documentOperations(document: { paths?: Record<string, object> }): string[] {
	return Object.entries(document.paths ?? {})
		.flatMap(([p, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${p}`))
		.sort();
}
