import { copyFields, sameFields, type AnswerField, type AnswerFields } from './fields';

/** What the server said to one save. */
export type SaveOutcome =
	| { kind: 'saved'; version: number }
	/** Someone saved first: their answer and the version to base a deliberate resave on. */
	| { kind: 'conflict'; version: number; theirs: AnswerFields | null }
	| { kind: 'invalid'; errors: Partial<Record<AnswerField, string>> }
	/** The assessment cannot be changed (final): nothing will save until someone re-opens it. */
	| { kind: 'locked'; message: string }
	/** The session ended: the change waits in the browser until the person logs in again. */
	| { kind: 'signed_out' }
	/** The request did not get through (offline, a server error): worth trying again. */
	| { kind: 'failed' };

export interface SaveRequest {
	itemId: string;
	version: number;
	values: AnswerFields;
}

/** Where unsent changes wait (IndexedDB in the browser, a map in tests). */
export interface UnsentKeeper {
	/** Keeps the values typed on top of `baseVersion`, replacing whatever was kept for the item. */
	keep(baseVersion: number, values: AnswerFields): void;
	/** Forgets the item's unsent values: they are saved, or the person discarded them. */
	drop(): void;
}

export interface AutosaveOptions {
	itemId: string;
	/** The stored answer's version (0: none yet) and values, as the page loaded them. */
	version: number;
	saved: AnswerFields;
	send: (request: SaveRequest) => Promise<SaveOutcome>;
	unsent?: UnsentKeeper;
	/** How long typing must pause before a save goes. */
	typingDelay?: number;
	onsaved?: (itemId: string, version: number) => void;
}

/** The badge: what a person needs to know about their answer at a glance. */
export type SaveState = 'empty' | 'saved' | 'unsaved' | 'saving' | 'failed';

/** After a failed save, wait this long before the next try, doubling up to the last. */
export const RETRY_DELAYS = [1_000, 2_000, 4_000, 8_000, 15_000, 30_000] as const;
export const TYPING_DELAY = 1_000;

/**
 * Autosave for one answer. The person's values are the truth: a save sends a copy of them and
 * never writes back into them, so a field changed while a save was on its way keeps its value, and
 * focus never moves. One save at a time per item; edits made meanwhile go with the next save, on
 * the version the last one returned. Nothing is sent while an input method is composing, nor when
 * the values equal what the server holds. A conflict stops autosave until the person saves on
 * purpose; a failure retries with back-off; an ended session waits for a new log-in.
 */
export class AnswerAutosave {
	/** The values the form shows, bound to its fields. */
	values: AnswerFields = $state() as AnswerFields;
	version = $state(0);
	saving = $state(false);
	/** Why autosave is held, if it is: the person must act (or the connection return). */
	problem = $state<null | 'failed' | 'conflict' | 'invalid' | 'locked' | 'signed_out'>(null);
	errors = $state<Partial<Record<AnswerField, string>>>({});
	/** The other person's answer, after a conflict. */
	theirs = $state<AnswerFields | null>(null);
	lockedMessage = $state('');
	/** The values were restored from the browser after a reload or log-in and wait to be sent. */
	restored = $state(false);
	/** The values the server holds, as far as this page knows: what was last saved. */
	base: AnswerFields = $state() as AnswerFields;
	readonly dirty = $derived(!sameFields(this.values, this.base));
	readonly state: SaveState = $derived(
		this.saving
			? 'saving'
			: this.problem === 'failed'
				? 'failed'
				: this.dirty || this.problem !== null
					? 'unsaved'
					: this.version > 0
						? 'saved'
						: 'empty'
	);

	readonly itemId: string;
	#options: AutosaveOptions;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#composing = false;
	#failures = 0;

	constructor(options: AutosaveOptions) {
		this.#options = options;
		this.itemId = options.itemId;
		this.version = options.version;
		this.base = copyFields(options.saved);
		this.values = copyFields(options.saved);
	}

	/**
	 * Puts back values kept in the browser. Based on an older version than the stored one, they go
	 * out on that version, so the server answers with a conflict instead of taking them blindly.
	 */
	restore(baseVersion: number, values: AnswerFields): void {
		if (sameFields(values, this.base) && baseVersion === this.version) {
			this.#options.unsent?.drop();
			return;
		}
		this.values = copyFields(values);
		this.version = Math.min(baseVersion, this.version);
		this.restored = true;
	}

