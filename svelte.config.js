import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { beginBuild, stampBuild } from './scripts/build-stamp.js';

// `npm run build` (which `npm start` runs when it must build) hashes the inputs as it starts, to
// stamp the build with at the end; SvelteKit loads this file more than once during a build.
const building =
	process.env.npm_lifecycle_event === 'build'
		? (globalThis.__sandboxBuildBegun ??= beginBuild(process.cwd()))
		: null;
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
				if (!building) return builder.log.warn(`${out}/ is not stamped: build with npm run build`);
				const stamp = stampBuild(process.cwd(), out, building);
				if (!stamp.stamped)
					builder.log.warn(`${stamp.changed} changed during the build: ${out}/ is left unstamped`);
			}
		},
		// Type-check and lint the TypeScript scripts (the PDF benchmark) with the app.
		typescript: {
			config: (config) => {
				config.include.push('../scripts/**/*.ts', '../vitest.config.ts');
			}
		},
		// The CSRF origin check is made in src/hooks.server.ts (handleCrossSiteForms) instead of here:
		// the same check, except for /api/v1, whose callers authenticate with a Bearer token (never a
		// cookie) and send multipart uploads without an Origin header.
		csrf: { trustedOrigins: ['*'] },
		// CSP nonces/hashes for SvelteKit's inline script.
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
