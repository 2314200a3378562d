import { createHash } from 'node:crypto';
import path from 'node:path';

/**
 * The folder of the shared mailbox that holds the mails to one address: each mail is written once
 * per recipient, so that a test waiting for its own mail reads its own few, never the run's
 * thousands (every look read and parsed every mail of the run, on every mail any test received).
 */
export function recipientFolder(dir: string, address: string): string {
	const key = createHash('sha256').update(address.toLowerCase()).digest('hex').slice(0, 32);
	return path.join(dir, key);
}
