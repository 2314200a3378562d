import { requireMembership } from '$lib/server/web/guards/auth';
import { isRestricted } from '$lib/server/auth/scope';
import { listAssessmentRows } from '$lib/server/assessments/list';
import { loadClientDashboard } from '$lib/server/clients/dashboard';
import { loadFirmHome } from '$lib/server/assessments/home';
import { START_ROLES } from '$lib/server/web/guards/assessment';
import { rememberActiveOrganisation } from '$lib/server/auth/session';
import { runtime } from '$lib/server/web/runtime';
import { expiringEvidenceQueue } from '$lib/server/evidence/expiring-queue';
import { shanghaiDay } from '$lib/server/jobs/schedule';
import { staleQueue } from '$lib/server/pack/staleness';
import { getLocale } from '$lib/paraglide/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { membership, session } = await requireMembership(event, event.params.orgId);
	const db = runtime().db;
	// Opening an organisation makes it the one the user lands on next time.
	await rememberActiveOrganisation(db, session, membership.orgId);
	// A restricted respondent's overview is their own work; a consultancy's, its clients; a firm's,
	// its current assessment and what to do next.
	const canStart = START_ROLES.includes(membership.role);
	if (isRestricted(membership))
		return {
			myWork: await listAssessmentRows(db, membership),
			dashboard: null,
			home: null,
			expiring: [],
			stale: [],
			canStart
		};
	const today = shanghaiDay(new Date());
	const lang = getLocale() === 'en' ? 'en' : 'zh';
	if (membership.orgKind === 'consultancy') {
		const dashboard = await loadClientDashboard(db, membership.orgId);
		const clientOf = new Map(dashboard.flatMap((r) => (r.latest ? [[r.latest.id, r]] : [])));
		return {
			myWork: null,
			dashboard,
			home: null,
			// The evidence of each client's newest assessment that has expired or soon will.
			expiring: await expiringEvidenceQueue(
				db,
				dashboard.flatMap((r) => (r.latest ? [r.latest] : [])),
				today,
				(id) => clientOf.get(id)?.clientName ?? null
			),
			// What each client's newest assessment relies on that has lapsed or will by filing.
			stale: await staleQueue(
				db,
				membership.orgId,
				dashboard.flatMap((r) => (r.latest ? [r.latest] : [])),
				today,
				lang,
				(id) => clientOf.get(id)?.clientName ?? null
			),
			canStart
		};
	}
	const home = await loadFirmHome(db, membership.orgId);
	return {
		myWork: null,
		dashboard: null,
		home,
		expiring: home.current ? await expiringEvidenceQueue(db, [home.current], today) : [],
		stale: home.current ? await staleQueue(db, membership.orgId, [home.current], today, lang) : [],
		canStart
	};
};
