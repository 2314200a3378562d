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
	let queue: Promise<unknown> = Promise.resolve();
	const then = (write: () => Promise<void>) => {
		// A browser without IndexedDB (private mode in some) still autosaves; it only cannot keep.
		queue = queue.then(write).catch(() => undefined);
	};
	return {
		keep(baseVersion: number, values: AnswerFields) {
			then(() =>
				keepUnsent({ userId, assessmentId, itemId, baseVersion, values, keptAt: Date.now() })
			);
		},
		drop() {
			then(() => dropUnsent(userId, assessmentId, itemId));
		},
		/** Resolves when every write asked for so far is done. */
		settled: () => queue
	};
}
