import { describe, expect, it } from 'vitest';
import {
	reachesAssessment,
	reachesDomain,
	reachesWholeAssessments,
	reachOf
} from '../../src/lib/server/auth/scope';
import type { Membership } from '../../src/lib/server/db/queries/organisations';

const member = (over: Partial<Membership>): Membership => ({
	orgId: 'org',
	orgName: 'Org',
	orgKind: 'consultancy',
	role: 'respondent',
	clientId: null,
	assessmentId: null,
	domains: null,
	...over
});
const ofClient = (clientId: string | null, id = 'a1') => ({ id, clientId });

describe('a member’s reach', () => {
	it('is everything for owners, consultants and viewers, whatever scope is stored', () => {
		for (const role of ['owner', 'consultant', 'viewer'] as const) {
			const m = member({ role, clientId: 'c1', domains: ['aml'] });
			expect(reachOf(m)).toBeNull();
			expect(reachesAssessment(m, ofClient('c2'))).toBe(true);
			expect(reachesDomain(m, 'licensing')).toBe(true);
		}
	});

	it('is everything for a firm’s respondent without a client', () => {
		expect(reachOf(member({ orgKind: 'firm' }))).toBeNull();
	});

	it('is nothing for a consultancy’s respondent without a client', () => {
		const m = member({});
		expect(reachesAssessment(m, ofClient(null))).toBe(false);
		expect(reachesAssessment(m, ofClient('c1'))).toBe(false);
	});

	it('is one client, one assessment and some domains when invited so', () => {
		const m = member({ clientId: 'c1', assessmentId: 'a1', domains: ['complaints'] });
		expect(reachesAssessment(m, ofClient('c1', 'a1'))).toBe(true);
		expect(reachesAssessment(m, ofClient('c1', 'a2'))).toBe(false);
		expect(reachesAssessment(m, ofClient('c2', 'a1'))).toBe(false);
		expect(reachesDomain(m, 'complaints')).toBe(true);
		expect(reachesDomain(m, 'licensing')).toBe(false);
		expect(reachesWholeAssessments(m)).toBe(false);
	});

	it('covers every assessment and domain of the client when none is named', () => {
		const m = member({ clientId: 'c1', domains: [] });
		expect(reachesAssessment(m, ofClient('c1', 'any'))).toBe(true);
		expect(reachesDomain(m, 'licensing')).toBe(true);
		expect(reachesWholeAssessments(m)).toBe(true);
	});
});
