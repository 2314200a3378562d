import { describe, expect, it } from 'vitest';
import { latestWriteQueue } from './unsent-store';

/** A write that finishes when the test says so, recording that it ran. */
function writeLog() {
	const ran: string[] = [];
	const finish = new Map<string, () => void>();
	const write = (name: string) => () =>
		new Promise<void>((resolve) => {
			ran.push(name);
			finish.set(name, resolve);
		});
	return { ran, finish, write };
}

describe('the unsent changes’ write queue', () => {
	it('runs one write at a time and, of those waiting, only the latest', async () => {
		const queue = latestWriteQueue();
		const { ran, finish, write } = writeLog();
		queue.push(write('keep "O"'));
		await Promise.resolve();
		// Twenty keystrokes while the first write runs: only the last needs writing.
		for (let i = 1; i <= 20; i++) queue.push(write(`keep ${i}`));
		await new Promise((r) => setTimeout(r, 0));
		expect(ran).toEqual(['keep "O"']);
		finish.get('keep "O"')!();
		await new Promise((r) => setTimeout(r, 0));
		expect(ran).toEqual(['keep "O"', 'keep 20']);
		finish.get('keep 20')!();
		await queue.settled();
		expect(ran).toEqual(['keep "O"', 'keep 20']);
	});

	it('ends with a drop asked for after a keep, and goes on after a write that failed', async () => {
		const queue = latestWriteQueue();
		const { ran, finish, write } = writeLog();
		let failed = false;
		queue.push(() => {
			failed = true;
			return Promise.reject(new Error('no IndexedDB here'));
		});
		await queue.settled();
		expect(failed).toBe(true);
		queue.push(write('keep'));
		queue.push(write('drop'));
		await new Promise((r) => setTimeout(r, 0));
		expect(ran).toEqual(['drop']);
		finish.get('drop')!();
		await queue.settled();
		queue.push(write('keep again'));
		await new Promise((r) => setTimeout(r, 0));
		expect(ran).toEqual(['drop', 'keep again']);
	});
});
