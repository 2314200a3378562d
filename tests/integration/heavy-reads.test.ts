import { describe, expect, it } from 'vitest';
import {
	checkAndRecordRequest,
	secondsUntilAllowed
} from '../../src/lib/server/db/queries/throttle-counters';
import { HEAVY_READS } from '../../src/lib/server/auth/throttle';
import { Browser, signUp } from '../helpers/browser';
import { saveProfile, startAssessment } from '../helpers/assessment';
import { inviteMember, joinByInvitation } from '../helpers/consultancy';
import { useTestDatabase } from '../helpers/database';

/*
 * The costly reads (print view, whole questionnaire, JSON export) are limited per person and per
 * organisation (auth/throttle.ts, HEAVY_READS): a script in a loop is refused with 429 and
 * Retry-After, in the reader's language; a person at work never is.
 */

const database = useTestDatabase('heavy-reads');
let n = 0;
const key = (burst: number, intervalSeconds: number) => ({
	key: `rate:test:${Date.now()}:${n++}`,
	burst,
	intervalSeconds
});

describe('the request rate (checkAndRecordRequest)', () => {
	it('serves the burst at once, then waits one interval per request', async () => {
		const db = database().db;
		const k = key(3, 60);
		const served = [];
		for (let i = 0; i < 5; i++) served.push(await checkAndRecordRequest(db, [k]));
		expect(served).toEqual([true, true, true, false, false]);
		const wait = await secondsUntilAllowed(db, [k.key]);
		expect(wait).toBeGreaterThan(55);
		expect(wait).toBeLessThanOrEqual(60);
	});

	it('serves no more than the burst of 30 parallel requests (PostgreSQL: they overlap)', async () => {
		const db = database().db;
		const k = key(5, 60);
		const served = await Promise.all(
			Array.from({ length: 30 }, () => checkAndRecordRequest(db, [k]))
		);
		expect(served.filter(Boolean)).toHaveLength(5);
	});

	it('counts a request against no key when one of them refuses it', async () => {
		const db = database().db;
		const person = key(1, 60);
		const org = key(3, 60);
		expect(await checkAndRecordRequest(db, [person, org])).toBe(true);
		for (let i = 0; i < 5; i++) expect(await checkAndRecordRequest(db, [person, org])).toBe(false);
		// The organisation's allowance was spent on one request only: two more are served.
		expect(await checkAndRecordRequest(db, [org])).toBe(true);
		expect(await checkAndRecordRequest(db, [org])).toBe(true);
		expect(await checkAndRecordRequest(db, [org])).toBe(false);
	});

	it('serves again once an interval has passed, one request per interval', async () => {
		const db = database().db;
		const k = key(2, 0.2);
		expect(await checkAndRecordRequest(db, [k])).toBe(true);
		expect(await checkAndRecordRequest(db, [k])).toBe(true);
		expect(await checkAndRecordRequest(db, [k])).toBe(false);
		await expect.poll(() => checkAndRecordRequest(db, [k]), { interval: 50 }).toBe(true);
		expect(await checkAndRecordRequest(db, [k])).toBe(false);
	});
});

async function assessmentOf(lang: string) {
	const owner = new Browser(undefined, { lang });
	const { orgId } = await signUp(owner);
	const base = await startAssessment(owner, orgId);
	expect((await saveProfile(owner, base, 0)).status).toBe(303);
	return { owner, orgId, base };
}

describe('the costly pages', () => {
	it('serve a person at work: every page, several times over, without a refusal', async () => {
		const { owner, base } = await assessmentOf('en');
		// A busy half hour, compressed: each costly page ten times (the zip and template five), one domain's questionnaire freely.
		for (let i = 0; i < 10; i++) {
			expect((await owner.get(`${base}/print?lang=both`)).status).toBe(200);
			expect((await owner.get(`${base}/questionnaire?domain=all`)).status).toBe(200);
			expect((await owner.download(`${base}/export.json`)).status).toBe(200);
			expect((await owner.get(`${base}/questionnaire`)).status).toBe(200);
		}
		for (let i = 0; i < 5; i++) {
			expect((await owner.download(`${base}/evidence.zip`)).status).toBe(200);
			expect((await owner.download(`${base}/template.xlsx?lang=zh`)).status).toBe(200);
		}
		expect(40).toBeLessThan(HEAVY_READS.personBurst);
	});

	it('refuse a loop with 429, Retry-After and a sentence in the reader’s language; a colleague goes on', async () => {
		const { owner, orgId, base } = await assessmentOf('zh');
		const colleague = await joinByInvitation(await inviteMember(owner, orgId, 'consultant'), 'en');
		// A script with the owner's cookie asks for the export as fast as it can.
		const statuses: number[] = [];
		for (let round = 0; round < 4; round++) {
			const batch = await Promise.all(
				Array.from({ length: 20 }, () => owner.download(`${base}/export.json`))
			);
			statuses.push(...batch.map((r) => r.status));
		}
		const served = statuses.filter((s) => s === 200).length;
		expect(served).toBeGreaterThanOrEqual(HEAVY_READS.personBurst);
		// The burst, and at most one more per interval while the loop ran.
		expect(served).toBeLessThan(HEAVY_READS.personBurst + 10);
		expect(statuses.filter((s) => s !== 200).every((s) => s === 429)).toBe(true);

		const refused = await owner.download(`${base}/export.json`);
		expect(refused.status).toBe(429);
		const wait = Number(refused.headers.get('retry-after'));
		expect(wait).toBeGreaterThanOrEqual(1);
		expect(wait).toBeLessThanOrEqual(HEAVY_READS.personIntervalSeconds + 1);
		expect(new TextDecoder().decode(refused.bytes)).toContain('请求过于频繁');

		// The other costly downloads share the allowance.
		for (const path of ['/evidence.zip', '/template.xlsx?lang=zh']) {
			const download = await owner.download(base + path);
			expect(download.status).toBe(429);
			expect(download.headers.get('retry-after')).toMatch(/^\d+$/);
		}
		// The print view and the whole questionnaire share it too, and say why as a page.
		for (const path of ['/print?lang=both', '/questionnaire?domain=all']) {
			const page = await owner.get(base + path);
			expect(page.status).toBe(429);
			expect(Number(page.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
			expect(page.headers.get('content-type')).toMatch(/text\/html/);
			expect(page.text).toContain('请求过于频繁');
			expect(page.text).not.toMatch(/Too many requests/);
		}
		// One domain's questionnaire is not limited.
		expect((await owner.get(`${base}/questionnaire`)).status).toBe(200);

		// A colleague in the same organisation is served, in English.
		expect((await colleague.get(`${base}/print?lang=both`)).status).toBe(200);
		expect((await colleague.download(`${base}/export.json`)).status).toBe(200);

		// After the wait, the owner is served again.
		await expect
			.poll(async () => (await owner.download(`${base}/export.json`)).status, {
				interval: 500,
				timeout: 10_000
			})
			.toBe(200);
	});

	it('speak English to an English reader', async () => {
		const { owner, base } = await assessmentOf('en');
		let page = await owner.get(`${base}/questionnaire?domain=all`);
		for (let i = 0; i < HEAVY_READS.personBurst + 5 && page.status !== 429; i++)
			page = await owner.get(`${base}/questionnaire?domain=all`);
		expect(page.status).toBe(429);
		expect(page.text).toContain('Too many requests');
		expect(page.text).not.toContain('请求过于频繁');
	});
});
