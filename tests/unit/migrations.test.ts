import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index';

describe('migrations', () => {
	it('lists every migration file, in file-name order', () => {
		const files = fs
			.readdirSync('migrations')
			.filter((f) => /^\d{4}_\d{2}_\d{2}_\d{6}_.+\.ts$/.test(f))
			.map((f) => f.replace(/\.ts$/, ''))
			.sort();
		expect(Object.keys(migrations)).toEqual(files);
	});
});
