import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Browser, PASSWORD, uniqueEmail } from '../helpers/browser';
import { createScratchDatabase, testDbKind } from '../setup/databases';
import { startServer, type RunningServer } from '../setup/server-process';

type Env = Record<string, string>;
const tsx = path.resolve('node_modules/tsx/dist/cli.mjs');

/** The admin CLI, as `npm run cli` runs it (the embedded database: with the server stopped). */
function cli(args: string[], env: Env) {
	const run = spawnSync(process.execPath, [tsx, 'src/cli/main.ts', 'admin', ...args], {
		encoding: 'utf8',
		env: { ...process.env, ...env }
	});
	return { ...run, json: run.status === 0 ? JSON.parse(run.stdout) : null };
}

interface PendingMail {
	to: string;
	template: string;
	language: string;
	subject: string;
	text: string;
}

/** The same person's browser against a restarted server (a new port): their cookies go along. */
function reopen(browser: Browser, server: RunningServer): Browser {
	const again = new Browser(server.baseUrl, { address: browser.address });
	for (const [name, value] of browser.cookies) again.cookies.set(name, value);
	return again;
}

/**
 * Without SMTP the app still works end to end: mails wait in the outbox, an owner's outbox page
 * shows the organisation's (an invitation, with its link), `admin outbox` shows every mail (a
 * verification code too), and `admin reset-password` gives the operator the link it mails.
 */
