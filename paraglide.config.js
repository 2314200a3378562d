/**
 * How the messages are compiled, read by the build (vite.config.ts), by `npm install` and by the tests
 * (scripts/compile-messages.js): one definition, so the tests and the CLI run the messages the app runs.
 *
 * One module per locale rather than per message: the server, the CLI and every test process load the
 * messages natively, where ~850 message modules cost ~0.7 s of CPU per process (~2.8 s under tsx)
 * against ~0.05 s for the locale modules; the browser's bundles came out the same size (532 KB → 535 KB
 * of JavaScript, 177 KB → 172 KB gzipped), as Rollup still drops what no page uses.
 */
/** @type {import('@inlang/paraglide-js').CompilerOptions} */
export const paraglideOptions = {
	project: './project.inlang',
	outdir: './src/lib/paraglide',
	strategy: ['cookie', 'preferredLanguage', 'baseLocale'],
	cookieName: 'lang',
	outputStructure: 'locale-modules'
};
