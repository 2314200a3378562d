import { describe, expect, it } from 'vitest';
import { Browser, PASSWORD, signUp, uniqueEmail, verifyEmailIfAsked } from '../helpers/browser';
import { inviteMember, joinByInvitation } from '../helpers/consultancy';
import { codeIn, linkIn, mailTo, mailsTo } from '../helpers/mail';
import { enableTwoFactor, totpCode } from '../helpers/totp';

/**
 * Every mail of the account flows, read back from the run's in-process SMTP server: verification at
 * sign-up, sign-up with a registered address, password reset, change of email; and what the mails
 * guard: two-factor at log-in and at reset, an organisation's two-factor requirement, sessions.
 */

const signUpForm = (email: string, password = PASSWORD) => ({
	name: 'Li Lei',
	email,
	password,
	orgName: '浦江数科',
	orgKind: 'firm'
});

async function logIn(email: string, password = PASSWORD, lang = 'en') {
	const browser = new Browser(undefined, { lang });
	const page = await browser.post('/login', { email, password });
	return { browser, page };
}

describe('sign-up and email verification', () => {
	it('mails a code in the language of the sign-up; nothing opens until it is entered', async () => {
		const browser = new Browser(undefined, { lang: 'en' });
		const email = uniqueEmail('verify');
		const signedUp = await browser.post('/signup', signUpForm(email));
		expect(signedUp.status).toBe(303);
		expect(signedUp.location).toBe('/verify-email');
		expect(browser.cookies.has('session')).toBe(false);
		const mail = await mailTo(email);
		expect(mail.language).toBe('en');
		expect(mail.subject).toContain('verification code');
		const code = codeIn(mail);

		// Logged in with the password but unverified: the verification page only.
		const { browser: other, page } = await logIn(email);
		expect(page.status).toBe(303);
		const home = await other.get('/');
		const org = await other.get(home.location!);
		expect(org.status).toBe(303);
		expect(org.location).toMatch(/^\/verify-email\?next=/);
		expect((await other.get('/account')).location).toMatch(/^\/verify-email/);

		const wrong = await browser.post('/verify-email?/verify', { code: 'AAAAAAAA' });
		expect(wrong.status).toBe(400);
		expect(wrong.text).toContain('The code is not right.');
		const right = await browser.post('/verify-email?/verify', { code });
		expect(right.status).toBe(303);
		expect(right.location).toMatch(/^\/o\/[0-9a-f-]{36}$/);
		expect((await browser.get(right.location!)).status).toBe(200);
		expect((await other.get('/account')).status).toBe(200);
	});

	it('writes the mail in Chinese for a sign-up in Chinese', async () => {
		const email = uniqueEmail('verify-zh');
		await new Browser(undefined, { lang: 'zh' }).post('/signup', signUpForm(email));
		const mail = await mailTo(email);
		expect(mail.language).toBe('zh-CN');
		expect(mail.subject).toContain('验证码');
		expect(mail.text).toContain('分钟内有效');
	});

	it('answers a registered address (any letter case) as a new one, and mails its owner', async () => {
		const owner = new Browser(undefined, { lang: 'zh' });
		const { email } = await signUp(owner);
		const stranger = new Browser(undefined, { lang: 'en' });
		const fresh = await new Browser(undefined, { lang: 'en' }).post(
			'/signup',
			signUpForm(uniqueEmail('fresh'), 'another horse battery')
		);
		const taken = await stranger.post(
			'/signup',
			signUpForm(email.toUpperCase(), 'another horse battery')
		);
		expect(taken.status).toBe(fresh.status);
		expect(taken.location).toBe(fresh.location);
		expect((await stranger.get('/verify-email')).text).toContain(email.toUpperCase().toLowerCase());
		const notice = await mailTo(email, (m) => m.subject.includes('注册'));
		expect(notice.text).toContain('/reset-password');
		// No code works for it, and the stranger's password opens nothing.
		expect((await stranger.post('/verify-email?/verify', { code: 'ABCDEFGH' })).status).toBe(400);
		expect((await logIn(email, 'another horse battery')).page.status).toBe(400);
	});

	it('refuses easily guessed passwords with a message saying why', async () => {
		for (const password of ['          ', 'aaaaaaaaaa', 'password12']) {
			const page = await new Browser(undefined, { lang: 'en' }).post(
				'/signup',
				signUpForm(uniqueEmail('weak'), password)
			);
			expect(page.status, password).toBe(400);
			expect(page.text, password).toMatch(/easy to guess|too common/);
		}
		const zh = await new Browser(undefined, { lang: 'zh' }).post(
			'/signup',
			signUpForm(uniqueEmail('weak'), 'password12')
		);
		expect(zh.status).toBe(400);
		expect(zh.text).toContain('这个密码太常见');
	});
});

