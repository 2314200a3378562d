import { expect } from 'vitest';
import { Browser } from './browser';
import { saveAnswer } from './assessment';

/** The last save the server acknowledged (2xx) for each item, and the one still in flight. */
export interface Acknowledged {
	version: number;
	note: string;
}

export interface SaveBurst {
	/** Stops the writers and waits for them; answers what each item had acknowledged. */
	stop(): Promise<Map<string, Acknowledged>>;
	/** Requests that failed (refused, 5xx or connection errors), for reporting. */
	failures: string[];
	acknowledged: Map<string, Acknowledged>;
	/** How many saves the server has acknowledged so far, all items together. */
	acknowledgedSaves(): number;
	/** The note sent with the save in flight for an item, which may have committed unacknowledged. */
	inFlight: Map<string, Acknowledged>;
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
	const inFlight = new Map<string, Acknowledged>();
	const failures: string[] = [];
	const writer = async (itemId: string, index: number) => {
		let version = 0;
		let n = 0;
		while (running) {
			const note = `writer ${index} save ${++n}`;
			inFlight.set(itemId, { version: version + 1, note });
			try {
				const page = await saveAnswer(browser, base, itemId, version, {
					status: n % 2 ? 'partial' : 'non_compliant',
					note
				});
				if (page.status === 200) {
					version += 1;
					acknowledged.set(itemId, { version, note });
					continue;
				}
				failures.push(`${itemId}: ${page.status}`);
			} catch (error) {
				failures.push(`${itemId}: ${String(error)}`);
			}
			await new Promise((r) => setTimeout(r, 100));
			version = (await storedAnswer(browser, base, itemId).catch(() => null))?.version ?? version;
		}
	};
	const writers = items.map((id, i) => writer(id, i));
	return {
		acknowledged,
		acknowledgedSaves: () => [...acknowledged.values()].reduce((sum, a) => sum + a.version, 0),
		inFlight,
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
 * Every acknowledged save is stored: the item holds the acknowledged version and note, or the one
 * after it when the save in flight committed but its answer never reached the client.
 */
export async function expectAcknowledgedSavesKept(
	browser: Browser,
	base: string,
	acknowledged: Map<string, Acknowledged>,
	inFlight: Map<string, Acknowledged>
): Promise<void> {
	for (const [itemId, ack] of acknowledged) {
		const stored = await storedAnswer(browser, base, itemId);
		const pending = inFlight.get(itemId);
		if (stored.version === ack.version) expect(stored.note, itemId).toBe(ack.note);
		else expect(stored, itemId).toEqual(pending);
	}
}
