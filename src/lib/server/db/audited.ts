import type { Database } from './connection';

/**
 * Every write audited by construction.
 *
 * A query function that writes takes an `AuditedTx`, never a `Database`, and only `audited()` makes
 * one: it opens a transaction, hands the work an `AuditedTx` over it, and writes the records the
 * work made (who, what, when, before/after) in that same transaction, through the one function
 * here that inserts into audit_log. A work that made no record is rolled back: a change is
 * committed with its audit rows or not at all. So a service cannot forget the audit log: without
 * `audited()` it cannot call a write query (a type error), and inside it a write without a record
 * does not survive. tests/unit/audit-boundary.test.ts holds the rest of the line: no write outside
 * db/queries, and every write query takes an `AuditedTx` unless it is listed there as bookkeeping.
 */

/** Who did it: a person, through the app or an API token (null user: the admin CLI, the demo). */
export interface Actor {
	userId: string | null;
	/** The API token the request came with, when it came through /api/v1. */
	apiTokenId?: string | null;
	/** The request's id (the x-request-id answered), to find a row from a log line and back. */
	requestId?: string | null;
}

/** What was done to what: one row of the audit log. */
export interface AuditRecord {
	/** `<entity>.<verb>`: client.created, answer.saved, member.role_changed … */
	action: string;
	/** The organisation it happened in; null for what belongs to a person only (sign-up, login). */
	orgId: string | null;
	entity: { type: string; id: string };
	assessmentId?: string | null;
	itemId?: string | null;
	/** Plain data, before and after; keys named like secrets are redacted when written. */
	before?: unknown;
	after?: unknown;
}

declare const auditedTx: unique symbol;

/** A transaction opened by `audited()`: what write queries require. */
export interface AuditedTx {
	/** The transaction, for reads and for the write queries themselves. */
	readonly db: Database;
	readonly actor: Actor;
	/** Adds a row to the audit log of this transaction; written when the work returns. */
	record(entry: AuditRecord): void;
	readonly [auditedTx]: true;
}

class Audited {
	readonly records: AuditRecord[] = [];
	constructor(
		readonly db: Database,
		readonly actor: Actor
	) {}
	record(entry: AuditRecord): void {
		this.records.push(entry);
	}
}

/** Thrown inside the transaction to roll back a work that recorded nothing. */
class NothingRecorded<T> {
	constructor(readonly result: T) {}
}

/**
 * Runs `work` in a transaction whose writes are audited as done by `actor`. Commits the work and its
 * records together; rolls back (and still answers the work's result) when it recorded nothing,
 * which is how a refused change (a stale version, a wrong state) leaves no trace.
 */
export async function audited<T>(
	db: Database,
	actor: Actor,
	work: (tx: AuditedTx) => Promise<T>
): Promise<T> {
	if (db.isTransaction)
		throw new Error('audited() opens its own transaction: pass the AuditedTx down instead');
	try {
		return await db.transaction().execute(async (trx) => {
			const tx = new Audited(trx, actor);
			const result = await work(tx as unknown as AuditedTx);
			if (tx.records.length === 0) throw new NothingRecorded(result);
			await writeAuditRows(trx, actor, tx.records);
			return result;
		});
	} catch (error) {
		if (error instanceof NothingRecorded) return error.result as T;
		throw error;
	}
}

export const REDACTED = '[redacted]';
const SECRET_KEY = /pass(word|wd|phrase)|hash|secret|token|session|^otp|totp|two_?factor|2fa/i;

/**
 * The value with every field named like a secret (password, hash, secret, token, session,
 * two-factor) replaced, at any depth. Applied where rows are written, so no caller can leak one.
 */
export function redactSecrets(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(redactSecrets);
	if (value instanceof Uint8Array) return REDACTED;
	if (value instanceof Date) return value.toISOString();
	if (value !== null && typeof value === 'object')
		return Object.fromEntries(
			Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) ? REDACTED : redactSecrets(v)])
		);
	return value;
}

const json = (v: unknown) =>
	v === null || v === undefined ? null : JSON.stringify(redactSecrets(v));

/** The one place that inserts into audit_log. */
async function writeAuditRows(db: Database, actor: Actor, records: AuditRecord[]): Promise<void> {
	await db
		.insertInto('audit_log')
		.values(
			records.map((r) => ({
				org_id: r.orgId,
				assessment_id: r.assessmentId ?? null,
				item_id: r.itemId ?? null,
				actor_id: actor.userId,
				api_token_id: actor.apiTokenId ?? null,
				request_id: actor.requestId ?? null,
				action: r.action,
				entity_type: r.entity.type,
				entity_id: r.entity.id,
				old_value: json(r.before),
				new_value: json(r.after)
			}))
		)
		.execute();
}
