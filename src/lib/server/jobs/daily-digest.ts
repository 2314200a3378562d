import { audited } from '../db/audited';
import type { Database } from '../db/connection';
import { listOrgAudience } from '../db/queries/audience';
import { listDueFigures, type DueFigures } from '../db/queries/digest';
import { reachesAssessment } from '../auth/scope';
import { enqueueMail } from '../mail/outbox';
import { findNotificationPreferences } from '../db/queries/notifications';
import { shanghaiDay } from './schedule';

const SOON_DAYS = 7;

/**
 * The daily digest: one mail per person (not one per item) listing the assessments they reach with
 * gaps overdue or due within a week, in their language. Respondents limited to some domains are
 * left out (the counts cover every domain), and so is whoever turned the digest off. Audited as one `digest.sent` row per organisation.
 */
export async function runDailyDigest(
	db: Database,
	input: { now: Date; origin: string; jobId: string }
): Promise<number> {
	const today = shanghaiDay(input.now);
	const figures = await listDueFigures(db, { today, soonDays: SOON_DAYS });
	const byOrg = new Map<string, DueFigures[]>();
	for (const f of figures) byOrg.set(f.orgId, [...(byOrg.get(f.orgId) ?? []), f]);
	let sent = 0;
	for (const [orgId, assessments] of byOrg) {
		const audience = await listOrgAudience(db, orgId);
		const prefs = await findNotificationPreferences(
			db,
			audience.map((a) => a.userId)
		);
		await audited(db, { userId: null }, async (tx) => {
			let recipients = 0;
			for (const person of audience) {
				if (person.role === 'viewer' || !prefs.get(person.userId)?.digest) continue;
				if (person.role === 'respondent' && (person.domains?.length ?? 0) > 0) continue;
				const membership = { orgId, orgName: '', orgKind: 'consultancy' as const, ...person };
				const mine = assessments.filter((a) =>
					reachesAssessment(membership, { id: a.assessmentId, clientId: a.clientId })
				);
				if (mine.length === 0) continue;
				await enqueueMail(tx, {
					to: person.email,
					language: person.language,
					template: 'due_digest',
					data: {
						name: person.name,
						day: today,
						assessments: mine.map((a) => ({
							title: a.title,
							overdue: a.overdue,
							dueSoon: a.dueSoon,
							link: `${input.origin}/o/${orgId}/assessments/${a.assessmentId}/result`
						}))
					},
					orgId,
					userId: person.userId
				});
				recipients += 1;
			}
			if (recipients > 0)
				tx.record({
					action: 'digest.sent',
					orgId,
					entity: { type: 'job', id: input.jobId },
					after: { day: today, recipients, assessments: assessments.length }
				});
			sent += recipients;
		});
	}
	return sent;
}
