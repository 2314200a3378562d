import { describe, expect, it } from 'vitest';
import { detectLogoMime } from '../../src/lib/server/orgs/branding';

describe('detectLogoMime', () => {
	it('knows PNG and JPEG by their magic bytes, whatever the file claims', () => {
		const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
		const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
		expect(detectLogoMime(png)).toBe('image/png');
		expect(detectLogoMime(jpeg)).toBe('image/jpeg');
	});

	it('refuses anything else: GIF, SVG, a truncated PNG header, nothing at all', () => {
		expect(detectLogoMime(new TextEncoder().encode('GIF89a'))).toBeNull();
		expect(
			detectLogoMime(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))
		).toBeNull();
		expect(detectLogoMime(Uint8Array.from([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
		expect(detectLogoMime(new Uint8Array())).toBeNull();
	});
});