describe('password reset by mail', () => {
	it('throttles reset requests for one account: the sixth waits, with Retry-After', async () => {
		const email = uniqueEmail('reset-flood');
		for (let i = 0; i < 5; i++) {
			const asked = await new Browser().post('/reset-password', { email });
			expect(asked.status).toBe(200);
		}
		const flooded = await new Browser(undefined, { lang: 'en' }).post('/reset-password', { email });
		expect(flooded.status).toBe(429);
		expect(flooded.headers.get('retry-after')).toMatch(/^\d+$/);
	});

	it('mails a single-use link; the reset ends every session', async () => {
		const before = new Browser(undefined, { lang: 'en' });
		const { email } = await signUp(before);
		const asked = await new Browser(undefined, { lang: 'en' }).post('/reset-password', { email });
		expect(asked.status).toBe(200);
		const unknown = await new Browser(undefined, { lang: 'en' }).post('/reset-password', {
			email: uniqueEmail('nobody')
		});
		expect(unknown.status).toBe(200);
		expect(unknown.text).toContain('If an account has this email');
		expect(asked.text).toContain('If an account has this email');
		const link = linkIn(
			await mailTo(email, (m) => m.text.includes('/reset-password/')),
			'/reset-password/'
		);
		const browser = new Browser(undefined, { lang: 'en' });
		expect((await browser.get(link)).status).toBe(200);
		expect((await browser.post(link, { newPassword: 'password12' })).status).toBe(400);
		const done = await browser.post(link, { newPassword: 'new horse battery staple' });
		expect(done.status).toBe(303);
		expect(done.location).toBe('/account?reset=1');
		expect((await before.get('/account')).status).toBe(303);
		expect((await browser.get(link)).text).toContain('not valid');
		expect((await logIn(email, 'new horse battery staple')).page.status).toBe(303);
		expect((await logIn(email, PASSWORD)).page.status).toBe(400);
	});
});

