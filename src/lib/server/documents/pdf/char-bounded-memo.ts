/**
 * A memo for one thread, bounded by the characters of its keys (each value holds about what its
 * key does), not by entries: people's notes run to thousands of characters, and 20,000 of them
 * would hold hundreds of MB in a render worker. Past the bound it starts again.
 */
export class CharBoundedMemo<V> {
	readonly #entries = new Map<string, V>();
	#chars = 0;

	constructor(readonly maxChars: number) {}

	get(key: string): V | undefined {
		return this.#entries.get(key);
	}

	set(key: string, value: V): void {
		// A JavaScript string takes two bytes a character.
		const cost = 2 * key.length;
		if (this.#chars + cost > this.maxChars) {
			this.#entries.clear();
			this.#chars = 0;
		}
		this.#entries.set(key, value);
		this.#chars += cost;
	}

	/** What it holds now, for tests of its bound. */
	get held(): { entries: number; chars: number } {
		return { entries: this.#entries.size, chars: this.#chars };
	}
}
