import { describe, expect, it } from 'vitest';
import { Browser, PASSWORD, signUp } from '../helpers/browser';
import { enableTwoFactor } from '../helpers/totp';
import { consultancy, inviteMember } from '../helpers/consultancy';
import { saveAnswer, saveProfile, startAssessment } from '../helpers/assessment';

/** A loaded machine makes a multi-step journey slow; the steps themselves are quick. */
const SLOW = 180_000;

/** The member id on the members page's row of `email` (its two-factor reset form). */
function memberIdOf(membersPage: string, email: string): string {
	const row = membersPage.slice(membersPage.indexOf(email));
	const id = row.match(/name="memberId" value="([0-9a-f-]{36})"/)?.[1];
	if (!id) throw new Error(`no member id for ${email}`);
	return id;
}

describe('an owner of one organisation and the account of a person in another', () => {
	it(
		'cannot take away the second factor that guards the person’s other organisation, nor end their sessions there',
		async () => {
			// A firm's owner, with two-factor on, is also a consultant of a consultancy.
			const firmOwner = new Browser(undefined, { lang: 'en' });
			const { email, orgId: firmId } = await signUp(firmOwner, { orgName: 'Guarded Firm' });
			await enableTwoFactor(firmOwner);
			const { owner: consultancyOwner, orgId: consultancyId } = await consultancy();
			const link = await inviteMember(consultancyOwner, consultancyId, 'consultant', email);
			expect((await firmOwner.post(`${link}?/accept`, {})).status).toBe(303);

			// The consultancy's owner tries the members page's reset on them.
			const members = await consultancyOwner.get(`/o/${consultancyId}/members`);
			const reset = await consultancyOwner.post(`/o/${consultancyId}/members?/resetTwoFactor`, {
				memberId: memberIdOf(members.body, email)
			});
			expect(reset.status).toBe(409);
			expect(reset.text).toContain('also a member of another organisation');

			// The firm's owner is still signed in, and a new log-in still asks for the second factor.
			expect((await firmOwner.get(`/o/${firmId}`)).status).toBe(200);
			const stranger = new Browser(undefined, { lang: 'en' });
			expect((await stranger.post('/login', { email, password: PASSWORD })).status).toBe(303);
			expect((await stranger.get(`/o/${firmId}`)).location).toMatch(/^\/two-factor/);
		},
		SLOW
	);
});

describe('Word files', () => {
	it(
		'are drawn on the report workers within the organisation’s render slots, not on the request thread',
		async () => {
			const browser = new Browser(undefined, { lang: 'en' });
			const { orgId } = await signUp(browser, { orgName: 'Word Firm' });
			const base = await startAssessment(browser, orgId);
			await saveProfile(browser, base, 0);
			await saveAnswer(browser, base, 'LIC-001', 0, {
				status: 'non_compliant',
				note: 'Lending without a licence',
				owner: 'Compliance',
				due: '2027-01-31'
			});

			// Every variant at once (a reader, a respondent or a read-only token may ask for them all):
			// beyond the organisation's render slots, the rest are asked to come back.
			const variants = (['zh', 'en', 'both'] as const).flatMap((lang) =>
				(['summary', 'full'] as const).map(
					(edition) => `${base}/report.docx?lang=${lang}&edition=${edition}`
				)
			);
			const answers = await Promise.all(
				[...variants, `${base}/pack.docx?lang=zh`].map((path) => browser.download(path))
			);
			const refused = answers.filter((a) => a.status === 429);
			expect(refused.length).toBeGreaterThan(0);
			for (const a of refused) expect(a.headers.get('retry-after')).toMatch(/^\d+$/);
			for (const a of answers.filter((a) => a.status !== 429)) expect(a.status).toBe(200);

			const report = await browser.download(`${base}/report.docx?lang=en`);
			expect(report.status).toBe(200);
			expect(report.headers.get('server-timing')).toContain('desc="docx-worker"');
			expect(new TextDecoder().decode(report.bytes.slice(0, 2))).toBe('PK');
			const pack = await browser.download(`${base}/pack.docx?lang=en`);
			expect(pack.status).toBe(200);
			expect(pack.headers.get('server-timing')).toContain('desc="docx-worker"');
		},
		SLOW
	);
});

describe('the current password typed again on the account page', () => {
	it(
		'is throttled on the address and deletion forms as on the password form: a stolen session cannot guess it there',
		async () => {
			const browser = new Browser(undefined, { lang: 'en' });
			const { email } = await signUp(browser, { orgName: 'Guessed Firm' });
			const guesses: number[] = [];
			for (let i = 0; i < 6; i++)
				guesses.push(
					(
						await browser.post('/account?/email', {
							__superform_id: 'email',
							newEmail: `thief-${i}@example.com`,
							emailPassword: `guess number ${i}`
						})
					).status
				);
			expect(guesses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
			expect(guesses[5]).toBe(429);
			// The allowance is the person's, whichever form guesses: the right password is not even
			// checked now, on any of them.
			const right = await browser.post('/account?/email', {
				__superform_id: 'email',
				newEmail: 'thief@example.com',
				emailPassword: PASSWORD
			});
			expect(right.status).toBe(429);
			expect(right.headers.get('retry-after')).toMatch(/^\d+$/);
			const deletion = await browser.post('/account?/delete', {
				__superform_id: 'delete',
				deletePassword: PASSWORD
			});
			expect(deletion.status).toBe(429);
			// The account is still there, at its address.
			const again = new Browser(undefined, { lang: 'en' });
			expect((await again.post('/login', { email, password: PASSWORD })).status).toBe(303);
		},
		SLOW
	);
});
