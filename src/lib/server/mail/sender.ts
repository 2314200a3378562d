import nodemailer from 'nodemailer';
import type { Database } from '../db/connection';
import {
	claimOutboxMails,
	markOutboxAttemptFailed,
	markOutboxSent,
	type ClaimedMail
} from '../db/queries/outbox';
import { logger } from '../logger';
import { onMailEnqueued } from './outbox';

/** How long a claimed mail is out of other instances' reach while this one sends it. */
const LEASE_MS = 5 * 60_000;
/** Given up on after this many attempts (about a day and a half of back-off). */
export const MAX_ATTEMPTS = 10;

/** The delay before attempt n+1 after n failed: 30 s, 1 min, 2 min … capped at 6 h. */
export function retryDelayMs(attempts: number): number {
	return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 6 * 3600_000);
}

export interface Transport {
	sendMail(mail: {
		from: string;
		to: string;
		subject: string;
		text: string;
		html: string;
		headers: Record<string, string>;
	}): Promise<unknown>;
}

export function smtpTransport(smtpUrl: string): Transport {
	return nodemailer.createTransport(smtpUrl);
}

/**
 * Claims what is due and sends it; answers how many were sent. Any number of instances may run
 * this at once: a mail is claimed by one (tests/postgres/outbox-claim.test.ts).
 */
export async function sendDueMails(
	db: Database,
	transport: Transport,
	options: { from: string; limit?: number; now?: () => Date } = { from: '' }
): Promise<number> {
	const now = options.now ?? (() => new Date());
	const claimed = await claimOutboxMails(db, {
		limit: options.limit ?? 20,
		leaseMs: LEASE_MS,
		now: now()
	});
	let sent = 0;
	for (const mail of claimed) {
		if (await sendOne(db, transport, mail, options.from, now)) sent++;
	}
	return sent;
}

async function sendOne(
	db: Database,
	transport: Transport,
	mail: ClaimedMail,
	from: string,
	now: () => Date
): Promise<boolean> {
	try {
		await transport.sendMail({
			from,
			to: mail.to,
			subject: mail.subject,
			text: mail.text,
			html: mail.html,
			headers: { 'Content-Language': mail.language === 'zh' ? 'zh-CN' : 'en' }
		});
		await markOutboxSent(db, mail.id, now());
		return true;
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		const giveUp = mail.attempts >= MAX_ATTEMPTS;
		const at = now();
		await markOutboxAttemptFailed(db, mail.id, {
			error: message.slice(0, 500),
			retryAt: giveUp ? null : new Date(at.getTime() + retryDelayMs(mail.attempts)),
			at
		});
		logger.warn(
			{ mailId: mail.id, attempts: mail.attempts, giveUp, err: message },
			'mail not sent'
		);
		return false;
	}
}

export interface MailSender {
	/** Sends what is due now (also run every `intervalMs` and shortly after a mail is written). */
	flush(): Promise<void>;
	stop(): Promise<void>;
}

/** The background sender of one app instance. */
export function startMailSender(
	db: Database,
	transport: Transport,
	options: { from: string; intervalMs?: number }
): MailSender {
	let running: Promise<void> | null = null;
	let again = false;
	let stopped = false;
	const run = (): Promise<void> => {
		if (stopped) return Promise.resolve();
		if (running) {
			again = true;
			return running;
		}
		running = (async () => {
			try {
				do {
					again = false;
					while ((await sendDueMails(db, transport, { from: options.from })) > 0 && !stopped);
				} while (again && !stopped);
			} catch (error) {
				logger.error({ err: error }, 'mail sender');
			} finally {
				running = null;
			}
		})();
		return running;
	};
	const timer = setInterval(() => void run(), options.intervalMs ?? 2000);
	timer.unref();
	let soon: NodeJS.Timeout | null = null;
	// Written inside a transaction that has not committed yet: look a moment later.
	// (a moment, and once more a second later, before the interval's next turn).
	onMailEnqueued(() => {
		soon ??= setTimeout(() => {
			soon = null;
			void run();
			setTimeout(() => void run(), 1000).unref();
		}, 50);
	});
	void run();
	return {
		flush: run,
		stop: async () => {
			stopped = true;
			clearInterval(timer);
			if (soon) clearTimeout(soon);
			onMailEnqueued(null);
			await running;
		}
	};
}
