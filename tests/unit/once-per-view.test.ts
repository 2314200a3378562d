import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { oncePerView } from '../../src/lib/server/web/guards/once';

const event = (method: string, locals: object = {}) =>
	({ request: new Request('http://localhost/x', { method }), locals }) as unknown as RequestEvent;

describe('a read made once per page view', () => {
	it('is shared by the layouts and page of one GET, and not across requests', async () => {
		let reads = 0;
		const read = async () => ++reads;
		const locals = {};
		const layout = event('GET', locals);
		const page = event('GET', locals);
		expect(await oncePerView(layout, 'assessment:a', read)).toBe(1);
		expect(await oncePerView(page, 'assessment:a', read)).toBe(1);
		expect(await oncePerView(page, 'assessment:b', read)).toBe(2);
		expect(await oncePerView(event('GET'), 'assessment:a', read)).toBe(3);
	});

	it('is read again each time in a form action, which may have changed it', async () => {
		let reads = 0;
		const read = async () => ++reads;
		const post = event('POST');
		expect(await oncePerView(post, 'assessment:a', read)).toBe(1);
		expect(await oncePerView(post, 'assessment:a', read)).toBe(2);
	});

	it('gives every asker the same refusal', async () => {
		const locals = {};
		let reads = 0;
		const refused = async () => {
			reads++;
			throw new Error('not found');
		};
		await expect(oncePerView(event('GET', locals), 'm', refused)).rejects.toThrow('not found');
		await expect(oncePerView(event('GET', locals), 'm', refused)).rejects.toThrow('not found');
		expect(reads).toBe(1);
	});
});
