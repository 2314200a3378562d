import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface InstalledPackage {
	name: string;
	version: string;
	dir: string;
}

/**
 * The package that `name` resolves to, seen from `from` (a file path or URL): the copy Node loads
 * there, which may not be the one the app's package.json asks for. Read from the package's own
 * package.json, found by walking up from its entry point (some packages do not export it).
 */
export function installedPackage(name: string, from: string = import.meta.url): InstalledPackage {
	const entry = createRequire(from).resolve(name);
	for (let dir = path.dirname(entry); ; dir = path.dirname(dir)) {
		const file = path.join(dir, 'package.json');
		if (fs.existsSync(file)) {
			const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
			if (json.name === name && typeof json.version === 'string')
				return { name, version: json.version, dir };
		}
		if (path.dirname(dir) === dir) throw new Error(`no package.json found for ${name} (${entry})`);
	}
}

/** A dependency of a dependency, as that dependency loads it: `installedDependency('pdfmake', 'pdfkit')`. */
export function installedDependency(parent: string, name: string): InstalledPackage {
	return installedPackage(name, path.join(installedPackage(parent).dir, 'package.json'));
}
