import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { stampBuild } from './scripts/build-stamp.js';

// When this build started: SvelteKit loads this file again during a build, the first load counts.
const buildStartedAt = (globalThis.__sandboxBuildStartedAt ??= Date.now());
// `npm start` builds into a directory beside build/ and renames it over build/ once complete.
const out = process.env.BUILD_OUT || 'build';
const nodeAdapter = adapter({ out });

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: {
			...nodeAdapter,
			// Every build records which sources it was made from (scripts/build-stamp.js).
			async adapt(builder) {
				await nodeAdapter.adapt(builder);
				const stamp = stampBuild(process.cwd(), out, buildStartedAt);
				if (!stamp.stamped)
					builder.log.warn(`${stamp.changed} changed during the build: ${out}/ is left unstamped`);
			}
		},
		// Type-check and lint the TypeScript scripts (the PDF benchmark) with the app.
		typescript: {
			config: (config) => {
				config.include.push('../scripts/**/*.ts');
			}
		},
		// CSRF origin check stays on (SvelteKit default); CSP nonces/hashes for SvelteKit's inline script.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
