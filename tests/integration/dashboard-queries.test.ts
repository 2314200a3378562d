import type { KyselyPlugin } from 'kysely';
import { describe, expect, it } from 'vitest';
import { importCorpus } from '../../src/lib/server/corpus';
import { testCorpusCacheDir } from '../setup/databases';
import { createClient } from '../../src/lib/server/clients/service';
import { loadClientDashboard } from '../../src/lib/server/clients/dashboard';
import { listAssessmentRows } from '../../src/lib/server/assessments/list';
import { startAssessment } from '../../src/lib/server/assessments/service';
import { findMembership } from '../../src/lib/server/db/queries/organisations';
import { createOrganisation } from '../../src/lib/server/orgs/organisations';
import type { Database } from '../../src/lib/server/db/connection';
import { useTestDatabase } from '../helpers/database';
import { person } from '../helpers/seed-assessment';

const database = useTestDatabase('dashboard');

/** Counts the queries a piece of work sends. */
function counting(db: Database): { db: Database; count: () => number } {
	let n = 0;
	const plugin: KyselyPlugin = {
		transformQuery: (args) => {
			n += 1;
			return args.node;
		},
		transformResult: async (args) => args.result
	};
	return { db: db.withPlugin(plugin), count: () => n };
}

async function consultancyWith(db: Database, clients: number) {
	const userId = await person(db, 'C');
	const actor = { userId };
	const orgId = await createOrganisation(db, actor, { name: 'Scale', kind: 'consultancy' });
	for (let i = 0; i < clients; i++) {
		const clientId = await createClient(db, actor, {
			orgId,
			fields: { name: `Client ${i}`, registeredName: null, contact: null, notes: '' }
		});
		for (const year of [2025, 2026])
			await startAssessment(db, actor, { orgId, title: `${year}`, clientId });
	}
	return { orgId, membership: (await findMembership(db, userId, orgId))! };
}

describe('the consultancy dashboard and assessment list', () => {
	it('send the same number of queries for 2 clients as for 12', async () => {
		const db = database().db;
		await importCorpus(db, { cacheDir: testCorpusCacheDir() });
		const small = await consultancyWith(db, 2);
		const large = await consultancyWith(db, 12);
		const queries = async (work: (db: Database) => Promise<unknown>) => {
			const c = counting(db);
			await work(c.db);
			return c.count();
		};
		const dashboard = (orgId: string) => (d: Database) => loadClientDashboard(d, orgId);
		const few = await queries(dashboard(small.orgId));
		expect(few).toBeGreaterThan(0);
		// A fixed handful whatever the number of clients; the firms' identities come in one batch,
		// the responsible consultants' names in one more.
		expect(few).toBeLessThanOrEqual(7);
		expect(await queries(dashboard(large.orgId))).toBe(few);
		const rows = await loadClientDashboard(db, large.orgId);
		expect(rows).toHaveLength(12);
		expect(rows.every((r) => r.latest?.title === '2026')).toBe(true);

		const list = (m: typeof small.membership) => (d: Database) => listAssessmentRows(d, m);
		expect(await queries(list(large.membership))).toBe(await queries(list(small.membership)));
	});
});
