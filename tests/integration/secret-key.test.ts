import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, testDbKind, type ScratchDatabase } from '../setup/databases';
import { startServer } from '../setup/server-process';

/**
 * The key that seals two-factor keys at rest (src/lib/server/auth/secret-box.ts): on the embedded
 * database a key file made at the first start, readable by its owner only; a malformed SECRET_KEY
 * stops the start with a message saying what it must be, rather than failing at someone's log-in.
 */
describe('the secret key', () => {
	let scratch: ScratchDatabase | undefined;
	afterAll(async () => {
		await scratch?.drop();
	});

	// Two server starts on a fresh database (migrations, the corpus): longer than a request.
	it(
		'is a key file made at the first start; a malformed SECRET_KEY stops the start',
		{
			timeout: 120_000
		},
		async () => {
			scratch = await createScratchDatabase(testDbKind(), 'secret-key');
			const keyFile = path.join(scratch.env.DATA_DIR, 'secret-key');
			const server = await startServer({ ...scratch.env, SECRET_KEY: '' });
			await server.stop();
			expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
			expect(Buffer.from(fs.readFileSync(keyFile, 'utf8').trim(), 'base64')).toHaveLength(32);

			await expect(startServer({ ...scratch.env, SECRET_KEY: 'not-a-key' })).rejects.toThrow(
				/SECRET_KEY must be 32 random bytes, as 64 hex digits or base64/
			);
		}
	);
});
