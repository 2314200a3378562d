// What may import what (DESIGN.md, "Layers"). ESLint keeps one `no-restricted-imports` setting per
// file (a later block replaces an earlier one), so each layer lists every pattern it is denied.
// Type imports are denied too: a type from a layer ties the importer to it all the same.

const sveltekit = {
	group: [
		'@sveltejs/kit',
		'@sveltejs/kit/*',
		'$app/*',
		'sveltekit-superforms',
		'sveltekit-superforms/*'
	],
	message: 'Only src/routes and src/lib/server/web know SvelteKit and superforms.'
};
const web = {
	group: [
		'$lib/server/web',
		'$lib/server/web/*',
		'**/server/web/**',
		'../web/*',
		'../../web/*',
		'./web/*'
	],
	message:
		'The web face calls services, never the reverse: move the shared code below src/lib/server/web.'
};
const server = {
	group: ['$lib/server', '$lib/server/*', '**/server/**', '**/server'],
	message:
		'Browser code and the pure modules (domain, schemas, labels) never import src/lib/server.'
};
const database = {
	group: ['$lib/server/db', '$lib/server/db/*', '**/db/*', '**/db/**', '../db', '../../db'],
	message: 'Renderers take plain data: load it in a service and pass it in.'
};
const services = {
	group: [
		'$lib/server/*/*',
		'!$lib/server/documents/*',
		'../../assessments/*',
		'../../clients/*',
		'../../orgs/*',
		'../../auth/*',
		'../../report/*',
		'../assessments/*',
		'../clients/*',
		'../orgs/*',
		'../auth/*',
		'../report/*'
	],
	message: 'Renderers take plain data and return bytes: they call no service.'
};
const routeDatabase = {
	group: ['$lib/server/db', '$lib/server/db/*', '$lib/server/db/**'],
	message: 'Routes read and write through services (src/lib/server/<feature>), never db/ itself.'
};
const nodeAndFrameworks = {
	group: ['kysely', 'pg', '@electric-sql/*', 'pdfmake', 'pdfmake/*', 'node:*'],
	message: 'src/lib/domain is pure TypeScript: no framework, database, PDF or Node imports.'
};

const deny = (...patterns) => ({
	'no-restricted-imports': ['error', { patterns }]
});

export const layerBoundaries = [
	{
		// Services, queries and everything else on the server below the web face.
		files: ['src/lib/server/**/*.ts', 'src/cli/**/*.ts'],
		ignores: ['src/lib/server/web/**'],
		rules: deny(sveltekit, web)
	},
	{
		files: ['src/lib/server/documents/**/*.ts'],
		rules: deny(sveltekit, web, database, services)
	},
	{
		files: [
			'src/lib/components/**',
			'src/lib/schemas/**/*.ts',
			'src/lib/labels/**/*.ts',
			'**/*.svelte'
		],
		rules: deny(server)
	},
	{
		files: ['src/lib/domain/**/*.ts'],
		rules: deny(server, sveltekit, nodeAndFrameworks)
	},
	{
		files: ['src/routes/**/*.ts'],
		rules: deny(routeDatabase)
	}
];
