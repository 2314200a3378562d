import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiOrganisation } from '../helpers/api';
import { pdfText } from '../helpers/pdf';
import { runCommand } from '../../src/cli/commands';
import { Browser, signUp } from '../helpers/browser';
import { saveAnswer, saveProfile, startAssessment } from '../helpers/assessment';

const profile = JSON.parse(fs.readFileSync('examples/profile.json', 'utf8')) as Record<
	string,
	unknown
>;
const answers = JSON.parse(fs.readFileSync('examples/answers.json', 'utf8')) as Record<
	string,
	{ status: string; note?: string; evidence?: string | string[]; owner?: string; due?: string }
>;

/** The profile as the web form posts it: text, booleans as "true"/"false". */
const asForm = (p: Record<string, unknown>) =>
	Object.fromEntries(
		Object.entries(p).map(([k, v]) => [k, Array.isArray(v) ? v.map(String) : String(v)])
	);

describe('the CLI and the web app', () => {
	it(
		'give the same verdict, score and gaps for the same profile and answers',
		{ timeout: 90_000 },
		async () => {
			let out = '';
			const code = await runCommand(
				['assess', '--profile', 'examples/profile.json', '--answers', 'examples/answers.json'],
				{
					out: (s) => (out += s),
					err: () => undefined
				}
			);
			expect(code).toBe(0);
			const cli = JSON.parse(out);

			const browser = new Browser(undefined, { lang: 'en' });
			const { orgId } = await signUp(browser);
			const base = await startAssessment(browser, orgId);
			expect((await saveProfile(browser, base, 0, asForm(profile))).status).toBe(303);
			// The example answers most items (a verdict needs 80%): saved side by side, each its own item.
			await Promise.all(
				Object.entries(answers).map(async ([itemId, a]) => {
					const evidence = Array.isArray(a.evidence) ? a.evidence.join('\n') : (a.evidence ?? '');
					const saved = await saveAnswer(browser, base, itemId, 0, {
						status: a.status,
						note: a.note ?? '',
						evidence,
						owner: a.owner ?? '',
						due: a.due ?? ''
					});
					expect(saved.status, itemId).toBe(200);
				})
			);
			const page = await browser.get(`${base}/result`);
			expect(page.body).toContain(cli.questionnaire_version.slice(0, 12));
			expect(page.text).toContain(`${Math.round(cli.scores.overall.score * 100)}%`);
			expect(page.text).toContain(
				{
					ready: 'Ready',
					ready_with_conditions: 'Ready with conditions',
					not_ready: 'Not ready',
					not_assessed: 'Not yet assessed'
				}[cli.verdict as string]
			);
			const webGaps = [...page.body.matchAll(/<details id="gap-([A-Z]+-\d{3})"/g)].map((m) => m[1]);
			expect(webGaps).toEqual(cli.gaps.map((g: { item_id: string }) => g.item_id));
		}
	);

	it('name the same firm on the report cover and check the same name: the CLI from its file, the API from the record', async () => {
		// The API's firm is a firm assessing itself: the profile's name goes to its organisation.
		const { api } = await apiOrganisation({ orgName: '浦江数科', orgKind: 'firm' });
		const created = await api.post('/assessments', { profile });
		expect(created.status).toBe(201);
		const detail = await api.get(`/assessments/${created.json.id}`);
		expect(detail.json.firm).toEqual({
			name: profile.registered_name,
			registered_name: profile.registered_name,
			business_scope: profile.business_scope,
			source: 'organisation'
		});
		expect(detail.json.profile).toEqual(profile);
		const apiPdf = await api.get(`/assessments/${created.json.id}/report.pdf?lang=zh`);
		expect(apiPdf.status).toBe(200);

		// Rendered on this thread, so after the HTTP calls: no idle keep-alive socket goes stale.
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-firm-'));
		const cliPdf = path.join(dir, 'report.pdf');
		let out = '';
		const code = await runCommand(
			[
				'assess',
				'--profile',
				'examples/profile.json',
				'--answers',
				'examples/answers.json',
				'--out-pdf',
				cliPdf,
				'--lang',
				'zh'
			],
			{ out: (s) => (out += s), err: () => undefined }
		);
		expect(code).toBe(0);
		expect(detail.json.result.findings).toEqual(JSON.parse(out).findings);
		const cover = (bytes: Uint8Array) => pdfText(bytes).split('\f')[0]!;
		expect(cover(fs.readFileSync(cliPdf))).toContain(profile.registered_name as string);
		expect(cover(apiPdf.bytes)).toContain(profile.registered_name as string);
		fs.rmSync(dir, { recursive: true, force: true });
	}, 180_000);
});
