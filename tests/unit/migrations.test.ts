import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index';

const NAME = /^(\d{4})_(\d{2})_(\d{2})_(\d{2})(\d{2})(\d{2})_[a-z0-9_]+$/;

describe('migrations', () => {
	it('lists every migration file, in file-name order', () => {
		const files = fs
			.readdirSync('migrations')
			.filter((f) => f !== 'index.ts')
			.map((f) => f.replace(/\.ts$/, ''))
			.sort();
		expect(Object.keys(migrations)).toEqual(files);
	});

	it('names each by a real moment, no later than now, so a new one sorts after those landed', () => {
		for (const name of Object.keys(migrations)) {
			const parts = NAME.exec(name);
			expect(parts, `${name} is not YYYY_MM_DD_HHMMSS_snake_name`).not.toBeNull();
			const [, y, mo, d, h, mi, s] = parts!.map(Number);
			const at = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
			expect(at.getUTCDate(), `${name} names no real date`).toBe(d);
			expect(at.getUTCHours(), `${name} names no real time`).toBe(h);
			expect(at.getTime(), `${name} is dated in the future`).toBeLessThanOrEqual(Date.now());
		}
	});
});