describe('two-factor authentication', () => {
	it('asks for the code at log-in, accepts a recovery code once, and at reset too', async () => {
		const owner = new Browser(undefined, { lang: 'en' });
		const { email, orgId } = await signUp(owner);
		const { key, recoveryCodes } = await enableTwoFactor(owner);

		const { browser, page } = await logIn(email);
		expect(page.location).toMatch(/^\/two-factor\?next=/);
		// The password alone does not make this browser a trusted one.
		expect(browser.cookies.has('device')).toBe(false);
		expect((await browser.get(`/o/${orgId}`)).location).toMatch(/^\/two-factor/);
		expect((await browser.post('/two-factor', { code: '000000' })).status).toBe(400);
		expect(browser.cookies.has('device')).toBe(false);
		// The code that turned it on was this step's: the next step's code (a step early is allowed).
		const code = totpCode(key, 1);
		const passed = await browser.post('/two-factor', { code });
		expect(passed.status).toBe(303);
		expect(browser.cookies.get('device')).toMatch(/^[a-z2-7]{24}\.[a-z2-7]{24}$/);
		expect((await browser.get(`/o/${orgId}`)).status).toBe(200);

		// The same code again (read over a shoulder, replayed by a phishing page): refused, saying why.
		const replay = await logIn(email);
		const reused = await replay.browser.post('/two-factor', { code });
		expect(reused.status).toBe(400);
		expect(reused.text).toContain('This code has already been used');
		expect((await replay.browser.get(`/o/${orgId}`)).location).toMatch(/^\/two-factor/);

		const second = await logIn(email);
		expect((await second.browser.post('/two-factor', { code: recoveryCodes[0]! })).status).toBe(
			303
		);
		const third = await logIn(email);
		expect((await third.browser.post('/two-factor', { code: recoveryCodes[0]! })).status).toBe(400);

		// A reset by mail still asks for the second factor.
		await new Browser().post('/reset-password', { email });
		const link = linkIn(
			await mailTo(email, (m) => m.text.includes('/reset-password/')),
			'/reset-password/'
		);
		const resetter = new Browser(undefined, { lang: 'en' });
		expect((await resetter.get(link)).text).toContain('two-factor');
		const without = await resetter.post(link, { newPassword: 'new horse battery staple' });
		expect(without.status).toBe(400);
		const withCode = await resetter.post(link, {
			newPassword: 'new horse battery staple',
			secondFactor: recoveryCodes[1]!
		});
		expect(withCode.status).toBe(303);
		expect((await owner.get('/account')).status).toBe(303);
		expect((await resetter.get(`/o/${orgId}`)).status).toBe(200);
	});

	it('an organisation that requires it sends signed-in members to set it up; an owner resets it', async () => {
		const owner = new Browser(undefined, { lang: 'en' });
		const { orgId } = await signUp(owner);
		const member = await joinByInvitation(await inviteMember(owner, orgId, 'consultant'));
		expect((await member.get(`/o/${orgId}`)).status).toBe(200);

		const refused = await owner.post(`/o/${orgId}/settings?/twoFactorPolicy`, { required: 'on' });
		expect(refused.status).toBe(400);
		await enableTwoFactor(owner);
		expect(
			(await owner.post(`/o/${orgId}/settings?/twoFactorPolicy`, { required: 'on' })).status
		).toBe(200);

		const sent = await member.get(`/o/${orgId}`);
		expect(sent.status).toBe(303);
		expect(sent.location).toMatch(new RegExp(`^/account/two-factor\\?org=${orgId}`));
		expect((await member.get(sent.location!)).text).toContain('requires two-factor');
		await enableTwoFactor(member);
		expect((await member.get(`/o/${orgId}`)).status).toBe(200);

		// The owner resets the member's second factor (a lost phone): the member's sessions end.
		const members = await owner.get(`/o/${orgId}/members`);
		const memberId = members.body.match(
			/invitee-[^<]*<\/td>[\s\S]*?name="memberId" value="([0-9a-f-]{36})"/
		)![1]!;
		const reset = await owner.post(`/o/${orgId}/members?/resetTwoFactor`, { memberId });
		expect(reset.status).toBe(200);
		expect((await member.get(`/o/${orgId}`)).location).toMatch(/^\/login/);
		expect((await owner.get(`/o/${orgId}`)).status).toBe(200);
	});
});