	/** A field changed: a choice saves at once, typing once it pauses. */
	edited(kind: 'choice' | 'text'): void {
		this.restored = false;
		// A refused value being corrected: try again once the person pauses.
		if (this.problem === 'invalid') this.problem = null;
		if (this.dirty) this.#options.unsent?.keep(this.version, copyFields(this.values));
		else if (!this.saving) this.#options.unsent?.drop();
		this.#schedule(kind === 'choice' ? 0 : (this.#options.typingDelay ?? TYPING_DELAY));
	}

	compositionStarted(): void {
		this.#composing = true;
		clearTimeout(this.#timer);
	}

	compositionEnded(): void {
		this.#composing = false;
		this.edited('text');
	}

	/** The person asks for a save (the Save button, "send" after a restore, "retry"). */
	saveNow(): void {
		if (this.problem !== 'locked') this.problem = null;
		this.theirs = null;
		this.restored = false;
		this.#failures = 0;
		this.#schedule(0, true);
	}

	/** The browser is back online: a failed save goes again at once. */
	online(): void {
		if (this.problem === 'failed') this.#schedule(0);
	}

	/** Puts the stored values back in the fields and forgets the unsent ones. */
	discard(): void {
		clearTimeout(this.#timer);
		this.values = copyFields(this.base);
		this.restored = false;
		if (this.problem !== 'locked') this.problem = null;
		this.errors = {};
		this.#options.unsent?.drop();
	}

	dispose(): void {
		clearTimeout(this.#timer);
	}

	#schedule(delay: number, deliberate = false): void {
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.#flush(deliberate), delay);
	}

	async #flush(deliberate: boolean): Promise<void> {
		// The composition's end schedules the save; until then the text is not what the person means.
		if (this.#composing) return;
		// The answer to the save in flight sends whatever changed meanwhile.
		if (this.saving) return;
		if (!deliberate && this.problem !== null && this.problem !== 'failed') return;
		if (this.restored && !deliberate) return;
		if (!this.dirty && !deliberate) {
			if (this.problem === 'failed') this.problem = null;
			return;
		}
		if (!this.dirty && this.version > 0) {
			// Nothing to record: the server holds these values already.
			this.problem = null;
			return;
		}
		await this.#send();
	}

	async #send(): Promise<void> {
		const sent = copyFields(this.values);
		const version = this.version;
		this.saving = true;
		let outcome: SaveOutcome;
		try {
			outcome = await this.#options.send({ itemId: this.itemId, version, values: sent });
		} catch {
			outcome = { kind: 'failed' };
		}
		this.saving = false;
		this.#answered(outcome, sent);
	}

	#answered(outcome: SaveOutcome, sent: AnswerFields): void {
		const unsent = this.#options.unsent;
		switch (outcome.kind) {
			case 'saved':
				this.#failures = 0;
				this.version = outcome.version;
				this.base = sent;
				this.problem = null;
				this.errors = {};
				this.#options.onsaved?.(this.itemId, outcome.version);
				if (this.dirty) {
					// Typed while the save was on its way: it goes next, on the version just returned.
					unsent?.keep(this.version, copyFields(this.values));
					this.#schedule(0);
				} else unsent?.drop();
				return;
			case 'conflict':
				this.version = outcome.version;
				this.theirs = outcome.theirs;
				if (outcome.theirs) this.base = outcome.theirs;
				this.problem = 'conflict';
				return;
			case 'invalid':
				this.errors = outcome.errors;
				this.problem = 'invalid';
				return;
			case 'locked':
				this.lockedMessage = outcome.message;
				this.problem = 'locked';
				return;
			case 'signed_out':
				this.problem = 'signed_out';
				return;
			case 'failed': {
				this.problem = 'failed';
				const delay = RETRY_DELAYS[Math.min(this.#failures, RETRY_DELAYS.length - 1)] ?? 30_000;
				this.#failures += 1;
				this.#schedule(delay);
				return;
			}
		}
	}
}
