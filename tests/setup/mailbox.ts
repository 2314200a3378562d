import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { recipientFolder } from './mail-folder';

/** A mail as the tests read it back: who it went to, its subject, its text and HTML, its links. */
export interface ReceivedMail {
	to: string[];
	from: string;
	subject: string;
	text: string;
	html: string;
	language: string | null;
	receivedAt: string;
}

/**
 * A real SMTP server in this process (the `smtp-server` package) that parses what it receives
 * (`mailparser`). The app sends to it over `SMTP_URL` as it would to a real relay. With `dir`, each
 * mail is also written there as JSON, in a folder per recipient (tests/setup/mail-folder.ts), for
 * test files in other processes (tests/helpers/mail.ts).
 */
export class Mailbox {
	readonly received: ReceivedMail[] = [];
	private readonly events = new EventEmitter();
	private server: SMTPServer | null = null;
	/** Orders the mails written in one millisecond. */
	private written = 0;
	port = 0;

	constructor(private readonly dir: string | null = null) {
		this.events.setMaxListeners(0);
	}

	get url(): string {
		return `smtp://127.0.0.1:${this.port}`;
	}

	async start(): Promise<this> {
		this.server = new SMTPServer({
			authOptional: true,
			disabledCommands: ['STARTTLS'],
			logger: false,
			onData: (stream, session, callback) => {
				simpleParser(stream)
					.then((parsed) => {
						const mail: ReceivedMail = {
							to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
							from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
							subject: parsed.subject ?? '',
							text: parsed.text ?? '',
							html: typeof parsed.html === 'string' ? parsed.html : '',
							language: headerText(parsed.headers.get('content-language')),
							receivedAt: new Date().toISOString()
						};
						this.received.push(mail);
						if (this.dir) this.write(mail);
						this.events.emit('mail', mail);
						callback();
					})
					.catch((error: Error) => callback(error));
			}
		});
		await new Promise<void>((resolve, reject) => {
			this.server!.once('error', reject);
			this.server!.listen(0, '127.0.0.1', () => resolve());
		});
		const address = this.server.server.address();
		this.port = typeof address === 'object' && address ? address.port : 0;
		return this;
	}

	/** Into each recipient's folder, whole: written aside, then renamed into place. */
	private write(mail: ReceivedMail): void {
		const name = `${Date.now()}-${String(this.written++).padStart(9, '0')}.json`;
		for (const address of new Set(mail.to)) {
			const folder = recipientFolder(this.dir!, address);
			fs.mkdirSync(folder, { recursive: true });
			fs.writeFileSync(path.join(folder, `${name}.tmp`), JSON.stringify(mail));
			fs.renameSync(path.join(folder, `${name}.tmp`), path.join(folder, name));
		}
	}

	/** The first mail to `to` (after `since` mails to them) matching `match`, waiting for it to arrive. */
	next(to: string, match: (mail: ReceivedMail) => boolean = () => true): Promise<ReceivedMail> {
		const address = to.toLowerCase();
		const wanted = (mail: ReceivedMail) => mail.to.includes(address) && match(mail);
		const found = this.received.find(wanted);
		if (found) return Promise.resolve(found);
		return new Promise((resolve) => {
			const listener = (mail: ReceivedMail) => {
				if (!wanted(mail)) return;
				this.events.off('mail', listener);
				resolve(mail);
			};
			this.events.on('mail', listener);
		});
	}

	/** Every mail received so far for `to`. */
	to(to: string): ReceivedMail[] {
		return this.received.filter((m) => m.to.includes(to.toLowerCase()));
	}

	async stop(): Promise<void> {
		await new Promise<void>((resolve) =>
			this.server ? this.server.close(() => resolve()) : resolve()
		);
	}
}

function headerText(value: unknown): string | null {
	return typeof value === 'string' ? value : null;
}
