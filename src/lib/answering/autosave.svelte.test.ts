import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
	AnswerAutosave,
	RETRY_DELAYS,
	TYPING_DELAY,
	type SaveOutcome,
	type SaveRequest
} from './autosave.svelte';
import { emptyAnswer, type AnswerFields } from './fields';

/** A server the test answers by hand: each save waits until the test says what it returned. */
function fakeServer() {
	const requests: { request: SaveRequest; answer: (o: SaveOutcome) => void }[] = [];
	const send = (request: SaveRequest) =>
		new Promise<SaveOutcome>((answer) => requests.push({ request, answer }));
	return { requests, send };
}

function unsentMemory() {
	const kept = new Map<string, { baseVersion: number; values: AnswerFields }>();
	return {
		kept,
		keep: (baseVersion: number, values: AnswerFields) =>
			void kept.set('item', { baseVersion, values }),
		drop: () => void kept.delete('item')
	};
}

const answer = (over: Partial<AnswerFields> = {}): AnswerFields => ({ ...emptyAnswer(), ...over });
/** Lets the timers due by now run, and the promises they start settle. */
const tick = (ms = 0) => vi.advanceTimersByTimeAsync(ms);

let server: ReturnType<typeof fakeServer>;
let unsent: ReturnType<typeof unsentMemory>;
let saves: number[];
function autosave(version = 0, saved = answer()) {
	return new AnswerAutosave({
		itemId: 'LIC-001',
		version,
		saved,
		send: server.send,
		unsent,
		onsaved: (_item, v) => saves.push(v)
	});
}

beforeEach(() => {
	vi.useFakeTimers();
	server = fakeServer();
	unsent = unsentMemory();
	saves = [];
});
afterEach(() => {
	vi.useRealTimers();
});

