import { describe, expect, it } from 'vitest';
import { importCorpus } from '../../src/lib/server/corpus';
import { testCorpusCacheDir } from '../setup/databases';
import { startAssessment } from '../../src/lib/server/assessments/service';
import { signUp } from '../../src/lib/server/auth/accounts';
import { findOrganisationLogo } from '../../src/lib/server/db/queries/branding';
import { setOrganisationLogo } from '../../src/lib/server/orgs/branding';
import { findCachedReport, storeCachedReport } from '../../src/lib/server/db/queries/report-cache';
import { useTestDatabase } from '../helpers/database';

// Binary columns (bytea) come back as a Buffer from pg and as a Uint8Array from PGlite, and each
// driver takes a different type in: the queries must give back exactly the bytes stored, on both.
const database = useTestDatabase('driver');

/** Every byte value, as a view that does not start at the beginning of its buffer. */
function awkwardBytes(): Uint8Array {
	const backing = new Uint8Array(300);
	for (let i = 0; i < backing.length; i++) backing[i] = i % 256;
	return backing.subarray(7, 7 + 256);
}

async function organisation() {
	const db = database().db;
	const signedUp = await signUp(db, {
		name: 'Owner',
		email: `${crypto.randomUUID()}@example.com`,
		password: 'a long enough password',
		orgName: 'Bytes',
		orgKind: 'consultancy'
	});
	if (!signedUp.ok || !signedUp.orgId) throw new Error('sign-up failed');
	return { db, orgId: signedUp.orgId, ownerId: signedUp.userId };
}

describe('binary values on each database', () => {
	it('keep a logo byte for byte, and remove it', async () => {
		const { db, orgId, ownerId } = await organisation();
		const actor = { userId: ownerId };
		const bytes = awkwardBytes();
		await setOrganisationLogo(db, actor, { orgId, logo: { bytes, mime: 'image/png' } });
		const logo = await findOrganisationLogo(db, orgId);
		expect(logo?.mime).toBe('image/png');
		expect(logo?.bytes).toBeInstanceOf(Uint8Array);
		expect([...logo!.bytes]).toEqual([...bytes]);
		await setOrganisationLogo(db, actor, { orgId, logo: null });
		expect(await findOrganisationLogo(db, orgId)).toBeNull();
	});

	it('keep a cached report byte for byte', async () => {
		const { db, orgId, ownerId } = await organisation();
		await importCorpus(db, { cacheDir: testCorpusCacheDir() });
		const assessmentId = await startAssessment(db, { userId: ownerId }, { orgId, title: 'Bytes' });
		const bytes = awkwardBytes();
		await storeCachedReport(db, { key: `k-${assessmentId}`, assessmentId, lang: 'en', bytes });
		const found = await findCachedReport(db, `k-${assessmentId}`);
		expect(found).toBeInstanceOf(Uint8Array);
		expect([...found!]).toEqual([...bytes]);
		expect(await findCachedReport(db, 'no-such-key')).toBeNull();
	});
});
