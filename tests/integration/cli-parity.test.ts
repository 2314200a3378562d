import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
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
	it('give the same verdict, score and gaps for the same profile and answers', async () => {
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
		for (const [itemId, a] of Object.entries(answers)) {
			const evidence = Array.isArray(a.evidence) ? a.evidence.join('\n') : (a.evidence ?? '');
			const saved = await saveAnswer(browser, base, itemId, 0, {
				status: a.status,
				note: a.note ?? '',
				evidence,
				owner: a.owner ?? '',
				due: a.due ?? ''
			});
			expect(saved.status, itemId).toBe(200);
		}
		const page = await browser.get(`${base}/result`);
		expect(page.body).toContain(cli.questionnaire_version.slice(0, 12));
		expect(page.text).toContain(`${Math.round(cli.scores.overall.score * 100)}%`);
		expect(page.text).toContain(
			{ ready: 'Ready', ready_with_conditions: 'Ready with conditions', not_ready: 'Not ready' }[
				cli.verdict as string
			]
		);
		const webGaps = [
			...page.body.matchAll(/<li class="gap">[\s\S]*?<code>([A-Z]+-\d{3})<\/code>/g)
		].map((m) => m[1]);
		expect(webGaps).toEqual(cli.gaps.map((g: { item_id: string }) => g.item_id));
	});
});
