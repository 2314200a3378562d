import { decodeBase64 } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import { expect } from 'vitest';
import { PASSWORD, type Browser } from './browser';

/**
 * The code an authenticator app shows `steps` 30-second steps from now (0: the current one). The
 * server accepts a step either side, and each step's code once: a test that needs a second code
 * right after the one that turned two-factor on takes the next step's (`totpCode(key, 1)`), as a
 * person would wait for it.
 */
export function totpCode(key: Uint8Array, steps = 0): string {
	return generateHOTP(key, BigInt(Math.floor(Date.now() / 30_000) + steps), 6);
}

/**
 * Turns two-factor on through /account/two-factor with the password and the current code; answers the key and the
 * recovery codes, and the code that turned it on (used up: a test that needs it again must not
 * compute it anew, as the clock may have moved to the next step meanwhile).
 */
export async function enableTwoFactor(browser: Browser, currentPassword = PASSWORD) {
	const setup = await browser.get('/account/two-factor');
	expect(setup.status).toBe(200);
	expect(setup.body).toContain('<svg');
	const key = setup.body.match(/name="key" value="([^"]+)"/)![1]!;
	const code = totpCode(decodeBase64(key));
	const enabled = await browser.post('/account/two-factor?/enable', {
		key,
		code,
		currentPassword
	});
	expect(enabled.status).toBe(200);
	const recoveryCodes = [...enabled.body.matchAll(/<code>([A-Z2-7-]{19})<\/code>/g)].map(
		(m) => m[1]!
	);
	expect(recoveryCodes).toHaveLength(8);
	return { key: decodeBase64(key), recoveryCodes, code };
}
