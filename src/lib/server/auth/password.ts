import { hash, verify } from '@node-rs/argon2';

// argon2id (the library's default algorithm) with OWASP's recommended minimum cost.
const FULL_COST = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
// For the test suite only: every test signs up several people, and the full cost is most of that.
const TEST_COST = { memoryCost: 256, timeCost: 1, parallelism: 1 } as const;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/**
 * The cheap profile only under test (NODE_ENV=test) on a server nobody else can reach (it listens on
 * loopback). Anything else, a production server or a test server bound to a real interface, pays
 * the full cost: a missing or mistaken variable never weakens a real password.
 */
export function cheapHashingAllowed(env: NodeJS.ProcessEnv = process.env): boolean {
	return env.NODE_ENV === 'test' && LOOPBACK.has(env.HOST?.trim() ?? '');
}

function costNow(env: NodeJS.ProcessEnv = process.env) {
	return cheapHashingAllowed(env) ? TEST_COST : FULL_COST;
}

export function hashPassword(password: string): Promise<string> {
	return hash(password, costNow());
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

/** The cost a hash was made with, as argon2 writes it into the hash: `$argon2id$v=19$m=…,t=…,p=…$`. */
export function hashCost(
	passwordHash: string
): { memoryCost: number; timeCost: number; parallelism: number } | null {
	const match = /^\$argon2id?\$v=\d+\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(passwordHash);
	if (!match) return null;
	return {
		memoryCost: Number(match[1]),
		timeCost: Number(match[2]),
		parallelism: Number(match[3])
	};
}

/**
 * True when a hash is cheaper than what this server would make now (a hash from a test run, or
 * from an older, lower cost): the next successful login should store a new one.
 */
export function needsRehash(passwordHash: string, env: NodeJS.ProcessEnv = process.env): boolean {
	const cost = hashCost(passwordHash);
	if (!cost) return false;
	const wanted = costNow(env);
	return cost.memoryCost < wanted.memoryCost || cost.timeCost < wanted.timeCost;
}

// A real hash, so an unknown email costs the same time as a wrong password.
let dummyHash: Promise<string> | null = null;
export async function verifyAgainstDummy(password: string): Promise<void> {
	dummyHash ??= hashPassword('not-a-real-password-for-timing');
	await verifyPassword(await dummyHash, password);
}
