import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vitest/config';
import { rendererSourceHashPlugin } from './src/lib/server/documents/pdf/renderer-source.js';

export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['cookie', 'preferredLanguage', 'baseLocale'],
			cookieName: 'lang'
		}),
		sveltekit(),
		// The built server has no src/: the PDF renderer's source hash (report cache key) is compiled in.
		rendererSourceHashPlugin()
	],
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
					environment: 'node'
				}
			},
			{
				extends: true,
				test: {
					name: 'pglite',
					include: ['tests/integration/**/*.test.ts'],
					globalSetup: ['tests/setup/server.ts'],
					env: { TEST_DB: 'pglite' },
					fileParallelism: false,
					testTimeout: 30_000,
					hookTimeout: 120_000
				}
			},
			{
				extends: true,
				test: {
					name: 'browser',
					include: ['tests/browser/**/*.test.ts'],
					globalSetup: ['tests/setup/server.ts'],
					env: { TEST_DB: 'pglite' },
					fileParallelism: false,
					testTimeout: 60_000,
					hookTimeout: 120_000
				}
			},
			{
				extends: true,
				test: {
					name: 'postgres',
					include: ['tests/integration/**/*.test.ts', 'tests/postgres/**/*.test.ts'],
					globalSetup: ['tests/setup/server.ts'],
					env: { TEST_DB: 'postgres' },
					fileParallelism: false,
					testTimeout: 30_000,
					hookTimeout: 120_000
				}
			}
		]
	}
});
