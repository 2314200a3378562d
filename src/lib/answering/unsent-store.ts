import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { AnswerFields } from './fields';

/**
 * Changes typed in this browser that the server has not confirmed, kept in IndexedDB (through
 * `idb`, the small promise wrapper) so that a reload, a closed tab or a log-in after an expired
 * session brings them back. Each is keyed by user, assessment, item and the version it was typed
 * on: another person on the same computer never reads them (their user id differs), and log-out
 * deletes the person's own.
 */
export interface UnsentChange {
	userId: string;
	assessmentId: string;
	itemId: string;
	baseVersion: number;
	values: AnswerFields;
	keptAt: number;
}

interface UnsentSchema extends DBSchema {
	changes: { key: [string, string, string, number]; value: UnsentChange };
}

const DB_NAME = 'sandbox-readiness-unsent';
let opened: Promise<IDBPDatabase<UnsentSchema>> | null = null;

function database(): Promise<IDBPDatabase<UnsentSchema>> {
	opened ??= openDB<UnsentSchema>(DB_NAME, 1, {
		upgrade(db) {
			db.createObjectStore('changes', {
				keyPath: ['userId', 'assessmentId', 'itemId', 'baseVersion']
			});
		}
	});
	return opened;
}

// Array keys sort after every string and number: [a, b, []] closes the range of all keys [a, b, …].
const after: never[] = [];
const ofUser = (userId: string) => IDBKeyRange.bound([userId], [userId, after]);
const ofAssessment = (userId: string, assessmentId: string) =>
	IDBKeyRange.bound([userId, assessmentId], [userId, assessmentId, after]);
const ofItem = (userId: string, assessmentId: string, itemId: string) =>
	IDBKeyRange.bound([userId, assessmentId, itemId], [userId, assessmentId, itemId, after]);

/** The person's unsent changes in one assessment, the newest per item. */
export async function unsentChanges(
	userId: string,
	assessmentId: string
): Promise<Map<string, UnsentChange>> {
	const all = await (await database()).getAll('changes', ofAssessment(userId, assessmentId));
	const byItem = new Map<string, UnsentChange>();
	for (const change of all) {
		const known = byItem.get(change.itemId);
		if (!known || known.keptAt <= change.keptAt) byItem.set(change.itemId, change);
	}
	return byItem;
}

/** Keeps an item's unsent values, replacing what was kept for it on any version. */
export async function keepUnsent(change: UnsentChange): Promise<void> {
	const db = await database();
	const tx = db.transaction('changes', 'readwrite');
	await tx.store.delete(ofItem(change.userId, change.assessmentId, change.itemId));
	await tx.store.put(change);
	await tx.done;
}

export async function dropUnsent(userId: string, assessmentId: string, itemId: string) {
	await (await database()).delete('changes', ofItem(userId, assessmentId, itemId));
}

/** At log-out: nothing the person typed stays behind on this computer. */
export async function dropAllUnsent(userId: string): Promise<void> {
	await (await database()).delete('changes', ofUser(userId));
}

/**
 * Writes in the order they were asked for, one at a time: a keep followed at once by a drop (a save
 * that answered quickly) must not end with the kept values.
 */
export function unsentKeeper(userId: string, assessmentId: string, itemId: string) {
	const writes = latestWriteQueue();
	return {
		keep(baseVersion: number, values: AnswerFields) {
			writes.push(() =>
				keepUnsent({ userId, assessmentId, itemId, baseVersion, values, keptAt: Date.now() })
			);
		},
		drop() {
			writes.push(() => dropUnsent(userId, assessmentId, itemId));
		},
		/** Resolves when every write asked for so far is done. */
		settled: () => writes.settled()
	};
}

/**
 * One write at a time, and of those waiting only the latest: each write sets the item's whole
 * kept state (a keep replaces what was kept, a drop removes it), so the ones a later write
 * supersedes need never run. A keystroke asks for a write; a fast typist on a busy computer asked
 * for twenty while the first was running, and a reload before the queue had drained kept an old
 * prefix of the note.
 */
export function latestWriteQueue() {
	let queue: Promise<unknown> = Promise.resolve();
	let waiting: (() => Promise<void>) | null = null;
	return {
		push(write: () => Promise<void>) {
			const queued = waiting !== null;
			waiting = write;
			if (queued) return;
			queue = queue
				.then(() => {
					const next = waiting!;
					waiting = null;
					return next();
				})
				// A browser without IndexedDB (private mode in some) still autosaves; it only cannot keep.
				.catch(() => undefined);
		},
		settled: () => queue
	};
}
