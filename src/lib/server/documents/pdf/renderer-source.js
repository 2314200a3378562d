// Plain JavaScript (typed by JSDoc), because vite.config.ts imports it: Vite's native config loader,
// planned to become the default, runs the config under Node, which (20.x) cannot import TypeScript.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The renderer's source folder (this one), from the repository root. */
export const RENDERER_SOURCE_DIR = 'src/lib/server/documents/pdf';

/** The name the built app carries the hash under (see `rendererSourceHashPlugin`). */
export const SOURCE_HASH_DEFINE = '__PDF_RENDERER_SOURCE_HASH__';

/**
 * @param {string} dir
 * @param {string} [prefix]
 * @returns {string[]}
 */
function filesUnder(dir, prefix = '') {
	return fs
		.readdirSync(dir, { withFileTypes: true })
		.flatMap((entry) =>
			entry.isDirectory()
				? filesUnder(path.join(dir, entry.name), `${prefix}${entry.name}/`)
				: entry.isFile()
					? [`${prefix}${entry.name}`]
					: []
		);
}

/**
 * A hash of every file in the renderer's folder, by path and content: any change to how a report
 * is drawn (layout, styles, typesetting, the pdfmake patches) changes it. The whole folder, so there
 * is no list to keep: a change to the worker pool costs each report one fresh render, nothing more.
 * Throws if the folder is not the renderer's sources (the built app has none: it carries the hash).
 * @param {string} dir
 * @returns {string}
 */
export function hashRendererSources(dir) {
	const files = filesUnder(dir).sort();
	if (!files.includes('render-pdf.ts'))
		throw new Error(`${dir} holds no renderer sources (render-pdf.ts) to hash`);
	const hash = createHash('sha256');
	for (const file of files) {
		hash.update(`${file}\0`);
		hash.update(fs.readFileSync(path.join(dir, file)));
		hash.update('\0');
	}
	return hash.digest('hex');
}

/**
 * A Vite plugin for `vite build`: the built server has no src/, so the hash is computed as the
 * build starts and compiled in as a constant. In development, vitest and tsx the sources are there
 * and the renderer hashes them itself (renderer-version.ts), so nothing depends on this plugin
 * being in whichever Vite or vitest configuration runs.
 * @param {string} [root] the repository root
 */
export function rendererSourceHashPlugin(root = process.cwd()) {
	return {
		name: 'pdf-renderer-source-hash',
		apply: /** @type {const} */ ('build'),
		config: () => ({
			define: {
				[SOURCE_HASH_DEFINE]: JSON.stringify(
					hashRendererSources(path.join(root, RENDERER_SOURCE_DIR))
				)
			}
		})
	};
}
