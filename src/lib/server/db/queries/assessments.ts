import { sql } from 'kysely';
import type { Profile } from '../../../domain/profile';
import type { Database } from '../connection';
import type { AssessmentState } from '../schema';

export interface AssessmentRecord {
	id: string;
	orgId: string;
	title: string;
	versionHash: string;
	profile: Profile;
	profileVersion: number;
	state: AssessmentState;
	clientId: string | null;
	previousAssessmentId: string | null;
	createdAt: Date;
	updatedAt: Date;
}

const columns = [
	'id',
	'org_id as orgId',
	'title',
	'version_hash as versionHash',
	'profile',
	'profile_version as profileVersion',
	'state',
	'client_id as clientId',
	'previous_assessment_id as previousAssessmentId',
	'created_at as createdAt',
	'updated_at as updatedAt'
] as const;

function toRecord(row: Omit<AssessmentRecord, 'profile'> & { profile: unknown }): AssessmentRecord {
	const profile = typeof row.profile === 'string' ? JSON.parse(row.profile) : row.profile;
	return { ...row, profile: (profile ?? {}) as Profile };
}

export async function insertAssessment(
	db: Database,
	a: {
		id: string;
		orgId: string;
		title: string;
		versionHash: string;
		createdBy: string | null;
		profile?: Profile;
		clientId?: string | null;
		previousAssessmentId?: string | null;
		/** 1 for a profile copied from elsewhere, so it counts as filled in. */
		profileVersion?: number;
	}
): Promise<void> {
	await db
		.insertInto('assessments')
		.values({
			id: a.id,
			org_id: a.orgId,
			title: a.title,
			version_hash: a.versionHash,
			created_by: a.createdBy,
			client_id: a.clientId ?? null,
			previous_assessment_id: a.previousAssessmentId ?? null,
			profile: JSON.stringify(a.profile ?? {}),
			profile_version: a.profileVersion
		})
		.execute();
}

/** Scoped by organisation: another organisation's assessment is simply not found. */
export async function findAssessment(
	db: Database,
	scope: { orgId: string; id: string }
): Promise<AssessmentRecord | null> {
	const row = await db
		.selectFrom('assessments')
		.select(columns)
		.where('org_id', '=', scope.orgId)
		.where('id', '=', scope.id)
		.executeTakeFirst();
	return row ? toRecord(row) : null;
}

export async function listAssessments(
	db: Database,
	scope: { orgId: string }
): Promise<AssessmentRecord[]> {
	const rows = await db
		.selectFrom('assessments')
		.select(columns)
		.where('org_id', '=', scope.orgId)
		.orderBy('created_at', 'desc')
		.execute();
	return rows.map(toRecord);
}

/** Saves the profile if nobody saved it since `expectedVersion`; answers the new version or null. */
export async function updateProfile(
	db: Database,
	scope: { orgId: string; id: string },
	profile: Profile,
	expectedVersion: number
): Promise<number | null> {
	const row = await db
		.updateTable('assessments')
		.set({
			profile: JSON.stringify(profile),
			profile_version: sql`profile_version + 1`,
			updated_at: new Date()
		})
		.where('org_id', '=', scope.orgId)
		.where('id', '=', scope.id)
		.where('profile_version', '=', expectedVersion)
		.returning('profile_version')
		.executeTakeFirst();
	return row?.profile_version ?? null;
}

export async function touchAssessment(db: Database, id: string): Promise<void> {
	await db
		.updateTable('assessments')
		.set({ updated_at: new Date() })
		.where('id', '=', id)
		.execute();
}

/** The name of whoever started the assessment; null once that account is gone. */
export async function findCreatorName(db: Database, assessmentId: string): Promise<string | null> {
	const row = await db
		.selectFrom('assessments as a')
		.innerJoin('users as u', 'u.id', 'a.created_by')
		.select('u.name')
		.where('a.id', '=', assessmentId)
		.executeTakeFirst();
	return row?.name ?? null;
}

/** Moves the assessment to another questionnaire version, if it is still on `fromHash`. */
export async function updateAssessmentVersion(
	db: Database,
	scope: { orgId: string; id: string },
	fromHash: string,
	toHash: string
): Promise<boolean> {
	const result = await db
		.updateTable('assessments')
		.set({ version_hash: toHash, updated_at: new Date() })
		.where('org_id', '=', scope.orgId)
		.where('id', '=', scope.id)
		.where('version_hash', '=', fromHash)
		.where('state', '!=', 'final')
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}
