import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	STAMP_FILE,
	ensureBuild,
	hashInputs,
	readStamp,
	removeAbandonedBuilds
} from '../../scripts/build-stamp.js';

// `npm start` (scripts/start.js): builds only when the sources changed, swaps a build in whole, and a
// static file gone from build/client answers 404 without ending the process. Nothing here depends on
// the database kind, so it runs in the PGlite project only (EMBEDDED_ONLY in vitest.config.ts).
describe('npm start', () => {
	const buildStamp = path.resolve('scripts/build-stamp.js');
	const made: string[] = [];
	const tempDir = (name: string) => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), `start-${name}-`));
		made.push(dir);
		return dir;
	};
	afterAll(() => {
		for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
	});

	/** A project with a few inputs, and a fake build that copies src/app.ts to index.js and stamps. */
	function fakeProject() {
		const root = tempDir('project');
		fs.mkdirSync(path.join(root, 'src/lib/paraglide'), { recursive: true });
		fs.writeFileSync(path.join(root, 'src/app.ts'), 'version 1');
		fs.writeFileSync(path.join(root, 'src/app.test.ts'), 'a test');
		fs.writeFileSync(path.join(root, 'src/lib/paraglide/messages.js'), 'generated');
		fs.writeFileSync(path.join(root, 'package.json'), '{}');
		fs.writeFileSync(
			path.join(root, 'fake-build.mjs'),
			`import fs from 'node:fs';
import path from 'node:path';
import { beginBuild, stampBuild } from ${JSON.stringify(buildStamp)};
const begun = beginBuild(process.cwd());
const out = process.env.BUILD_OUT;
fs.appendFileSync('builds.log', out + '\\n');
fs.mkdirSync(out);
if (process.argv[2] === 'fail') {
	fs.writeFileSync(path.join(out, 'half-written'), '');
	process.exit(1);
}
if (process.argv[2] === 'edit') fs.writeFileSync('src/app.ts', 'edited during the build');
// Changed and changed back: the content is as at the start, the time is not.
if (process.argv[2] === 'edit and undo') fs.utimesSync('src/app.ts', new Date(), new Date(Date.now() + 5000));
fs.writeFileSync(path.join(out, 'index.js'), fs.readFileSync('src/app.ts'));
stampBuild(process.cwd(), out, begun);
`
		);
		const build = (mode = 'ok') =>
			ensureBuild({
				root,
				command: [process.execPath, path.join(root, 'fake-build.mjs'), mode],
				log: () => {}
			});
		const builds = () =>
			fs.existsSync(path.join(root, 'builds.log'))
				? fs.readFileSync(path.join(root, 'builds.log'), 'utf8').trim().split('\n').length
				: 0;
		const built = () => fs.readFileSync(path.join(root, 'build/index.js'), 'utf8');
		const siblings = () => fs.readdirSync(root).filter((name) => name.startsWith('.build-'));
		return { root, build, builds, built, siblings };
	}

	it('hashes what the build reads: contents and names, not times, tests or generated files', () => {
		const { root } = fakeProject();
		const first = hashInputs(root).inputs;
		const app = path.join(root, 'src/app.ts');
		fs.utimesSync(app, new Date(), new Date());
		expect(hashInputs(root).inputs, 'touched only').toBe(first);
		fs.writeFileSync(path.join(root, 'src/app.test.ts'), 'another test');
		fs.writeFileSync(path.join(root, 'src/lib/paraglide/messages.js'), 'generated again');
		expect(hashInputs(root).inputs, 'a test and Paraglide output changed').toBe(first);
		fs.writeFileSync(app, 'version 2');
		const second = hashInputs(root).inputs;
		expect(second, 'a source changed').not.toBe(first);
		fs.renameSync(app, path.join(root, 'src/main.ts'));
		expect(hashInputs(root).inputs, 'a source renamed').not.toBe(second);
	});

	it('builds when there is no build or a source changed, and only then', async () => {
		const project = fakeProject();
		expect(await project.build()).toMatchObject({ rebuilt: true });
		expect(project.built()).toBe('version 1');
		expect(readStamp(path.join(project.root, 'build'))).toBe(hashInputs(project.root).inputs);

		expect(await project.build()).toMatchObject({ rebuilt: false });
		expect(project.builds(), 'no build for unchanged sources').toBe(1);

		fs.writeFileSync(path.join(project.root, 'src/app.ts'), 'version 2');
		expect(await project.build()).toMatchObject({ rebuilt: true });
		expect(project.built()).toBe('version 2');
		expect(project.builds()).toBe(2);
		expect(project.siblings(), 'nothing left beside build/').toEqual([]);
	});

	it('leaves build/ as it was when a build fails, and unstamped when a source changes during it', async () => {
		const project = fakeProject();
		await project.build();
		fs.writeFileSync(path.join(project.root, 'src/app.ts'), 'version 2');
		await expect(project.build('fail')).rejects.toThrow(/the build failed/);
		expect(project.built(), 'the previous build, whole').toBe('version 1');
		expect(fs.existsSync(path.join(project.root, 'build/half-written'))).toBe(false);
		expect(project.siblings()).toEqual([]);

		expect(await project.build('edit')).toMatchObject({ rebuilt: true });
		expect(readStamp(path.join(project.root, 'build')), 'not claimed up to date').toBeNull();
		expect(await project.build()).toMatchObject({ rebuilt: true });
		expect(project.built()).toBe('edited during the build');
		expect(readStamp(path.join(project.root, 'build'))).not.toBeNull();

		fs.writeFileSync(path.join(project.root, 'src/app.ts'), 'version 3');
		await project.build('edit and undo');
		expect(
			readStamp(path.join(project.root, 'build')),
			'same content, but saved after the start'
		).toBeNull();
	});

	it('removes what an interrupted build left beside build/', async () => {
		const project = fakeProject();
		const gone = spawn(process.execPath, ['-e', '']);
		await new Promise((resolve) => gone.once('exit', resolve));
		fs.mkdirSync(path.join(project.root, `.build-next-${gone.pid}`));
		fs.mkdirSync(path.join(project.root, `.build-old-${process.pid}`));
		removeAbandonedBuilds(project.root);
		expect(project.siblings(), 'a live process keeps its own').toEqual([
			`.build-old-${process.pid}`
		]);
	});

	describe('on an up-to-date build', () => {
		// The project, with a copy of build/ so that deleting from it leaves the other tests' build alone.
		let root = '';
		let server: ChildProcess;
		let output = '';
		let baseUrl = '';
		let indexTime = 0;

		beforeAll(async () => {
			root = tempDir('app');
			for (const entry of fs.readdirSync('.')) {
				if (['build', 'data', '.git'].includes(entry) || entry.startsWith('.build-')) continue;
				fs.symlinkSync(path.resolve(entry), path.join(root, entry));
			}
			fs.cpSync('build', path.join(root, 'build'), { recursive: true });
			// Stamped with the current sources, whatever the build in the checkout was made from.
			fs.writeFileSync(
				path.join(root, 'build', STAMP_FILE),
				JSON.stringify({ inputs: hashInputs(root).inputs })
			);
			indexTime = fs.statSync(path.join(root, 'build/index.js')).mtimeMs;

			const port = await freePort();
			baseUrl = `http://127.0.0.1:${port}`;
			const { DATABASE_URL: _unused, ...env } = process.env;
			const started = performance.now();
			server = spawn(process.execPath, [path.join(root, 'scripts/start.js')], {
				cwd: root,
				env: {
					...env,
					NODE_ENV: 'production',
					PORT: String(port),
					HOST: '127.0.0.1',
					ORIGIN: baseUrl,
					DATA_DIR: path.join(root, 'data'),
					DEMO: '0',
					LOG_LEVEL: 'warn',
					SHUTDOWN_TIMEOUT: '2',
					// Should it build after all, fail at once rather than spend a minute building.
					npm_execpath: path.join(root, 'no-build-expected.js')
				},
				stdio: ['ignore', 'pipe', 'pipe']
			});
			await new Promise<void>((resolve, reject) => {
				const read = (chunk: Buffer) => {
					output += String(chunk);
					if (output.includes('is ready at')) resolve();
				};
				server.stdout?.on('data', read);
				server.stderr?.on('data', read);
				server.once('exit', (code) => reject(new Error(`start.js exited (${code}):\n${output}`)));
			});
			console.info(
				`npm start on an up-to-date build: ready in ${Math.round(performance.now() - started)} ms`
			);
		}, 120_000);

		afterAll(async () => {
			if (server?.exitCode === null) {
				const exited = new Promise((resolve) => server.once('exit', resolve));
				server.kill('SIGTERM');
				await exited;
			}
		});

		it('answers /healthz without building', async () => {
			expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
			expect(output).not.toMatch(/building/i);
			expect(fs.statSync(path.join(root, 'build/index.js')).mtimeMs, 'build/ untouched').toBe(
				indexTime
			);
			expect(fs.readdirSync(root).filter((name) => name.startsWith('.build-'))).toEqual([]);
		});

		it('answers 404 for a file deleted from build/client, and stays up', async () => {
			const client = path.join(root, 'build/client');
			const file = fs
				.readdirSync(path.join(client, '_app/immutable/entry'))
				.map((name) => path.join(client, '_app/immutable/entry', name))
				.find((name) => fs.existsSync(`${name}.br`) && fs.existsSync(`${name}.gz`));
			expect(file, 'a client file with .br and .gz variants').toBeDefined();
			const url = `${baseUrl}/${path.relative(client, file!)}`;
			const get = (encoding: string) => fetch(url, { headers: { 'accept-encoding': encoding } });

			const before = await get('br, gzip');
			expect(before.status).toBe(200);
			expect(before.headers.get('content-encoding')).toBe('br');
			await before.arrayBuffer();

			fs.rmSync(`${file}.br`);
			expect((await get('br, gzip')).status, 'the .br variant gone').toBe(404);
			fs.rmSync(`${file}.gz`);
			expect((await get('gzip')).status, 'the .gz variant gone').toBe(404);
			fs.rmSync(file!);
			expect((await get('identity')).status, 'the file gone').toBe(404);

			expect(server.exitCode, output).toBeNull();
			expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
			expect((await fetch(`${baseUrl}/favicon.svg`)).status, 'other files still served').toBe(200);
		});
	});
});

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = net.createServer();
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() =>
				typeof address === 'object' && address
					? resolve(address.port)
					: reject(new Error('no port'))
			);
		});
	});
}
