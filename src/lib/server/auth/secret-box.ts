import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { readServerEnv, type ServerEnv } from '../env';
import { logger } from '../logger';

/**
 * Secrets the app must read back (a two-factor key, which checks every code) are stored encrypted
 * with AES-256-GCM (node:crypto: authenticated, no dependency), so a copy of the database or a
 * backup alone does not give an attacker anyone's second factor.
 *
 * The key: SECRET_KEY (32 bytes, as 64 hex digits or base64), the same for every instance that
 * shares the database; without it, a key file made once in DATA_DIR (`secret-key`, mode 0600),
 * which is what the embedded database needs and no operator has to think about. Kept apart from
 * the database it protects: back it up beside the data directory, not inside a database dump.
 *
 * A sealed value: version byte (1), 12-byte nonce, 16-byte tag, ciphertext. The associated data
 * names what the value is for (`totp:<user id>`), so a value copied to another row does not open.
 */
const VERSION = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_FILE = 'secret-key';

let cached: { source: string; key: Buffer } | null = null;

/** The key, read (or, for the key file, made) once per process. */
export function secretKey(
	env: Pick<ServerEnv, 'secretKey' | 'dataDir' | 'databaseUrl'> = readServerEnv()
): Buffer {
	const source = env.secretKey ? `env:${env.secretKey}` : `file:${env.dataDir}`;
	if (cached?.source === source) return cached.key;
	const key = env.secretKey ? parseKey(env.secretKey) : keyFile(env.dataDir);
	if (!env.secretKey && env.databaseUrl)
		logger.warn(
			{ keyFile: path.join(env.dataDir, KEY_FILE) },
			'SECRET_KEY is not set: two-factor keys are encrypted with the key file in DATA_DIR. ' +
				'Every instance sharing this database must use the same key: set SECRET_KEY on each.'
		);
	cached = { source, key };
	return key;
}

/** SECRET_KEY: 32 bytes, as 64 hex digits or as base64. */
export function parseKey(text: string): Buffer {
	const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
	if (key.length !== 32 || (!/^[0-9a-f]{64}$/i.test(text) && key.toString('base64') !== text))
		throw new Error(
			'SECRET_KEY must be 32 random bytes, as 64 hex digits or base64 ' +
				'(for example: openssl rand -hex 32)'
		);
	return key;
}

/** The key file in DATA_DIR: made once with mode 0600; a second process racing reads the first's. */
function keyFile(dataDir: string): Buffer {
	const file = path.join(dataDir, KEY_FILE);
	fs.mkdirSync(dataDir, { recursive: true });
	try {
		fs.writeFileSync(file, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
	}
	return parseKey(fs.readFileSync(file, 'utf8').trim());
}

/** A hint of which key sealed what, for the operator's log: never the key itself. */
const keyId = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 8);

export function seal(plain: Uint8Array, purpose: string, key = secretKey()): Uint8Array {
	const nonce = randomBytes(NONCE_BYTES);
	const cipher = createCipheriv('aes-256-gcm', key, nonce);
	cipher.setAAD(Buffer.from(purpose, 'utf8'));
	const body = Buffer.concat([cipher.update(plain), cipher.final()]);
	return new Uint8Array(Buffer.concat([Buffer.of(VERSION), nonce, cipher.getAuthTag(), body]));
}

/** The plain value, or null when it does not open (another key, another row, tampered). */
export function open(sealed: Uint8Array, purpose: string, key = secretKey()): Uint8Array | null {
	const bytes = Buffer.from(sealed);
	if (bytes.length <= 1 + NONCE_BYTES + TAG_BYTES || bytes[0] !== VERSION) return null;
	try {
		const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(1, 1 + NONCE_BYTES));
		decipher.setAAD(Buffer.from(purpose, 'utf8'));
		decipher.setAuthTag(bytes.subarray(1 + NONCE_BYTES, 1 + NONCE_BYTES + TAG_BYTES));
		const plain = Buffer.concat([
			decipher.update(bytes.subarray(1 + NONCE_BYTES + TAG_BYTES)),
			decipher.final()
		]);
		return new Uint8Array(plain);
	} catch {
		logger.error(
			{ purpose, keyId: keyId(key) },
			'a sealed secret does not open with this key: is SECRET_KEY the same on every instance?'
		);
		return null;
	}
}

/** Whether a stored value is sealed (a two-factor key stored before encryption is not). */
export const isSealed = (value: Uint8Array) =>
	value.length > 1 + NONCE_BYTES + TAG_BYTES && value[0] === VERSION;

export const totpPurpose = (userId: string) => `totp:${userId}`;