describe('without SMTP', () => {
	it(
		'shows waiting mails on the owner’s outbox page and in admin outbox; admin reset-password gives the link',
		{ timeout: 300_000 },
		async () => {
			const scratch = await createScratchDatabase(testDbKind(), 'no-smtp', { migrated: true });
			const env: Env = {
				DATABASE_URL: scratch.env.DATABASE_URL ?? '',
				DATA_DIR: scratch.env.DATA_DIR,
				SMTP_URL: ''
			};
			let server: RunningServer | null = null;
			try {
				const ownerEmail = uniqueEmail('ops-owner');
				const created = cli(
					[
						'create-org',
						'--name',
						'无邮件机构',
						'--kind',
						'firm',
						'--owner-email',
						ownerEmail,
						'--owner-password',
						PASSWORD
					],
					env
				);
				expect(created.status, created.stderr).toBe(0);
				const orgId: string = created.json.org_id;

				server = await startServer(env);
				expect(server.output()).toContain(
					'mail is not configured (SMTP_URL): mails wait in the outbox'
				);
				// Someone trying the app signs up and reads the code in the server's log: the embedded
				// database cannot be opened by `admin outbox` while the server runs.
				const newcomer = new Browser(server.baseUrl, { lang: 'en' });
				const newcomerEmail = uniqueEmail('ops-newcomer');
				const newcomerSignUp = await newcomer.post('/signup', {
					name: 'Newcomer',
					email: newcomerEmail,
					password: PASSWORD,
					orgName: '日志验证码有限公司',
					orgKind: 'firm'
				});
				expect(newcomerSignUp.status, newcomerSignUp.text).toBe(303);
				const printedMails = server
					.output()
					.split('\n')
					.filter((line) => line.startsWith('{') && line.includes(newcomerEmail))
					.map((line) => JSON.parse(line) as { mail: { text: string } });
				expect(printedMails).toHaveLength(1);
				const newcomerCode = /\b[A-Z0-9]{8}\b/.exec(printedMails[0]!.mail.text)?.[0];
				expect(newcomerCode, printedMails[0]!.mail.text).toBeTruthy();
				const newcomerVerified = await newcomer.post('/verify-email?/verify', {
					code: newcomerCode!
				});
				expect(newcomerVerified.status, newcomerVerified.text).toBe(303);
				expect(newcomerVerified.location).toMatch(/^\/o\/[0-9a-f-]{36}$/);
				let owner = new Browser(server.baseUrl, { lang: 'en' });
				expect((await owner.post('/login', { email: ownerEmail, password: PASSWORD })).status).toBe(
					303
				);
				const colleagueEmail = uniqueEmail('ops-colleague');
				const invited = await owner.post(`/o/${orgId}/members?/invite`, {
					role: 'consultant',
					email: colleagueEmail,
					language: 'en'
				});
				expect(invited.status).toBe(200);
				const outbox = await owner.get(`/o/${orgId}/settings/outbox`);
				expect(outbox.status).toBe(200);
				expect(outbox.text).toContain('This server has no mail configured (SMTP_URL)');
				expect(outbox.text).toContain(colleagueEmail);
				const link = outbox.text.match(/\/invite\/[a-z2-7]{20,}/)?.[0];
				expect(link).toBeDefined();
				// The colleague signs up through the link; their code waits too (not on the owner's page).
				let colleague = new Browser(server.baseUrl, { lang: 'en' });
				const signedUp = await colleague.post(`/signup?next=${encodeURIComponent(link!)}`, {
					name: 'Zhou Min',
					email: colleagueEmail,
					password: PASSWORD,
					orgName: '',
					orgKind: 'firm'
				});
				expect(signedUp.location).toMatch(/^\/verify-email/);
				expect((await colleague.get('/verify-email')).text).toContain(
					'ask its operator to look in the outbox'
				);
				expect((await owner.get(`/o/${orgId}/settings/outbox`)).text).not.toContain(
					'verification code'
				);
				// Only an owner sees the outbox.
				expect((await colleague.get(`/o/${orgId}/settings/outbox`)).status).not.toBe(200);
				await server.stop();
				server = null;

				// The operator's view: every waiting mail, with its text.
				const all = cli(['outbox'], env);
				expect(all.status, all.stderr).toBe(0);
				const pending: PendingMail[] = all.json.pending;
				const invitation = pending.find((m) => m.template === 'invitation')!;
				expect(invitation).toMatchObject({ to: colleagueEmail, language: 'en' });
				expect(invitation.text).toContain(link!);
				const verification = pending.find(
					(m) => m.to === colleagueEmail && m.template === 'verify_email'
				)!;
				const code = /\b([A-Z2-7]{8})\b/.exec(verification.text)![1]!;
				const ofOrg = cli(['outbox', '--org', orgId], env);
				expect(ofOrg.json.pending.map((m: PendingMail) => m.template)).toEqual(['invitation']);
				expect(cli(['outbox', '--org', 'nope'], env).stderr).toContain(
					'--org: not an organisation id'
				);

				const reset = cli(['reset-password', '--email', ownerEmail.toUpperCase()], {
					...env,
					ORIGIN: 'https://readiness.example'
				});
				expect(reset.status, reset.stderr).toBe(0);
				const resetLink: string = reset.json.link;
				expect(resetLink).toMatch(/^https:\/\/readiness\.example\/reset-password\/[a-z2-7]{48}$/);
				expect(
					cli(['outbox'], env).json.pending.some((m: PendingMail) => m.text.includes(resetLink))
				).toBe(true);
				const nobody = cli(['reset-password', '--email', uniqueEmail('nobody')], {
					...env,
					ORIGIN: 'https://readiness.example'
				});
				expect(nobody.status).toBe(2);
				expect(nobody.stderr).toContain('--email: no account');
				expect(cli(['reset-password', '--email', ownerEmail], env).stderr).toContain(
					'ORIGIN must be set'
				);

				// With what the operator passed on, both get in.
				server = await startServer(env);
				colleague = reopen(colleague, server);
				const verified = await colleague.post('/verify-email?/verify', { code });
				expect(verified.status).toBe(303);
				expect((await colleague.post(`${link}?/accept`, {})).status).toBe(303);
				expect((await colleague.get(`/o/${orgId}`)).status).toBe(200);
				owner = new Browser(server.baseUrl, { lang: 'en' });
				const resetPath = new URL(resetLink).pathname;
				expect((await owner.get(resetPath)).status).toBe(200);
				const done = await owner.post(resetPath, { newPassword: 'new horse battery staple' });
				expect(done.status).toBe(303);
				expect((await owner.get(`/o/${orgId}/members`)).text).toContain(colleagueEmail);
			} finally {
				await server?.stop();
				await scratch.drop();
			}
		}
	);
});
