import type { Database } from '../db/connection';
import { audited, type Actor } from '../db/audited';
import { updateAssessmentSchedule, type AssessmentRecord } from '../db/queries/assessments';
import { listMembers } from '../db/queries/organisations';
import { findUserById } from '../db/queries/users';
import type { Role } from '../db/schema';
import { scheduleStanding, type AssessmentScheduleView } from '../../domain/assessment-schedule';
import { shanghaiDay } from '../jobs/schedule';
import { notifyAssigned, type NotifyOptions } from '../notifications/notify';

/** Who may be named responsible for an assessment, and who sets its due date and that person. */
export const SCHEDULE_ROLES: readonly Role[] = ['owner', 'consultant'];

export interface ResponsiblePerson {
	userId: string;
	name: string;
}

/** The organisation's owners and consultants: the people an assessment may be assigned to. */
export async function listResponsibleCandidates(
	db: Database,
	orgId: string
): Promise<ResponsiblePerson[]> {
	return (await listMembers(db, orgId))
		.filter((m) => SCHEDULE_ROLES.includes(m.role))
		.map((m) => ({ userId: m.userId, name: m.name }));
}

/** The names of the organisation's members by user id, for the assessments' responsible people. */
export async function memberNames(db: Database, orgId: string): Promise<Map<string, string>> {
	return new Map((await listMembers(db, orgId)).map((m) => [m.userId, m.name]));
}

export type AssessmentSchedule = AssessmentScheduleView;

/** The due date, the responsible person's name and how it stands today (Shanghai's date). */
export async function scheduleOf(
	db: Database,
	assessment: AssessmentRecord,
	now = new Date()
): Promise<AssessmentSchedule> {
	const responsible = assessment.responsibleUserId
		? await findUserById(db, assessment.responsibleUserId)
		: null;
	return {
		dueDate: assessment.dueDate,
		responsibleName: responsible?.name ?? null,
		standing: scheduleStanding(assessment.dueDate, assessment.state, shanghaiDay(now))
	};
}

export type ScheduleResult = { ok: true } | { ok: false; reason: 'not_responsible_role' };

/**
 * Sets the assessment's due date and responsible person (either may be null: cleared). The
 * person must be an owner or consultant of the assessment's organisation. Audited with the values
 * before and after; setting what is already set records nothing.
 */
export async function setAssessmentSchedule(
	db: Database,
	actor: Actor,
	input: {
		assessment: AssessmentRecord;
		dueDate: string | null;
		responsibleUserId: string | null;
		/** Tell a newly responsible person (the web passes its origin for links). */
		notify?: NotifyOptions;
	}
): Promise<ScheduleResult> {
	const { assessment, dueDate, responsibleUserId } = input;
	if (responsibleUserId !== null) {
		const candidates = await listResponsibleCandidates(db, assessment.orgId);
		if (!candidates.some((c) => c.userId === responsibleUserId))
			return { ok: false, reason: 'not_responsible_role' };
	}
	const before = {
		dueDate: assessment.dueDate,
		responsibleUserId: assessment.responsibleUserId
	};
	if (before.dueDate === dueDate && before.responsibleUserId === responsibleUserId)
		return { ok: true };
	await audited(db, actor, async (tx) => {
		const updated = await updateAssessmentSchedule(
			tx,
			{ orgId: assessment.orgId, id: assessment.id },
			{ dueDate, responsibleUserId }
		);
		if (!updated) return;
		tx.record({
			action: 'assessment.schedule',
			orgId: assessment.orgId,
			entity: { type: 'assessment', id: assessment.id },
			assessmentId: assessment.id,
			before,
			after: { dueDate, responsibleUserId }
		});
		if (input.notify && responsibleUserId && responsibleUserId !== before.responsibleUserId)
			await notifyAssigned(tx, {
				assessment,
				userId: responsibleUserId,
				notify: input.notify
			});
	});
	return { ok: true };
}
