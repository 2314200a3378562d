import { describe, expect, it } from 'vitest';
import { Browser, PASSWORD, signUp } from '../helpers/browser';
import { enableTwoFactor } from '../helpers/totp';
import { consultancy, inviteMember } from '../helpers/consultancy';

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
