import type { Profile } from '../../src/lib/domain/profile';
import { importCorpus } from '../../src/lib/server/corpus';
import type { Database } from '../../src/lib/server/db/connection';
import type { AnswerValues } from '../../src/lib/server/db/queries/answers';
import { findAssessment, type AssessmentRecord } from '../../src/lib/server/db/queries/assessments';
import { audited } from '../../src/lib/server/db/audited';
import { insertUser } from '../../src/lib/server/db/queries/users';
import { createClient } from '../../src/lib/server/clients/service';
import { saveAnswer, saveProfile, startAssessment } from '../../src/lib/server/assessments/service';
import { createOrganisation } from '../../src/lib/server/orgs/organisations';
import { baseProfile } from './assessment';

/** The base profile as the profile form stores it: yes/no answers as booleans. */
export const storedProfile: Profile = Object.fromEntries(
	Object.entries(baseProfile).map(([k, v]) => [k, v === 'true' ? true : v === 'false' ? false : v])
);

/** A person, without the cost of hashing a password (audited as a sign-up by the test). */
export async function person(db: Database, label: string): Promise<string> {
	const id = crypto.randomUUID();
	const email = `${label}-${id}@example.com`;
	await audited(db, { userId: id }, async (tx) => {
		await insertUser(tx, {
			id,
			email,
			name: label,
			passwordHash: 'x',
			emailVerifiedAt: new Date()
		});
		tx.record({ action: 'user.signed_up', orgId: null, entity: { type: 'user', id } });
	});
	return id;
}

export async function consultancy(db: Database, name = '浦江咨询') {
	await importCorpus(db);
	const ownerId = await person(db, 'owner');
	const orgId = await createOrganisation(db, { userId: ownerId }, { name, kind: 'consultancy' });
	return { orgId, ownerId };
}

export async function addClient(db: Database, orgId: string, name: string): Promise<string> {
	return createClient(
		db,
		{ userId: null },
		{ orgId, fields: { name, registeredName: null, contact: null, notes: '' } }
	);
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
	const actor = { userId: input.actorId };
	const id = await startAssessment(db, actor, {
		orgId: input.orgId,
		title: '2026 年度自评',
		clientId: input.clientId ?? null
	});
	let assessment = (await findAssessment(db, { orgId: input.orgId, id }))!;
	await saveProfile(db, actor, {
		assessment,
		profile: storedProfile,
		expectedVersion: assessment.profileVersion
	});
	assessment = (await findAssessment(db, { orgId: input.orgId, id }))!;
	for (const [itemId, values] of Object.entries(input.answers)) {
		const result = await saveAnswer(db, actor, {
			assessment,
			itemId,
			values: { note: '', evidence: [], owner: null, due: null, ...values },
			expectedVersion: 0
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
