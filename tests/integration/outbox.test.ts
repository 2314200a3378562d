import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../helpers/database';
import { person } from '../helpers/seed-assessment';
import { Mailbox } from '../setup/mailbox';
import { audited } from '../../src/lib/server/db/audited';
import { enqueueMail, pendingMails } from '../../src/lib/server/mail/outbox';
import {
	retryDelayMs,
	sendDueMails,
	smtpTransport,
	type Transport
} from '../../src/lib/server/mail/sender';

/**
 * The outbox on each engine: a mail written with its change, sent once however many senders claim
 * at the same moment (on PostgreSQL each claim runs on its own pooled connection, as two app
 * instances would; `for update skip locked`), and retried later when the SMTP server refuses it.
 */
describe('the mail outbox', () => {
	const database = useTestDatabase('outbox');
	const mailbox = new Mailbox();
	beforeAll(() => mailbox.start());
	afterAll(() => mailbox.stop());

	async function enqueue(count: number, prefix: string): Promise<string[]> {
		const { db } = database();
		const userId = await person(db, prefix);
		const to = Array.from({ length: count }, (_, i) => `${prefix}-${i}@example.com`);
		await audited(db, { userId }, async (tx) => {
			for (const address of to)
				await enqueueMail(tx, {
					to: address,
					language: address.endsWith('0@example.com') ? 'en' : 'zh',
					template: 'verify_email',
					data: { name: 'Li', code: 'ABCD2345', minutes: 15 }
				});
			tx.record({ action: 'test.mails', orgId: null, entity: { type: 'user', id: userId } });
		});
		return to;
	}

	it('sends each mail once when two instances claim at the same moment', async () => {
		const { db } = database();
		const to = await enqueue(24, `race-${Date.now()}`);
		const transport = smtpTransport(mailbox.url);
		const other = db;
		const sent = await Promise.all([
			sendDueMails(db, transport, { from: 'app@example.com', limit: 5 }),
			sendDueMails(other, transport, { from: 'app@example.com', limit: 5 }),
			sendDueMails(db, transport, { from: 'app@example.com', limit: 5 }),
			sendDueMails(other, transport, { from: 'app@example.com', limit: 5 })
		]);
		// Then whatever is left, by both, until nothing is due.
		for (let more = 1; more > 0;) {
			const round = await Promise.all([
				sendDueMails(db, transport, { from: 'app@example.com' }),
				sendDueMails(other, transport, { from: 'app@example.com' })
			]);
			more = round[0] + round[1];
		}
		expect(sent.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(20);
		for (const address of to) expect(mailbox.to(address), address).toHaveLength(1);
		const first = await mailbox.next(to[0]!);
		expect(first.language).toBe('en');
		expect(first.subject).toContain('ABCD2345');
		expect((await mailbox.next(to[1]!)).subject).toContain('验证码');
		expect(await pendingMails(db)).toEqual([]);
	});

	it('keeps a refused mail, with its error, and tries it again after a growing delay', async () => {
		const { db } = database();
		const [address] = await enqueue(1, `retry-${Date.now()}`);
		let refuse = true;
		const real = smtpTransport(mailbox.url);
		const flaky: Transport = {
			sendMail: (mail) =>
				refuse ? Promise.reject(new Error('421 try later')) : real.sendMail(mail)
		};
		const start = new Date();
		expect(await sendDueMails(db, flaky, { from: 'a@example.com', now: () => start })).toBe(0);
		const [pending] = await pendingMails(db);
		expect(pending).toMatchObject({ to: address, attempts: 1, lastError: '421 try later' });
		expect(pending!.text).toContain('ABCD2345');
		// Not due again before the delay …
		refuse = false;
		const early = new Date(start.getTime() + retryDelayMs(1) - 1000);
		expect(await sendDueMails(db, flaky, { from: 'a@example.com', now: () => early })).toBe(0);
		// … and sent once it is.
		const due = new Date(start.getTime() + retryDelayMs(1) + 1000);
		expect(await sendDueMails(db, flaky, { from: 'a@example.com', now: () => due })).toBe(1);
		expect(mailbox.to(address!)).toHaveLength(1);
		expect(retryDelayMs(2)).toBe(2 * retryDelayMs(1));
		expect(await pendingMails(db)).toEqual([]);
	});
});