describe('AnswerAutosave', () => {
	it('saves a choice at once and typing once it pauses', async () => {
		const a = autosave();
		a.values.status = 'compliant';
		a.edited('choice');
		await tick();
		expect(server.requests).toHaveLength(1);
		expect(a.state).toBe('saving');
		server.requests[0]!.answer({ kind: 'saved', version: 1 });
		await tick();
		expect(a.state).toBe('saved');

		a.values.note = 'Licence';
		a.edited('text');
		await tick(TYPING_DELAY - 1);
		expect(server.requests).toHaveLength(1);
		a.values.note = 'Licence granted';
		a.edited('text');
		await tick(TYPING_DELAY - 1);
		expect(server.requests).toHaveLength(1);
		await tick(1);
		expect(server.requests[1]!.request).toMatchObject({
			version: 1,
			values: { status: 'compliant', note: 'Licence granted' }
		});
	});

	it('keeps one save in flight; edits made meanwhile go next, merged, on the returned version', async () => {
		const a = autosave(3, answer({ status: 'partial' }));
		a.values.note = 'one';
		a.edited('text');
		await tick(TYPING_DELAY);
		a.values.note = 'one two';
		a.edited('text');
		a.values.evidence = 'POL-1';
		a.edited('text');
		await tick(TYPING_DELAY * 3);
		expect(server.requests).toHaveLength(1);
		server.requests[0]!.answer({ kind: 'saved', version: 4 });
		await tick();
		// The fields were not touched by the answer: they still hold what was typed since.
		expect(a.values).toMatchObject({ note: 'one two', evidence: 'POL-1' });
		expect(server.requests).toHaveLength(2);
		expect(server.requests[1]!.request).toMatchObject({
			version: 4,
			values: { status: 'partial', note: 'one two', evidence: 'POL-1' }
		});
		server.requests[1]!.answer({ kind: 'saved', version: 5 });
		await tick();
		expect(a.version).toBe(5);
		expect(a.state).toBe('saved');
		expect(saves).toEqual([4, 5]);
	});

	it('sends nothing while an input method composes, and the whole text after it ends', async () => {
		const a = autosave(1, answer({ status: 'compliant' }));
		a.compositionStarted();
		a.values.note = 'pi zhun';
		a.edited('text');
		await tick(TYPING_DELAY * 5);
		expect(server.requests).toHaveLength(0);
		a.values.note = '批准';
		a.compositionEnded();
		await tick(TYPING_DELAY);
		expect(server.requests).toHaveLength(1);
		expect(server.requests[0]!.request.values.note).toBe('批准');
	});

	it('records nothing when nothing changed', async () => {
		const a = autosave(2, answer({ status: 'compliant', note: 'x' }));
		a.values.note = 'xy';
		a.edited('text');
		a.values.note = 'x';
		a.edited('text');
		await tick(TYPING_DELAY * 2);
		a.edited('choice');
		await tick();
		expect(server.requests).toHaveLength(0);
		expect(a.state).toBe('saved');
		// A Save pressed on an unchanged answer sends nothing either.
		a.saveNow();
		await tick();
		expect(server.requests).toHaveLength(0);
		expect(unsent.kept.size).toBe(0);
	});

	it('shows a conflict, keeps both answers, and does not autosave over theirs', async () => {
		const a = autosave(1, answer({ status: 'compliant' }));
		a.values.note = 'mine';
		a.edited('text');
		await tick(TYPING_DELAY);
		const theirs = answer({ status: 'partial', note: 'theirs' });
		server.requests[0]!.answer({ kind: 'conflict', version: 2, theirs });
		await tick();
		expect(a.problem).toBe('conflict');
		expect(a.theirs).toEqual(theirs);
		expect(a.values.note).toBe('mine');
		a.values.note = 'mine, more';
		a.edited('text');
		await tick(TYPING_DELAY * 5);
		expect(server.requests).toHaveLength(1);
		// Saving on purpose goes on their version.
		a.saveNow();
		await tick();
		expect(server.requests[1]!.request).toMatchObject({
			version: 2,
			values: { note: 'mine, more' }
		});
	});

	it('after a failure, shows it, keeps the change and retries with back-off, at once when back online', async () => {
		const a = autosave(1, answer({ status: 'compliant' }));
		a.values.note = 'offline';
		a.edited('text');
		expect(unsent.kept.get('item')).toEqual({ baseVersion: 1, values: a.values });
		await tick(TYPING_DELAY);
		server.requests[0]!.answer({ kind: 'failed' });
		await tick();
		expect(a.state).toBe('failed');
		await tick(RETRY_DELAYS[0]);
		expect(server.requests).toHaveLength(2);
		server.requests[1]!.answer({ kind: 'failed' });
		await tick();
		await tick(RETRY_DELAYS[0]);
		expect(server.requests).toHaveLength(2);
		a.online();
		await tick();
		expect(server.requests).toHaveLength(3);
		server.requests[2]!.answer({ kind: 'saved', version: 2 });
		await tick();
		expect(a.state).toBe('saved');
		expect(unsent.kept.size).toBe(0);
	});

	it('keeps the change when the session has ended, and sends it only when asked after a log-in', async () => {
		const a = autosave(1, answer({ status: 'compliant' }));
		a.values.note = 'typed before expiry';
		a.edited('text');
		await tick(TYPING_DELAY);
		server.requests[0]!.answer({ kind: 'signed_out' });
		await tick();
		expect(a.problem).toBe('signed_out');
		a.values.note = 'typed before expiry!';
		a.edited('text');
		await tick(RETRY_DELAYS.at(-1)! * 2);
		expect(server.requests).toHaveLength(1);
		expect(unsent.kept.get('item')?.values.note).toBe('typed before expiry!');

		// Back after logging in: a new page restores the kept values and waits for the person.
		const kept = unsent.kept.get('item')!;
		const b = autosave(1, answer({ status: 'compliant' }));
		b.restore(kept.baseVersion, kept.values);
		expect(b.restored).toBe(true);
		await tick(TYPING_DELAY * 2);
		expect(server.requests).toHaveLength(1);
		b.saveNow();
		await tick();
		expect(server.requests[1]!.request).toMatchObject({
			version: 1,
			values: { note: 'typed before expiry!' }
		});
	});

	it('restores a change typed on an older version on that version, so the server reports the conflict', () => {
		const a = autosave(4, answer({ status: 'partial', note: 'newer' }));
		a.restore(2, answer({ status: 'partial', note: 'older edit' }));
		expect(a.version).toBe(2);
		expect(a.values.note).toBe('older edit');
	});

	it('shows refused values beside their fields and tries again once they are corrected', async () => {
		const a = autosave(0);
		a.values.status = 'not_applicable';
		a.edited('choice');
		await tick();
		server.requests[0]!.answer({ kind: 'invalid', errors: { note: 'Give a reason' } });
		await tick();
		expect(a.errors.note).toBe('Give a reason');
		a.values.note = 'No such business';
		a.edited('text');
		await tick(TYPING_DELAY);
		expect(server.requests).toHaveLength(2);
	});
});
