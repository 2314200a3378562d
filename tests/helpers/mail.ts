import fs from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { recipientFolder } from '../setup/mail-folder';
import type { ReceivedMail } from '../setup/mailbox';

declare module 'vitest' {
	export interface ProvidedContext {
		/** The folder the shared server's mailbox writes each mail into (tests/setup/server.ts). */
		mailDir: string;
	}
}

/** The shared mailbox's folder: from the run's setup (vitest) or the bench's (scripts/bench-common.ts). */
export function mailDir(): string {
	return process.env.TEST_MAIL_DIR ?? inject('mailDir');
}

/** The mails to one address so far, oldest first (its folder holds only those). */
function readFolder(folder: string): ReceivedMail[] {
	if (!fs.existsSync(folder)) return [];
	return fs
		.readdirSync(folder)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => JSON.parse(fs.readFileSync(path.join(folder, f), 'utf8')) as ReceivedMail);
}

/**
 * The first mail the shared server sent to `to` that matches `match`, once it arrives at the
 * in-process SMTP server of the test run (waiting on the folder, no polling delay).
 */
export function mailTo(
	to: string,
	match: (mail: ReceivedMail) => boolean = () => true,
	dir: string = mailDir()
): Promise<ReceivedMail> {
	const folder = recipientFolder(dir, to);
	// Made now, if no mail has come yet, to be watched.
	fs.mkdirSync(folder, { recursive: true });
	return new Promise((resolve) => {
		const look = (): boolean => {
			const found = readFolder(folder).find(match);
			if (!found) return false;
			watcher.close();
			resolve(found);
			return true;
		};
		const watcher = fs.watch(folder, () => look());
		look();
	});
}

/** Every mail the shared server has sent to `to` so far. */
export function mailsTo(to: string, dir: string = mailDir()): ReceivedMail[] {
	return readFolder(recipientFolder(dir, to));
}

/** The six-to-eight character code in a verification mail. */
export function codeIn(mail: ReceivedMail): string {
	const code = /\b([A-Z0-9]{8})\b/.exec(mail.text)?.[1];
	if (!code) throw new Error(`no code in the mail: ${mail.text}`);
	return code;
}

/** The first link to the app in a mail, as a path. */
export function linkIn(mail: ReceivedMail, pathPrefix: string): string {
	const match = new RegExp(`https?://[^\\s/]+(${pathPrefix}[^\\s"<>]*)`).exec(mail.text);
	if (!match?.[1]) throw new Error(`no link to ${pathPrefix} in the mail: ${mail.text}`);
	return match[1];
}
