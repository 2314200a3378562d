import { describe, expect, it } from 'vitest';
import { importCorpus } from '../../src/lib/server/corpus';
import { startAssessment } from '../../src/lib/server/assessments/service';
import {
	findOrganisationLogo,
	updateOrganisationLogo
} from '../../src/lib/server/db/queries/branding';
import { findCachedReport, storeCachedReport } from '../../src/lib/server/db/queries/report-cache';
import { insertUser } from '../../src/lib/server/db/queries/users';
import { createOrganisation } from '../../src/lib/server/orgs/organisations';
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
	const ownerId = crypto.randomUUID();
	await insertUser(db, {
		id: ownerId,
		email: `${ownerId}@example.com`,
		name: 'Owner',
		passwordHash: 'x'
	});
	const orgId = await createOrganisation(db, { name: 'Bytes', kind: 'consultancy', ownerId });
	return { db, orgId, ownerId };
}

describe('binary values on each database', () => {
	it('keep a logo byte for byte, and remove it', async () => {
		const { db, orgId } = await organisation();
		const bytes = awkwardBytes();
		await updateOrganisationLogo(db, orgId, { bytes, mime: 'image/png' });
		const logo = await findOrganisationLogo(db, orgId);
		expect(logo?.mime).toBe('image/png');
		expect(logo?.bytes).toBeInstanceOf(Uint8Array);
		expect([...logo!.bytes]).toEqual([...bytes]);
		await updateOrganisationLogo(db, orgId, null);
		expect(await findOrganisationLogo(db, orgId)).toBeNull();
	});

	it('keep a cached report byte for byte', async () => {
		const { db, orgId, ownerId } = await organisation();
		await importCorpus(db);
		const assessmentId = await startAssessment(db, { orgId, title: 'Bytes', actorId: ownerId });
		const bytes = awkwardBytes();
		await storeCachedReport(db, { key: `k-${assessmentId}`, assessmentId, lang: 'en', bytes });
		const found = await findCachedReport(db, `k-${assessmentId}`);
		expect(found).toBeInstanceOf(Uint8Array);
		expect([...found!]).toEqual([...bytes]);
		expect(await findCachedReport(db, 'no-such-key')).toBeNull();
	});
});
