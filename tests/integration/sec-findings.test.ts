import { decodeBase64, encodeBase64 } from '@oslojs/encoding';
import { describe, expect, it } from 'vitest';
import { Browser, PASSWORD, signUp } from '../helpers/browser';
import { totpCode } from '../helpers/totp';

/** A loaded machine makes a multi-step journey slow; the steps themselves are quick. */
const SLOW = 180_000;

describe('turning two-factor on asks for the password', () => {
	it(
		'refuses an open session without the password, so it cannot plant a key and make a token',
		async () => {
			const owner = new Browser(undefined, { lang: 'en' });
			const { orgId } = await signUp(owner, { orgName: 'Open Session Firm' });
			// Whoever holds the open session picks a key of their own.
			const key = crypto.getRandomValues(new Uint8Array(20));
			const code = totpCode(key);
			const withoutPassword = await owner.post('/account/two-factor?/enable', {
				key: encodeBase64(key),
				code
			});
			expect(withoutPassword.status).toBe(400);
			expect(withoutPassword.body).not.toContain('recovery-codes');
			const wrong = await owner.post('/account/two-factor?/enable', {
				key: encodeBase64(key),
				code,
				currentPassword: 'not the password'
			});
			expect(wrong.status).toBe(400);
			expect(wrong.body).toContain('The current password is wrong.');
			// Still off: a token still needs the password, and the code alone makes none.
			const token = await owner.post(`/o/${orgId}/settings?/createToken`, {
				name: 'from an open session',
				currentPassword: '',
				code: totpCode(key, 1)
			});
			expect(token.status).toBe(400);
			expect(token.body).not.toMatch(/sr_[a-z2-7]{52}/);
			// The owner, with the password, turns it on.
			const setup = await owner.get('/account/two-factor');
			const ownKey = setup.body.match(/name="key" value="([^"]+)"/)![1]!;
			const enabled = await owner.post('/account/two-factor?/enable', {
				key: ownKey,
				code: totpCode(decodeBase64(ownKey)),
				currentPassword: PASSWORD
			});
			expect(enabled.status).toBe(200);
			expect([...enabled.body.matchAll(/<code>([A-Z2-7-]{19})<\/code>/g)]).toHaveLength(8);
			expect(enabled.body).not.toContain(PASSWORD);
		},
		SLOW
	);
});
