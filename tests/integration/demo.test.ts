import { describe, expect, it } from 'vitest';
import { importCorpus } from '../../src/lib/server/corpus';
import { testCorpusCacheDir } from '../setup/databases';
import { DEMO_CONSULTANT_EMAIL, DEMO_RESPONDENT_EMAIL, seedDemo } from '../../src/lib/server/demo';
import { listAssessments } from '../../src/lib/server/db/queries/assessments';
import { listClients } from '../../src/lib/server/db/queries/clients';
import { listMemberships } from '../../src/lib/server/db/queries/organisations';
import { findUserIdByEmail } from '../../src/lib/server/db/queries/users';
import { loadClientDashboard } from '../../src/lib/server/clients/dashboard';
import { useTestDatabase } from '../helpers/database';

const database = useTestDatabase('demo');

describe('demo data', () => {
	it('gives the consultancy two clients, one assessment in review and a scoped respondent', async () => {
		const db = database().db;
		await importCorpus(db, { cacheDir: testCorpusCacheDir() });
		const banner = await seedDemo(db);
		expect(banner.join('\n')).toContain(DEMO_RESPONDENT_EMAIL);

		const consultant = await findUserIdByEmail(db, DEMO_CONSULTANT_EMAIL);
		const memberships = await listMemberships(db, consultant!);
		const org = memberships.find((m) => m.orgName === '外滩合规咨询（演示）')!;
		const clients = await listClients(db, { orgId: org.orgId });
		expect(clients).toHaveLength(2);
		const assessments = await listAssessments(db, { orgId: org.orgId });
		expect(new Set(assessments.map((a) => a.clientId))).toEqual(new Set(clients.map((c) => c.id)));
		expect(assessments.map((a) => a.state).sort()).toEqual(['draft', 'in_review']);

		const dashboard = await loadClientDashboard(db, org.orgId);
		expect(dashboard.map((r) => r.waitingForReview).sort()).toEqual([0, 1]);
		expect(dashboard.every((r) => r.latest !== null)).toBe(true);

		const respondent = await findUserIdByEmail(db, DEMO_RESPONDENT_EMAIL);
		const [scoped, ...others] = await listMemberships(db, respondent!);
		expect(others).toEqual([]);
		expect(scoped).toMatchObject({ orgId: org.orgId, role: 'respondent' });
		const inReview = assessments.find((a) => a.state === 'in_review')!;
		expect(scoped!.clientId).toBe(inReview.clientId);
	});
});
