import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vite';
import { paraglideOptions } from './paraglide.config.js';
import { rendererSourceHashPlugin } from './src/lib/server/documents/pdf/renderer-source.js';
import { corpusLoaderHashPlugin } from './src/lib/corpus/loader-source.js';

// The app's build. The tests have their own configuration, without these plugins: vitest.config.ts.
export default defineConfig({
	plugins: [
		paraglideVitePlugin(paraglideOptions),
		sveltekit(),
		// The built server has no src/: the PDF renderer's source hash (report cache key) is compiled in.
		rendererSourceHashPlugin(),
		// Likewise the corpus loader's hash: a start skips the corpus import when neither seeds/ nor
		// the loader changed since the stored version was imported (src/lib/server/corpus.ts).
		corpusLoaderHashPlugin()
	]
});
