import { expect } from 'vitest';
import { Browser } from './browser';
import { saveAnswer } from './assessment';

/** A save as the writer sent it: the version it would make and its note. */
export interface Acknowledged {
	version: number;
	note: string;
}

export interface SaveBurst {
	/** Stops the writers and waits for them; answers what each item had acknowledged. */
	stop(): Promise<Map<string, Acknowledged>>;
	/** Requests that failed (refused, 5xx or connection errors), for reporting. */
	failures: string[];
	/** The last save the server acknowledged (2xx) for each item. */
	acknowledged: Map<string, Acknowledged>;
	/** How many saves the server has acknowledged so far, all items together. */
	acknowledgedSaves(): number;
	/**
	 * Per item, the saves sent since its last acknowledged one whose outcome is unknown (a 5xx, a
	 * dropped connection, still in flight at the end): any of them may have committed.
	 */
	unknown: Map<string, Acknowledged[]>;
	/** Per item, each request and what came of it, in order: what a failure message shows. */
	events: Map<string, string[]>;
}

/** The applicable items of the assessment's first questionnaire page. */
export async function questionnaireItems(browser: Browser, base: string): Promise<string[]> {
	const page = await browser.get(`${base}/questionnaire`);
	expect(page.status).toBe(200);
	return [...page.body.matchAll(/<article class="card item" id="([A-Z]+-\d{3})"/g)].map(
		(m) => m[1]!
	);
}

/**
 * One writer per item, saving version after version as fast as the server answers, all at once.
 * A writer whose request fails reloads the item's stored version before it goes on.
 */
export function startSaveBurst(browser: Browser, base: string, items: string[]): SaveBurst {
	let running = true;
	const acknowledged = new Map<string, Acknowledged>();
	const unknown = new Map<string, Acknowledged[]>();
	const failures: string[] = [];
	const events = new Map<string, string[]>();
	const writer = async (itemId: string, index: number) => {
		const log = (line: string) => events.set(itemId, [...(events.get(itemId) ?? []), line]);
		let version = 0;
		let n = 0;
		while (running) {
			const note = `writer ${index} save ${++n}`;
			const sent = { version: version + 1, note };
			// Unknown until the server answers; a definite refusal (4xx) takes it off again.
			unknown.set(itemId, [...(unknown.get(itemId) ?? []), sent]);
			try {
				const page = await saveAnswer(browser, base, itemId, version, {
					status: n % 2 ? 'partial' : 'non_compliant',
					note
				});
				log(`save ${n} on v${version}: ${page.status}`);
				if (page.status === 200) {
					version += 1;
					acknowledged.set(itemId, sent);
					unknown.set(itemId, []);
					continue;
				}
				if (page.status < 500) unknown.set(itemId, (unknown.get(itemId) ?? []).slice(0, -1));
				failures.push(`${itemId}: ${page.status}`);
			} catch (error) {
				log(`save ${n} on v${version}: ${String(error)}`);
				failures.push(`${itemId}: ${String(error)}`);
			}
			await new Promise((r) => setTimeout(r, 100));
			const stored = await storedAnswer(browser, base, itemId).catch((e: unknown) => String(e));
			log(`reload: ${typeof stored === 'string' ? stored : `v${stored.version} ${stored.note}`}`);
			if (typeof stored !== 'string') version = stored.version;
		}
	};
	const writers = items.map((id, i) => writer(id, i));
	return {
		acknowledged,
		acknowledgedSaves: () => [...acknowledged.values()].reduce((sum, a) => sum + a.version, 0),
		unknown,
		events,
		failures,
		stop: async () => {
			running = false;
			await Promise.all(writers);
			return acknowledged;
		}
	};
}

/** The stored version and note of an item, as its page shows them. */
export async function storedAnswer(
	browser: Browser,
	base: string,
	itemId: string
): Promise<Acknowledged> {
	const page = await browser.get(`${base}/items/${itemId}`);
	if (page.status !== 200) throw new Error(`item page ${itemId}: ${page.status}`);
	const version = Number(page.body.match(/name="version" value="(\d+)"/)?.[1] ?? NaN);
	const note = page.body.match(/name="note"[^>]*>([^<]*)<\/textarea>/)?.[1] ?? '';
	return { version, note };
}

/**
 * Every acknowledged save is stored: the item holds the acknowledged version and note, or a later
 * save whose answer never reached the client (it may have committed all the same).
 */
export async function expectAcknowledgedSavesKept(
	browser: Browser,
	base: string,
	burst: Pick<SaveBurst, 'acknowledged' | 'unknown' | 'events'>
): Promise<void> {
	for (const [itemId, ack] of burst.acknowledged) {
		const stored = await storedAnswer(browser, base, itemId);
		const story = `${itemId}, acknowledged v${ack.version} ${ack.note}:\n${(burst.events.get(itemId) ?? []).join('\n')}`;
		expect([ack, ...(burst.unknown.get(itemId) ?? [])], story).toContainEqual(stored);
	}
}
