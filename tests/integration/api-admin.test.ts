import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Api } from '../helpers/api';
import { Browser } from '../helpers/browser';
import { createScratchDatabase, testDbKind } from '../setup/databases';
import { startServer } from '../setup/server-process';

type Env = Record<string, string>;

// tsx straight from node_modules, as `npm run cli` runs it, without npm's and npx's own start-up
// (about half a CPU-second per call).
const tsx = path.resolve('node_modules/tsx/dist/cli.mjs');

function cli(args: string[], env: Env) {
	return spawnSync(process.execPath, [tsx, 'src/cli/main.ts', ...args], {
		encoding: 'utf8',
		env: { ...process.env, ...env }
	});
}

const createOrgArgs = (email: string) => [
	'admin',
	'create-org',
	'--name',
	'运维创建的机构',
	'--kind',
	'consultancy',
	'--owner-email',
	email,
	'--owner-password',
	'admin-password-2026'
];

describe('the admin CLI and the API on a fresh database', () => {
	it(
		'sets up an organisation and a token; a script with only the token runs an assessment end to end; an acknowledged save survives kill -9',
		// Four CLI and script processes, a fresh migration and two server starts: 23 s alone, several
		// times that beside the other test files on two cores.
		{ timeout: 420_000 },
		async () => {
			const scratch = await createScratchDatabase(testDbKind(), 'admin');
			const env: Env = {
				DATABASE_URL: scratch.env.DATABASE_URL ?? '',
				DATA_DIR: scratch.env.DATA_DIR
			};
			try {
				// Bad arguments, refused before the database is opened: tests/documents/cli-assess.test.ts.
				const email = `ops-${Date.now()}@example.com`;
				const org = cli(createOrgArgs(email), env);
				expect(org.status, org.stderr).toBe(0);
				const { org_id, user_id } = JSON.parse(org.stdout);
				expect(org_id).toMatch(/^[0-9a-f-]{36}$/);
				expect(user_id).toMatch(/^[0-9a-f-]{36}$/);
				expect(cli(createOrgArgs(email), env).status).toBe(2);
				// A token names the member it acts for; nobody outside the organisation can be named.
				const stranger = cli(
					['admin', 'create-token', '--org', org_id, '--as', 'nobody@example.com'],
					env
				);
				expect(stranger.status).toBe(2);
				expect(stranger.stderr).toContain('--as: no account nobody@example.com');
				const created = cli(
					[
						'admin',
						'create-token',
						'--org',
						org_id,
						'--as',
						email,
						'--name',
						'ops',
						'--days',
						'30'
					],
					env
				);
				expect(created.status, created.stderr).toBe(0);
				const { token, expires_at } = JSON.parse(created.stdout);
				expect(token).toMatch(/^sr_[a-z2-7]{52}$/);
				const days = (new Date(expires_at).getTime() - Date.now()) / 86_400_000;
				expect(days).toBeGreaterThan(29.9);
				expect(days).toBeLessThanOrEqual(30);

				let server = await startServer(env);
				try {
					const out = fs.mkdtempSync(path.join(os.tmpdir(), 'api-example-'));
					const script = spawnSync(process.execPath, [tsx, 'scripts/api-example.ts', out], {
						encoding: 'utf8',
						env: { ...process.env, API_URL: server.baseUrl, API_TOKEN: token }
					});
					expect(script.status, script.stderr).toBe(0);
					const summary = JSON.parse(script.stdout.trim().split('\n').at(-1)!);
					expect(summary.complete).toBe(true);
					expect(['ready', 'ready_with_conditions', 'not_ready', 'not_assessed']).toContain(
						summary.verdict
					);
					expect(fs.readFileSync(path.join(out, 'report.pdf')).subarray(0, 5).toString()).toBe(
						'%PDF-'
					);
					expect(
						fs.readFileSync(path.join(out, 'action-plan.xlsx')).subarray(0, 2).toString()
					).toBe('PK');

					// Durability: the 200 comes after the commit, so killing the server at once loses nothing.
					const api = new Api(token, server.baseUrl);
					const id = summary.assessment_id;
					const before = (await api.get(`/assessments/${id}`)).json;
					const [itemId, answer] = Object.entries(before.answers)[0] as [
						string,
						{ version: number }
					];
					const saved = await api.put(`/assessments/${id}/answers/${itemId}`, {
						status: 'partial',
						note: 'saved just before the crash',
						version: answer.version
					});
					expect(saved.status).toBe(200);
					await server.stop('SIGKILL');
					server = await startServer(env);
					const after = await new Api(token, server.baseUrl).get(`/assessments/${id}`);
					expect(after.json.answers[itemId]).toMatchObject({
						status: 'partial',
						note: 'saved just before the crash',
						version: saved.json.version
					});
					const owner = new Browser(server.baseUrl);
					const login = await owner.post('/login', { email, password: 'admin-password-2026' });
					expect(login.status).toBe(303);
					expect((await owner.get('/')).location).toBe(`/o/${org_id}`);
				} finally {
					await server.stop();
				}
			} finally {
				await scratch.drop();
			}
		}
	);
});