describe('second-factor codes under attack', () => {
	it('throttles wrong codes per account, at log-in and at reset alike; the owner’s code waits too', async () => {
		const owner = new Browser(undefined, { lang: 'en' });
		const { email } = await signUp(owner);
		const { key, recoveryCodes } = await enableTwoFactor(owner);
		const attacker = await logIn(email);
		for (let i = 0; i < 5; i++)
			expect((await attacker.browser.post('/two-factor', { code: `12345${i}` })).status).toBe(400);
		const waiting = await attacker.browser.post('/two-factor', { code: '123459' });
		expect(waiting.status).toBe(429);
		expect(waiting.headers.get('retry-after')).toMatch(/^\d+$/);
		expect(waiting.text).toMatch(/Too many wrong codes\. Try again in \d+ seconds\./);

		// Another way in counts against the same account: a reset link, a recovery code.
		await new Browser().post('/reset-password', { email });
		const link = linkIn(
			await mailTo(email, (m) => m.text.includes('/reset-password/')),
			'/reset-password/'
		);
		const reset = await new Browser(undefined, { lang: 'en' }).post(link, {
			newPassword: 'new horse battery staple',
			secondFactor: recoveryCodes[0]!
		});
		expect(reset.status).toBe(429);
		// The right code waits as well (the counter is the account's): the guesser gained nothing.
		const rightful = await logIn(email);
		expect((await rightful.browser.post('/two-factor', { code: totpCode(key, 1) })).status).toBe(
			429
		);
		// The password did not change.
		expect((await logIn(email, PASSWORD)).page.location).toMatch(/^\/two-factor/);
	});

	it('turns two-factor off only with a current code, which it uses up', async () => {
		const browser = new Browser(undefined, { lang: 'en' });
		const { email } = await signUp(browser);
		const { key, code: usedCode } = await enableTwoFactor(browser);
		const page = await browser.get('/account/two-factor');
		expect(page.text).toContain('enter the current code from your authenticator app');
		expect((await browser.post('/account/two-factor?/disable', {})).status).toBe(400);
		const wrong = await browser.post('/account/two-factor?/disable', { code: '000000' });
		expect(wrong.status).toBe(400);
		expect(wrong.text).toContain('That code or recovery code is not right.');
		// The code that turned it on is used already.
		const reused = await browser.post('/account/two-factor?/disable', { code: usedCode });
		expect(reused.status).toBe(400);
		const off = await browser.post('/account/two-factor?/disable', { code: totpCode(key, 1) });
		expect(off.status).toBe(303);
		expect((await logIn(email)).page.location).not.toMatch(/two-factor/);
	});
});

describe('sessions and the account', () => {
	it('lists sessions and signs out elsewhere', async () => {
		const first = new Browser(undefined, { lang: 'en' });
		const { email } = await signUp(first);
		const { browser: second } = await logIn(email);
		const account = await first.get('/account');
		expect(account.text).toContain('this session');
		const ended = await first.post('/account?/signOutElsewhere', {});
		expect(ended.status).toBe(200);
		expect(ended.text).toContain('1 other sessions ended');
		expect((await second.get('/account')).status).toBe(303);
		expect((await first.get('/account')).status).toBe(200);
	});

	it('changes the email once the code mailed to the new address is entered', async () => {
		const browser = new Browser(undefined, { lang: 'en' });
		const { email } = await signUp(browser);
		const newEmail = uniqueEmail('moved');
		const asked = await browser.post('/account?/email', { newEmail, emailPassword: PASSWORD });
		expect(asked.status).toBe(303);
		const page = await browser.get(asked.location!);
		expect(page.text).toContain(newEmail);
		const done = await verifyEmailIfAsked(browser, newEmail, asked);
		expect(done.status).toBe(303);
		expect((await browser.get('/account')).text).toContain(newEmail);
		expect((await logIn(newEmail)).page.status).toBe(303);
		expect((await logIn(email)).page.status).toBe(400);
		expect(mailsTo(email).some((m) => m.text.includes(newEmail))).toBe(false);
	});

	it('refuses to delete the last owner of an organisation, and deletes a member', async () => {
		const owner = new Browser(undefined, { lang: 'en' });
		const { orgId } = await signUp(owner);
		const refused = await owner.post('/account?/delete', { deletePassword: PASSWORD });
		expect(refused.status).toBe(409);
		expect(refused.text).toContain('only owner');
		const member = await joinByInvitation(await inviteMember(owner, orgId, 'viewer'));
		const deleted = await member.post('/account?/delete', { deletePassword: PASSWORD });
		expect(deleted.status).toBe(303);
		expect((await member.get('/account')).status).toBe(303);
		expect((await owner.get(`/o/${orgId}/members`)).text).not.toContain('王芳');
	});
});
