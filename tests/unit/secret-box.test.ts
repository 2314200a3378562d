import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	KEY_FILE,
	isSealed,
	open,
	parseKey,
	seal,
	secretKey,
	totpPurpose
} from '../../src/lib/server/auth/secret-box';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'secret-box-'));
const plain = new Uint8Array(Array.from({ length: 20 }, (_, i) => i + 1));

describe('secrets sealed at rest', () => {
	it('opens what it sealed, for the same purpose and key only', () => {
		const key = parseKey('11'.repeat(32));
		const sealed = seal(plain, totpPurpose('a'), key);
		expect(isSealed(sealed)).toBe(true);
		expect(isSealed(plain)).toBe(false);
		expect(Buffer.from(sealed).includes(Buffer.from(plain))).toBe(false);
		expect(open(sealed, totpPurpose('a'), key)).toEqual(plain);
		// Copied to another person's row, or read with another key, or altered: it does not open.
		expect(open(sealed, totpPurpose('b'), key)).toBeNull();
		expect(open(sealed, totpPurpose('a'), parseKey('22'.repeat(32)))).toBeNull();
		const altered = new Uint8Array(sealed);
		altered[altered.length - 1]! ^= 1;
		expect(open(altered, totpPurpose('a'), key)).toBeNull();
		// A new nonce each time.
		expect(seal(plain, totpPurpose('a'), key)).not.toEqual(sealed);
	});

	it('reads SECRET_KEY as 64 hex digits or base64 of 32 bytes, and refuses anything else', () => {
		const bytes = Buffer.alloc(32, 7);
		expect(parseKey(bytes.toString('hex'))).toEqual(bytes);
		expect(parseKey(bytes.toString('base64'))).toEqual(bytes);
		for (const bad of [
			'secret',
			'11'.repeat(16),
			Buffer.alloc(16).toString('base64'),
			'zz'.repeat(32)
		])
			expect(() => parseKey(bad), bad).toThrow(/SECRET_KEY must be 32 random bytes/);
	});

	it('makes the key file once in DATA_DIR, readable by its owner only, and uses SECRET_KEY over it', () => {
		const dataDir = tempDir();
		const first = secretKey({ secretKey: null, dataDir, databaseUrl: null });
		const file = path.join(dataDir, KEY_FILE);
		expect(fs.statSync(file).mode & 0o777).toBe(0o600);
		// Another process (or a restart) reads the same key from the file.
		expect(parseKey(fs.readFileSync(file, 'utf8').trim())).toEqual(first);
		const other = tempDir();
		fs.writeFileSync(path.join(other, KEY_FILE), Buffer.alloc(32, 9).toString('base64'));
		expect(secretKey({ secretKey: null, dataDir: other, databaseUrl: null })).toEqual(
			Buffer.alloc(32, 9)
		);
		const fromEnv = secretKey({ secretKey: '33'.repeat(32), dataDir, databaseUrl: null });
		expect(fromEnv).toEqual(Buffer.alloc(32, 0x33));
	});
});
