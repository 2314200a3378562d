// Which sources a build/ was made from, and a build that is swapped in whole or not at all.
//
// Every build records a hash of its inputs in build/build-stamp.json (written by the adapter in
// svelte.config.js, so `npm run build` stamps too). `npm start` (scripts/start.js) hashes the inputs
// again and builds only when the two differ; a new build goes to a sibling directory first and is then
// renamed over build/, so neither a running server nor an interrupted build sees a half-written one.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * What the build reads, relative to the project root. seeds/ is not here: the server reads the corpus
 * from the working directory when it starts (src/lib/corpus/paths.ts), it is not bundled.
 */
export const BUILD_INPUTS = [
	'src',
	'static',
	'messages',
	'migrations',
	'project.inlang/settings.json',
	'svelte.config.js',
	'vite.config.ts',
	'paraglide.config.js',
	'tsconfig.json',
	'package.json',
	'package-lock.json',
	// What npm actually installed, should it differ from the lock file.
	'node_modules/.package-lock.json',
	// Vite reads these for import.meta.env and $env/static.
	'.env',
	'.env.local',
	'.env.production',
	'.env.production.local'
];

/** Under the inputs, but not read by the build: Paraglide's output (made from messages/) and tests. */
const NOT_INPUTS = [/^src\/lib\/paraglide\//, /\.(test|spec)\.[cm]?[jt]s$/];

export const STAMP_FILE = 'build-stamp.json';

/**
 * Hashes the paths and contents of the build's inputs, and notes the newest file among them.
 * @param {string} root the project root
 */
export function hashInputs(root) {
	const hash = crypto.createHash('sha256');
	let files = 0;
	let newest = { mtimeMs: 0, name: '' };
	/** @param {string} name @param {fs.Stats} stats */
	const note = (name, stats) => {
		if (stats.mtimeMs > newest.mtimeMs) newest = { mtimeMs: stats.mtimeMs, name };
	};
	/** @param {string} name a path relative to the root, with forward slashes */
	const visit = (name) => {
		if (NOT_INPUTS.some((pattern) => pattern.test(name))) return;
		const file = path.join(root, name);
		const stats = fs.statSync(file);
		if (stats.isDirectory()) {
			for (const entry of fs.readdirSync(file).sort()) visit(`${name}/${entry}`);
		} else if (stats.isFile()) {
			note(name, stats);
			const content = fs.readFileSync(file);
			hash.update(`${name}\0${content.length}\0`);
			hash.update(content);
			files++;
		}
	};
	for (const input of BUILD_INPUTS) {
		if (fs.existsSync(path.join(root, input))) visit(input);
		else hash.update(`${input}\0absent\0`);
	}
	return { inputs: hash.digest('hex'), files, newest };
}

/**
 * The inputs hash a build was stamped with, or null (no build, or one made before stamps or while
 * its sources changed).
 * @param {string} buildDir
 * @returns {string | null}
 */
export function readStamp(buildDir) {
	try {
		const stamp = JSON.parse(fs.readFileSync(path.join(buildDir, STAMP_FILE), 'utf8'));
		return typeof stamp.inputs === 'string' ? stamp.inputs : null;
	} catch {
		return null;
	}
}

/**
 * Hashes the inputs as a build starts, for stampBuild to check at its end.
 * @param {string} root the project root
 * @returns {{ startedAt: number, inputs: string }}
 */
export function beginBuild(root) {
	const startedAt = Date.now();
	return { startedAt, inputs: hashInputs(root).inputs };
}

/**
 * Stamps a finished build with the inputs it started from, unless they changed since (then the
 * build may hold the old or the new version of a file, and stays unstamped: the next start builds).
 * A file changed and changed back is caught by its time: no input may be newer than the start.
 * @param {string} root the project root
 * @param {string} buildDir the build just written
 * @param {{ startedAt: number, inputs: string }} begun what beginBuild saw
 * @returns {{ stamped: true } | { stamped: false, changed: string }}
 */
export function stampBuild(root, buildDir, begun) {
	const { inputs, files, newest } = hashInputs(root);
	if (inputs !== begun.inputs || newest.mtimeMs > begun.startedAt)
		return { stamped: false, changed: newest.name };
	fs.writeFileSync(
		path.join(buildDir, STAMP_FILE),
		JSON.stringify({ inputs, files, builtAt: new Date().toISOString() }, null, '\t') + '\n'
	);
	return { stamped: true };
}

/** A build in progress (`.build-next-<pid>`) or one being replaced (`.build-old-<pid>`). */
const SIBLING = /^\.build-(next|old)-(\d+)$/;

/** @param {number} pid */
function alive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
	}
}

/**
 * Removes what an interrupted build left beside build/ (its process is gone).
 * @param {string} root
 */
export function removeAbandonedBuilds(root) {
	for (const entry of fs.readdirSync(root)) {
		const match = SIBLING.exec(entry);
		if (match && !alive(Number(match[2]))) removeDir(path.join(root, entry));
	}
}

