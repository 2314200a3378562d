import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fontFiles } from './fonts';
import { installedDependency, installedPackage } from './installed-package';
import { hashRendererSources } from './renderer-source';

// Replaced by a string constant in the built app (rendererSourceHashPlugin in vite.config.ts).
declare const __PDF_RENDERER_SOURCE_HASH__: string | undefined;

export interface RendererVersion {
	/** The packages that lay out and draw: versions as installed, not as package.json asks. */
	packages: Record<string, string>;
	/** sha256 of the embedded font files' content. */
	fonts: string;
	/** sha256 of the renderer's source folder (renderer-source.ts). */
	source: string;
	/** sha256 of all of the above: what the report cache keys on. */
	id: string;
}

function sha256(...parts: (string | Buffer)[]): string {
	const hash = createHash('sha256');
	for (const part of parts) hash.update(part).update('\0');
	return hash.digest('hex');
}

/** The source hash compiled into the build, or else computed from the sources beside this file. */
export function rendererSourceHash(): string {
	if (typeof __PDF_RENDERER_SOURCE_HASH__ === 'string') return __PDF_RENDERER_SOURCE_HASH__;
	return hashRendererSources(path.dirname(fileURLToPath(import.meta.url)));
}

/** The renderer's identity, computed afresh: everything but the report's content that shapes its PDF. */
export function computeRendererVersion(): RendererVersion {
	const packages = {
		pdfmake: installedPackage('pdfmake').version,
		pdfkit: installedDependency('pdfmake', 'pdfkit').version,
		'pdfkit/fontkit': installedDependency('pdfkit', 'fontkit').version,
		'pdfkit/linebreak': installedDependency('pdfkit', 'linebreak').version,
		'pdfmake/linebreak': installedDependency('pdfmake', 'linebreak').version,
		fontkit: installedPackage('fontkit').version,
		linebreak: installedPackage('linebreak').version
	};
	const fonts = sha256(
		...Object.entries(fontFiles).flatMap(([style, file]) => [style, fs.readFileSync(file)])
	);
	const source = rendererSourceHash();
	return { packages, fonts, source, id: rendererVersionId({ packages, fonts, source }) };
}

/** The id of a renderer version from its parts. */
export function rendererVersionId(version: Omit<RendererVersion, 'id'>): string {
	return sha256(JSON.stringify(version.packages), version.fonts, version.source);
}

let current: RendererVersion | null = null;

/** The renderer's identity, computed once per process (the font files are read and hashed). */
export function rendererVersion(): RendererVersion {
	current ??= computeRendererVersion();
	return current;
}
