import { installedDependency, installedPackage } from '../installed-package';
import { fastItemStylePatch } from './fast-item-style';
import { fastStyleLookupPatch } from './fast-style-lookup';
import { joinInlinesPatch } from './join-inlines';
import { joinedStreamWritesPatch } from './joined-stream-writes';
import { measureOncePatch } from './measure-once';
import { parsedColoursPatch } from './parsed-colours';
import type { PatchStatus } from './patch';
import { rememberedBreaksPatch } from './remembered-breaks';
import { sharedLayoutCachePatch } from './shared-layout-cache';
import { sharedVectorFormPatch } from './shared-vector-form';

/**
 * The versions the patches were written and tested against. The patches replace pdfmake's internal
 * methods and read pdfkit's internals, which any release may change: package.json pins pdfmake to
 * exactly this version (pdfkit comes with it through package-lock.json). To move to another
 * release, read the replaced methods in the new one, update the patches and these versions, and run
 * tests/documents/pdfmake-patches.test.ts.
 */
export const PATCHED_FOR = { pdfmake: '0.3.11', pdfkit: '0.19.1' } as const;

/** Each patch replaces one pdfmake method; see each module for what it changes and why. */
export const pdfmakePatches = [
	joinInlinesPatch,
	sharedLayoutCachePatch,
	fastStyleLookupPatch,
	fastItemStylePatch,
	measureOncePatch,
	rememberedBreaksPatch,
	sharedVectorFormPatch,
	joinedStreamWritesPatch,
	parsedColoursPatch
];

export type { PatchStatus };

/** The pdfmake and pdfkit that Node loads here, as against those the patches were written for. */
export function pdfmakeVersions(): { installed: Record<keyof typeof PATCHED_FOR, string> } {
	return {
		installed: {
			pdfmake: installedPackage('pdfmake').version,
			pdfkit: installedDependency('pdfmake', 'pdfkit').version
		}
	};
}

/**
 * Throws unless the installed pdfmake (and its pdfkit) are the versions the patches were written
 * for: a patch against another release could silently do nothing or drop styling.
 */
export function assertPdfmakeVersion(
	installed: Record<keyof typeof PATCHED_FOR, string> = pdfmakeVersions().installed
): void {
	const wrong = (Object.keys(PATCHED_FOR) as (keyof typeof PATCHED_FOR)[]).filter(
		(name) => installed[name] !== PATCHED_FOR[name]
	);
	if (wrong.length === 0) return;
	throw new Error(
		`The report renderer's pdfmake patches (src/lib/server/documents/pdf/pdfmake-patches) were written for ` +
			wrong.map((name) => `${name} ${PATCHED_FOR[name]}`).join(' and ') +
			', but ' +
			wrong.map((name) => `${name} ${installed[name]}`).join(' and ') +
			' is installed. Install the pinned version (npm ci), or review the patches against the new release and update PATCHED_FOR.'
	);
}

/**
 * Checks the installed pdfmake version, then puts every patch in place (once per thread: pdfmake's
 * classes are per module instance, and each worker thread has its own). Returns which are active;
 * throws if one cannot be applied, rather than render without it.
 */
export function applyPdfmakePatches(): PatchStatus[] {
	assertPdfmakeVersion();
	for (const patch of pdfmakePatches) patch.apply();
	const status = pdfmakePatchStatus();
	const inactive = status.filter((s) => !s.active);
	if (inactive.length > 0)
		throw new Error(`pdfmake patches not active: ${inactive.map((s) => s.replaces).join(', ')}`);
	return status;
}

/** Which patches hold their method on pdfmake's prototypes right now, in this thread. */
export function pdfmakePatchStatus(): PatchStatus[] {
	return pdfmakePatches.map((patch) => patch.status());
}
