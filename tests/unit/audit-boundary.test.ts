import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REDACTED, redactSecrets } from '../../src/lib/server/db/audited';

/**
 * The line that makes "every write audited" hold by construction (src/lib/server/db/audited.ts):
 * writes are statements in db/queries only, and each query function that writes takes an
 * AuditedTx, which only audited() makes. The few writes that are bookkeeping, not anyone's
 * change, are named here with the reason.
 */
const BOOKKEEPING: Record<string, string> = {
	'sessions.updateSessionExpiry': 'a session’s sliding expiry, moved on use',
	'sessions.updateSessionOrg':
		'which organisation the session opens next: a preference that opening a page also sets',
	'sessions.deleteExpiredSession': 'a session that ran out, removed when it is next presented',
	'api-tokens.touchApiToken': 'when a token was last used, shown to its owners',
	'outbox.claimOutboxMails':
		'a sender claiming due mails (an attempt and a lease): the mail itself was written audited',
	'outbox.markOutboxSent': 'a mail delivered: its body emptied, when recorded',
	'outbox.markOutboxAttemptFailed': 'a delivery refused: the error and the next attempt',
	'jobs.scheduleJob':
		'a run of scheduled work put in the table (the digest); what the run changes is audited',
	'jobs.claimDueJobs': 'an instance claiming due scheduled work (a lease and an attempt)',
	'jobs.completeJob': 'a scheduled run marked done',
	'jobs.failJob': 'a scheduled run that failed: the error and when to try again',
	'throttle-counters.checkAndRecordAttempt':
		'the throttle’s counters (log-in, password check, sign-up), checked and counted in one statement',
	'throttle-counters.checkAndRecordRequest':
		'the rate of costly reads (print view, whole questionnaire, JSON export), checked and counted in one statement',
	'throttle-counters.clearThrottleCounter': 'the throttle’s counter of a key, cleared on success',
	'trusted-devices.insertTrustedDevice':
		'a browser that logged in (its log-in is audited), remembered for the throttle’s device allowance',
	'trusted-devices.touchTrustedDevice': 'when a trusted browser last logged in',
	'users.advanceTotpStep':
		'the step of the last two-factor code accepted, so it is not accepted twice (the log-in is audited)',
	'report-cache.storeCachedReport': 'a rendered PDF kept for reuse: derived from audited data',
	'report-render-leases.claimRenderLease':
		'which instance renders a report right now (and expired claims cleared): no one’s change',
	'report-render-leases.releaseRenderLease': 'a render ended: its claim removed',
	'questionnaire-versions.insertVersionIfNew':
		'the questionnaire from the repository’s seeds, stored at start-up by content hash',
	'evidence-blobs.insertPendingBlob':
		'an evidence upload streaming in, not yet anyone’s change: the audited attach keeps it or it is deleted',
	'evidence-blobs.insertBlobChunk': 'the bytes of that pending upload, 256 KB a row',
	'evidence-blobs.deletePendingBlob': 'a pending upload refused, failed, or a copy of stored bytes',
	'evidence-blobs.deleteAbandonedBlobs': 'pending uploads an instance left behind when it stopped'
};

const QUERIES = 'src/lib/server/db/queries';
const WRITE = /\.(insertInto|updateTable|deleteFrom|mergeInto|replaceInto)\(/;
const RAW_WRITE = /sql`[^`]*\b(insert\s+into|delete\s+from|update\s+\S+\s+set|truncate)\b/i;

function filesUnder(dir: string, ext: RegExp): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const full = path.join(dir, e.name);
		if (e.isDirectory()) return e.name === 'paraglide' ? [] : filesUnder(full, ext);
		return ext.test(e.name) ? [full] : [];
	});
}

/** Each exported function of a query file: its name, its first parameter's type and whether it writes. */
function queryFunctions(file: string) {
	const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
	return source.statements.flatMap((s) => {
		if (!ts.isFunctionDeclaration(s) || !s.name || !s.body) return [];
		if (!s.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return [];
		const body = s.body.getText(source);
		return [
			{
				key: `${path.basename(file, '.ts')}.${s.name.text}`,
				firstParam: s.parameters[0]?.type?.getText(source) ?? '',
				writes: WRITE.test(body) || RAW_WRITE.test(body)
			}
		];
	});
}

describe('every write audited, by construction', () => {
	const functions = filesUnder(QUERIES, /\.ts$/).flatMap(queryFunctions);

	it('puts every write statement in db/queries (and the audit row in db/audited.ts)', () => {
		const outside = filesUnder('src', /\.(ts|svelte)$/)
			.filter((f) => !f.startsWith(QUERIES + path.sep))
			.filter((f) => f !== path.join('src/lib/server/db/audited.ts'))
			.filter((f) => {
				const text = fs.readFileSync(f, 'utf8');
				return WRITE.test(text) || RAW_WRITE.test(text);
			});
		expect(outside).toEqual([]);
	});

	it('makes every write query take an AuditedTx, but the bookkeeping named here', () => {
		const unaudited = functions
			.filter((f) => f.writes && f.firstParam !== 'AuditedTx' && !(f.key in BOOKKEEPING))
			.map((f) => f.key);
		expect(unaudited).toEqual([]);
	});

	it('names only bookkeeping that exists and writes without an AuditedTx', () => {
		const bookkeeping = functions
			.filter((f) => f.writes && f.firstParam !== 'AuditedTx')
			.map((f) => f.key)
			.sort();
		expect(bookkeeping).toEqual(Object.keys(BOOKKEEPING).sort());
	});

	it('finds the writes it looks for (the scan is not vacuous)', () => {
		const audited = functions.filter((f) => f.firstParam === 'AuditedTx').map((f) => f.key);
		expect(audited).toEqual(
			expect.arrayContaining(['clients.insertClient', 'organisations.updateMemberRole'])
		);
		expect(functions.find((f) => f.key === 'clients.insertClient')?.writes).toBe(true);
		expect(functions.find((f) => f.key === 'clients.listClients')?.writes).toBe(false);
	});
});

describe('secrets never enter the audit log', () => {
	it('redacts fields named like a password, hash, secret, token, session or two-factor key', () => {
		const value = {
			name: '王芳',
			password: 'correct horse battery',
			passwordHash: '$argon2id$v=19$…',
			token_hash: 'ab12',
			apiToken: 'sr_abc',
			secretHash: new Uint8Array([1, 2, 3]),
			sessionId: 'abcdef',
			twoFactorSecret: 'JBSWY3DP',
			totp: '123456',
			nested: [{ token: 'x', note: 'kept' }],
			expiresAt: new Date('2027-01-01T00:00:00Z')
		};
		expect(redactSecrets(value)).toEqual({
			name: '王芳',
			password: REDACTED,
			passwordHash: REDACTED,
			token_hash: REDACTED,
			apiToken: REDACTED,
			secretHash: REDACTED,
			sessionId: REDACTED,
			twoFactorSecret: REDACTED,
			totp: REDACTED,
			nested: [{ token: REDACTED, note: 'kept' }],
			expiresAt: '2027-01-01T00:00:00.000Z'
		});
	});

	it('keeps an answer’s and a profile’s fields as they are', () => {
		const answer = {
			status: 'partial',
			note: 'token bucket policy pending',
			evidence: ['policy.pdf'],
			owner: '合规部',
			due: '2027-03-31'
		};
		expect(redactSecrets(answer)).toEqual(answer);
		const profile = {
			registered_name: '上海浦江数字科技有限公司',
			licences: ['commercial_factoring']
		};
		expect(redactSecrets(profile)).toEqual(profile);
	});
});
