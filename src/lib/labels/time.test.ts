import { describe, expect, it } from 'vitest';
import { chinaTime, chinaTimeFormat } from './time';

describe('chinaTime', () => {
	it('shows a moment in Beijing time, named, whatever the process’s zone', () => {
		// 16:30 UTC on 31 December is half past midnight on 1 January in Beijing.
		const at = new Date('2026-12-31T16:30:00Z');
		expect(chinaTime(at, 'zh')).toBe('2027年1月1日 00:30（北京时间）');
		expect(chinaTime(at.toISOString(), 'en')).toBe('1 Jan 2027, 00:30 China Standard Time');
	});
});

describe('chinaTimeFormat', () => {
	it('formats in Beijing time', () => {
		expect(chinaTimeFormat('en').format(new Date('2026-12-31T16:30:00Z'))).toBe(
			'1 Jan 2027, 00:30'
		);
	});
});
