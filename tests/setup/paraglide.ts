import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The tests import the compiled messages in src/lib/paraglide directly (no Vite plugin compiles them
 * for vitest). `npm install` compiles them (the `prepare` script); this recompiles only when a
 * message file or the inlang settings changed since, so a test run never sees stale messages and
 * never pays for a compile it does not need.
 */
export function ensureParaglideCompiled(root = process.cwd()): void {
	const output = path.join(root, 'src/lib/paraglide/messages/_index.js');
	const inputs = [
		...filesUnder(path.join(root, 'messages')),
		path.join(root, 'project.inlang/settings.json')
	];
	const newestInput = Math.max(...inputs.map((f) => fs.statSync(f).mtimeMs));
	if (fs.existsSync(output) && fs.statSync(output).mtimeMs >= newestInput) return;
	execFileSync(
		process.execPath,
		[
			path.join(root, 'node_modules/@inlang/paraglide-js/bin/run.js'),
			'compile',
			'--project',
			'./project.inlang',
			'--outdir',
			'./src/lib/paraglide'
		],
		{ cwd: root, stdio: 'inherit' }
	);
	// The compiler may leave an unchanged file alone: mark the output as at least as new as its inputs.
	const now = new Date();
	fs.utimesSync(output, now, now);
}

function filesUnder(dir: string): string[] {
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile())
		.map((e) => path.join(e.parentPath, e.name));
}