/**
 * The command `npm start` builds with: the package's own build script, through the npm that runs it.
 * @returns {string[]}
 */
export function npmBuildCommand() {
	const npm = process.env.npm_execpath;
	return npm && /\.[cm]?js$/.test(npm)
		? [process.execPath, npm, 'run', 'build']
		: ['npm', 'run', 'build'];
}

/**
 * Builds unless build/ was made from the current inputs; a new build is written beside build/ and
 * renamed over it only once complete. A failed build leaves build/ as it was.
 * @param {object} options
 * @param {string} options.root the project root
 * @param {string[]} [options.command] run with BUILD_OUT naming the directory to build into
 * @param {(line: string) => void} [options.log]
 * @returns {Promise<{ rebuilt: boolean, inputs: string }>}
 */
export async function ensureBuild({ root, command = npmBuildCommand(), log = console.log }) {
	const buildDir = path.join(root, 'build');
	const { inputs } = hashInputs(root);
	if (readStamp(buildDir) === inputs && fs.existsSync(path.join(buildDir, 'index.js')))
		return { rebuilt: false, inputs };

	log(
		fs.existsSync(buildDir)
			? 'The sources changed since build/ was made: building again.'
			: 'No build yet: building.'
	);
	removeAbandonedBuilds(root);
	const next = `.build-next-${process.pid}`;
	const nextDir = path.join(root, next);
	fs.rmSync(nextDir, { recursive: true, force: true });
	try {
		await run(command, { cwd: root, env: { ...process.env, BUILD_OUT: next } });
		if (!fs.existsSync(path.join(nextDir, 'index.js')))
			throw new Error(`the build wrote no ${next}/index.js`);
		if (readStamp(nextDir) === null)
			log('A source changed during the build: the next start builds again.');
		swapIn(root, next);
	} finally {
		removeDir(nextDir);
	}
	return { rebuilt: true, inputs };
}

/**
 * Puts a finished build in place of build/: two renames, so build/ is at every moment either the
 * old build or the new one, whole (or, between the renames, absent).
 * @param {string} root
 * @param {string} next the finished build's directory name, beside build/
 */
export function swapIn(root, next) {
	const buildDir = path.join(root, 'build');
	const old = path.join(root, `.build-old-${process.pid}`);
	fs.rmSync(old, { recursive: true, force: true });
	const hadBuild = fs.existsSync(buildDir);
	if (hadBuild) fs.renameSync(buildDir, old);
	fs.renameSync(path.join(root, next), buildDir);
	if (hadBuild) removeDir(old);
}

/**
 * Removes a directory that a stopped build may still be writing to for a moment; what cannot be
 * removed now goes at the next start (removeAbandonedBuilds).
 * @param {string} dir
 */
function removeDir(dir) {
	try {
		fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
	} catch {
		// left for the next start
	}
}

/**
 * @param {string[]} command
 * @param {import('node:child_process').SpawnOptions} options
 * @returns {Promise<void>}
 */
function run([file, ...args], options) {
	return new Promise((resolve, reject) => {
		// In a process group of its own, so that a stop reaches every process of the build (npm, its
		// shell, vite), not only the first: npm does not wait for its script to end.
		const child = spawn(/** @type {string} */ (file), args, {
			// No stdin: a process group other than the terminal's must not read from it.
			stdio: ['ignore', 'inherit', 'inherit'],
			detached: true,
			...options
		});
		// Ctrl-C or a stop while building: stop the build too, and let the caller clean up after it.
		const group = -(/** @type {number} */ (child.pid));
		/** @type {NodeJS.Signals | null} */
		let stoppedBy = null;
		/** @param {NodeJS.Signals} signal */
		const forward = (signal) => {
			stoppedBy = signal;
			signalGroup(group, signal);
		};
		const signals = /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP']);
		for (const signal of signals) process.on(signal, forward);
		const done = () => signals.forEach((signal) => process.off(signal, forward));
		child.once('error', (error) => {
			done();
			reject(error);
		});
		child.once('exit', async (code, signal) => {
			done();
			if (code === 0) return resolve();
			// Stopped: npm may be gone while vite still writes; wait (up to 10 s) for the whole group.
			for (let wait = 0; stoppedBy && signalGroup(group, 0) && wait < 100; wait++)
				await new Promise((resolve) => setTimeout(resolve, 100));
			reject(new Error(`the build failed (${stoppedBy ?? signal ?? `exit code ${code}`})`));
		});
	});
}

/**
 * Signals a process group; with signal 0, whether any process of it is left.
 * @param {number} group the negated id of the group's first process
 * @param {NodeJS.Signals | 0} signal
 */
function signalGroup(group, signal) {
	try {
		process.kill(group, signal);
		return true;
	} catch {
		return false;
	}
}
