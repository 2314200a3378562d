import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../helpers/database';
import { addClient, consultancy, seedAssessment } from '../helpers/seed-assessment';
import { Mailbox } from '../setup/mailbox';
import { audited } from '../../src/lib/server/db/audited';
import { insertUser } from '../../src/lib/server/db/queries/users';
import { insertMembership } from '../../src/lib/server/db/queries/organisations';
import { claimDueJobs, scheduleJob } from '../../src/lib/server/db/queries/jobs';
import { runDueJobs } from '../../src/lib/server/jobs/runner';
import { digestRuns } from '../../src/lib/server/jobs/schedule';
import { sendDueMails, smtpTransport } from '../../src/lib/server/mail/sender';
import type { Database } from '../../src/lib/server/db/connection';

/**
 * Scheduled work from the job table: claimed with `for update skip locked`, so instances claiming
 * at the same moment (on PostgreSQL each claim on its own pooled connection) run each job once.
 * The clock is the caller's: no test waits for an hour to come.
 */
describe('the job table', () => {
	const database = useTestDatabase('jobs');
	const mailbox = new Mailbox();
	beforeAll(() => mailbox.start());
	afterAll(() => mailbox.stop());

	async function member(db: Database, orgId: string, language: 'zh' | 'en') {
		const id = crypto.randomUUID();
		const email = `digest-${language}-${id}@example.com`;
		await audited(db, { userId: null }, async (tx) => {
			await insertUser(tx, {
				id,
				email,
				name: language === 'zh' ? '李娜' : 'Li Na',
				passwordHash: 'x',
				language,
				emailVerifiedAt: new Date()
			});
			await insertMembership(tx, { orgId, userId: id, role: 'consultant' });
			tx.record({ action: 'test.member', orgId, entity: { type: 'user', id } });
		});
		return email;
	}

	it('hands each due job to one of two claimers racing for them', async () => {
		const { db } = database();
		// Far in the future, so the digest's passes below never reach them.
		const at = new Date('2099-03-01T00:00:00Z');
		for (let i = 0; i < 30; i += 1)
			await scheduleJob(db, { kind: 'race-test', runAt: new Date(at.getTime() + i * 1000) });
		// The same run scheduled again (another instance): still one.
		await scheduleJob(db, { kind: 'race-test', runAt: at });
		const now = new Date(at.getTime() + 3600_000);
		const claim = (holder: string) =>
			claimDueJobs(db, { holder, now, leaseMs: 60_000, limit: 4 }).then((jobs) =>
				jobs.map((j) => j.id)
			);
		const claimed: string[][] = [];
		for (let more = true; more;) {
			const round = await Promise.all([claim('a'), claim('b'), claim('a'), claim('b')]);
			claimed.push(...round);
			more = round.some((ids) => ids.length > 0);
		}
		const all = claimed.flat();
		expect(all).toHaveLength(30);
		expect(new Set(all).size).toBe(30);
		// Leased: not due again before the lease ends …
		expect(await claim('c')).toEqual([]);
	});

	it('mails the daily digest once, at the hour in Shanghai, in each person’s language', async () => {
		const { db } = database();
		const { orgId, ownerId } = await consultancy(db, '外滩咨询');
		const clientId = await addClient(db, orgId, '浦江科技');
		await seedAssessment(db, {
			orgId,
			actorId: ownerId,
			clientId,
			answers: {
				'CMP-001': { status: 'partial', due: '2026-04-01' },
				'CMP-002': { status: 'non_compliant', due: '2026-04-12' },
				'CMP-003': { status: 'compliant', due: '2026-03-30' }
			}
		});
		const zh = await member(db, orgId, 'zh');
		const en = await member(db, orgId, 'en');

		// 07:59 in Shanghai on 10 April: today's digest is scheduled, not due.
		const before = new Date('2026-04-09T23:59:00Z');
		const options = { digestHour: 8, origin: 'https://readiness.example.com' };
		expect(await runDueJobs(db, { ...options, holder: 'one', now: before })).toEqual([]);
		expect(digestRuns(before, 8)[0]!.toISOString()).toBe('2026-04-10T00:00:00.000Z');

		// 08:00: two instances pass at once; the digest runs in one of them.
		const at = new Date('2026-04-10T00:00:30Z');
		const [one, two] = await Promise.all([
			runDueJobs(db, { ...options, holder: 'one', now: at }),
			runDueJobs(db, { ...options, holder: 'two', now: at })
		]);
		expect([...one, ...two]).toHaveLength(1);
		// A pass later that day runs nothing more.
		const later = new Date('2026-04-10T05:00:00Z');
		expect(await runDueJobs(db, { ...options, holder: 'one', now: later })).toEqual([]);

		while ((await sendDueMails(db, smtpTransport(mailbox.url), { from: 'app@example.com' })) > 0);
		expect(mailbox.to(zh)).toHaveLength(1);
		expect(mailbox.to(en)).toHaveLength(1);
		const chinese = await mailbox.next(zh);
		expect(chinese.subject).toBe('整改期限提醒（2026-04-10）');
		expect(chinese.text).toContain('「2026 年度自评」：逾期 1 项，7 天内到期 1 项');
		const english = await mailbox.next(en);
		expect(english.subject).toBe('Due dates to watch (2026-04-10)');
		expect(english.text).toContain('“2026 年度自评”: 1 overdue, 1 due within 7 days');
		expect(english.text).toContain('https://readiness.example.com/o/');
	});
});
