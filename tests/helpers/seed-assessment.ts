import type { Profile } from '../../src/lib/domain/profile';
import { importCorpus } from '../../src/lib/server/corpus';
import type { Database } from '../../src/lib/server/db/connection';
import type { AnswerValues } from '../../src/lib/server/db/queries/answers';
import { findAssessment, type AssessmentRecord } from '../../src/lib/server/db/queries/assessments';
import { insertClient } from '../../src/lib/server/db/queries/clients';
import { insertUser } from '../../src/lib/server/db/queries/users';
import { saveAnswer, saveProfile, startAssessment } from '../../src/lib/server/assessments/service';
import { createOrganisation } from '../../src/lib/server/orgs/organisations';
import { baseProfile } from './assessment';

/** The base profile as the profile form stores it: yes/no answers as booleans. */
export const storedProfile: Profile = Object.fromEntries(
	Object.entries(baseProfile).map(([k, v]) => [k, v === 'true' ? true : v === 'false' ? false : v])
);

export async function person(db: Database, label: string): Promise<string> {
	const id = crypto.randomUUID();
	await insertUser(db, { id, email: `${label}-${id}@example.com`, name: label, passwordHash: 'x' });
	return id;
}

export async function consultancy(db: Database, name = '浦江咨询') {
	await importCorpus(db);
	const ownerId = await person(db, 'owner');
	const orgId = await createOrganisation(db, { name, kind: 'consultancy', ownerId });
	return { orgId, ownerId };
}

export async function addClient(db: Database, orgId: string, name: string): Promise<string> {
	const id = crypto.randomUUID();
	await insertClient(db, {
		id,
		orgId,
		name,
		registeredName: null,
		contact: null,
		notes: '',
		createdBy: null
	});
	return id;
}

/** An assessment with the base profile and the given answers, saved through the service. */
export async function seedAssessment(
	db: Database,
	input: {
		orgId: string;
		actorId: string;
		clientId?: string | null;
		answers: Record<string, Partial<AnswerValues> & Pick<AnswerValues, 'status'>>;
	}
): Promise<AssessmentRecord> {
	const id = await startAssessment(db, {
		orgId: input.orgId,
		title: '2026 年度自评',
		actorId: input.actorId,
		clientId: input.clientId ?? null
	});
	let assessment = (await findAssessment(db, { orgId: input.orgId, id }))!;
	await saveProfile(db, {
		assessment,
		profile: storedProfile,
		expectedVersion: assessment.profileVersion,
		actorId: input.actorId
	});
	assessment = (await findAssessment(db, { orgId: input.orgId, id }))!;
	for (const [itemId, values] of Object.entries(input.answers)) {
		const result = await saveAnswer(db, {
			assessment,
			itemId,
			values: { note: '', evidence: [], owner: null, due: null, ...values },
			expectedVersion: 0,
			actorId: input.actorId
		});
		if (!result.ok) throw new Error(`could not save ${itemId}: ${JSON.stringify(result)}`);
	}
	return assessment;
}

export async function countAssessments(db: Database, orgId: string): Promise<number> {
	const row = await db
		.selectFrom('assessments')
		.select((eb) => eb.fn.countAll<string>().as('n'))
		.where('org_id', '=', orgId)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}
