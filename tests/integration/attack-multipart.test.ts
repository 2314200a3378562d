import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { Browser, signUp } from '../helpers/browser';
import { saveProfile, startAssessment } from '../helpers/assessment';

/**
 * A multipart evidence upload that ends before its closing boundary: busboy destroys the open
 * part's stream with an error, and a part the reader skipped (not named `file`) had no listener for
 * it, so the error was thrown out of the process: one request by any member who may answer took the
 * server down for every organisation.
 */
const baseUrl = inject('baseUrl');
const BOUNDARY = 'attack-boundary';

const unterminated = (partName: string) =>
	`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${partName}"; filename="a.pdf"\r\n` +
	`Content-Type: application/pdf\r\n\r\n%PDF-1.4 unterminated\r\n`;

describe('an evidence upload cut off before its closing boundary', () => {
	it('is refused as unreadable, and the server goes on answering', async () => {
		const browser = new Browser(undefined, { lang: 'en' });
		const { orgId } = await signUp(browser);
		const base = await startAssessment(browser, orgId);
		expect((await saveProfile(browser, base, 0)).status).toBe(303);
		for (const partName of ['files', 'file']) {
			const response = await fetch(`${baseUrl}${base}/items/CMP-001/evidence`, {
				method: 'POST',
				headers: browser.headers({
					origin: baseUrl,
					accept: 'application/json',
					'content-type': `multipart/form-data; boundary=${BOUNDARY}`
				}),
				body: unterminated(partName)
			});
			expect(response.status, partName).toBe(400);
			await response.arrayBuffer();
			const health = await fetch(`${baseUrl}/healthz`);
			expect(health.status, `/healthz after a part named ${partName}`).toBe(200);
		}
	});
});
