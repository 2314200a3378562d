import { sql } from 'kysely';
import type { AnswerValues, StoredAnswer } from '../../../domain/stored-answer';
import type { Database } from '../connection';
import type { AuditedTx } from '../audited';

export type { AnswerValues, StoredAnswer };

const selectAnswers = (db: Database) =>
	db
		.selectFrom('answers')
		.select([
			'item_id as itemId',
			'status',
			'note',
			'evidence',
			'owner',
			sql<string | null>`to_char(due, 'YYYY-MM-DD')`.as('due'),
			'version',
			'carried_over as carriedOver',
			'updated_at as updatedAt',
			'updated_by as updatedBy'
		]);

function toStored(row: Omit<StoredAnswer, 'evidence'> & { evidence: unknown }): StoredAnswer {
	const evidence = typeof row.evidence === 'string' ? JSON.parse(row.evidence) : row.evidence;
	return { ...row, evidence: Array.isArray(evidence) ? evidence.map(String) : [] };
}

export async function listAnswers(db: Database, assessmentId: string): Promise<StoredAnswer[]> {
	const rows = await selectAnswers(db)
		.where('assessment_id', '=', assessmentId)
		.orderBy('item_id')
		.execute();
	return rows.map(toStored);
}

/** The answers of several assessments in one query, by assessment id. */
export async function listAnswersOf(
	db: Database,
	assessmentIds: string[]
): Promise<Map<string, StoredAnswer[]>> {
	const byAssessment = new Map<string, StoredAnswer[]>(assessmentIds.map((id) => [id, []]));
	if (assessmentIds.length === 0) return byAssessment;
	const rows = await selectAnswers(db)
		.select('assessment_id as assessmentId')
		.where('assessment_id', 'in', assessmentIds)
		.orderBy('item_id')
		.execute();
	for (const { assessmentId, ...row } of rows) byAssessment.get(assessmentId)?.push(toStored(row));
	return byAssessment;
}

export async function findAnswer(
	db: Database,
	assessmentId: string,
	itemId: string
): Promise<StoredAnswer | null> {
	const row = await selectAnswers(db)
		.where('assessment_id', '=', assessmentId)
		.where('item_id', '=', itemId)
		.executeTakeFirst();
	return row ? toStored(row) : null;
}

/** Inserts version 1; answers false when an answer already exists (someone saved first). */
export async function insertAnswer(
	tx: AuditedTx,
	a: { assessmentId: string; itemId: string; values: AnswerValues; actorId: string | null }
): Promise<boolean> {
	const result = await tx.db
		.insertInto('answers')
		.values({
			assessment_id: a.assessmentId,
			item_id: a.itemId,
			...a.values,
			evidence: JSON.stringify(a.values.evidence),
			version: 1,
			updated_by: a.actorId
		})
		.onConflict((oc) => oc.columns(['assessment_id', 'item_id']).doNothing())
		.executeTakeFirst();
	return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Updates only if the stored version is `expectedVersion`; answers false otherwise. */
export async function updateAnswer(
	tx: AuditedTx,
	a: {
		assessmentId: string;
		itemId: string;
		values: AnswerValues;
		actorId: string | null;
		expectedVersion: number;
	}
): Promise<boolean> {
	const result = await tx.db
		.updateTable('answers')
		.set({
			...a.values,
			evidence: JSON.stringify(a.values.evidence),
			version: a.expectedVersion + 1,
			// Any save of a carried-over answer is the person standing by it.
			carried_over: false,
			updated_by: a.actorId,
			updated_at: new Date()
		})
		.where('assessment_id', '=', a.assessmentId)
		.where('item_id', '=', a.itemId)
		.where('version', '=', a.expectedVersion)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Copies answers into an assessment as carried over (to be confirmed); version 1 each. */
export async function insertCarriedOverAnswers(
	tx: AuditedTx,
	a: {
		assessmentId: string;
		/** answeredAt: when the answer was given, kept (its age is what staleness warns of). */
		answers: (AnswerValues & { itemId: string; answeredAt?: Date })[];
		actorId: string | null;
	}
): Promise<void> {
	if (a.answers.length === 0) return;
	await tx.db
		.insertInto('answers')
		.values(
			a.answers.map((x) => ({
				assessment_id: a.assessmentId,
				item_id: x.itemId,
				status: x.status,
				note: x.note,
				evidence: JSON.stringify(x.evidence),
				owner: x.owner,
				due: x.due,
				version: 1,
				carried_over: true,
				updated_by: a.actorId,
				...(x.answeredAt ? { updated_at: x.answeredAt } : {})
			}))
		)
		.execute();
}

/** The items whose answers were carried over from a previous assessment and not yet confirmed. */
export async function listCarriedOver(db: Database, assessmentId: string): Promise<Set<string>> {
	const rows = await db
		.selectFrom('answers')
		.select('item_id')
		.where('assessment_id', '=', assessmentId)
		.where('carried_over', '=', true)
		.execute();
	return new Set(rows.map((r) => r.item_id));
}

/** Inserts the answers of a new assessment at version 1 (an import), carried-over flags kept. */
export async function insertAnswers(
	tx: AuditedTx,
	assessmentId: string,
	answers: (AnswerValues & { itemId: string; carriedOver: boolean; answeredAt?: Date })[],
	actorId: string | null
): Promise<void> {
	if (answers.length === 0) return;
	await tx.db
		.insertInto('answers')
		.values(
			answers.map(({ itemId, carriedOver, answeredAt, ...values }) => ({
				assessment_id: assessmentId,
				item_id: itemId,
				...values,
				evidence: JSON.stringify(values.evidence),
				carried_over: carriedOver,
				version: 1,
				updated_by: actorId,
				// An imported answer keeps the date it was given: its age is what staleness warns of.
				...(answeredAt ? { updated_at: answeredAt } : {})
			}))
		)
		.execute();
}

/** Marks answers carried over (or confirmed, with `false`); each marked answer's version moves on. */
export async function setCarriedOver(
	tx: AuditedTx,
	a: { assessmentId: string; itemIds: string[]; carriedOver: boolean; actorId: string | null }
): Promise<string[]> {
	if (a.itemIds.length === 0) return [];
	const rows = await tx.db
		.updateTable('answers')
		.set({
			carried_over: a.carriedOver,
			version: sql`version + 1`,
			updated_by: a.actorId,
			updated_at: new Date()
		})
		.where('assessment_id', '=', a.assessmentId)
		.where('item_id', 'in', a.itemIds)
		.where('carried_over', '=', !a.carriedOver)
		.returning('item_id')
		.execute();
	return rows.map((r) => r.item_id);
}

export async function deleteAnswers(
	tx: AuditedTx,
	a: { assessmentId: string; itemIds: string[] }
): Promise<void> {
	if (a.itemIds.length === 0) return;
	await tx.db
		.deleteFrom('answers')
		.where('assessment_id', '=', a.assessmentId)
		.where('item_id', 'in', a.itemIds)
		.execute();
}

/** Per assessment, the gap answers (partial or non-compliant) whose due date is before `today`. */
export async function countOverdueAnswers(
	db: Database,
	assessmentIds: string[],
	today: string
): Promise<Map<string, number>> {
	if (assessmentIds.length === 0) return new Map();
	const rows = await db
		.selectFrom('answers')
		.select(['assessment_id as assessmentId', sql<number>`cast(count(*) as integer)`.as('n')])
		.where('assessment_id', 'in', assessmentIds)
		.where('status', 'in', ['partial', 'non_compliant'])
		.where('due', '<', today)
		.groupBy('assessment_id')
		.execute();
	return new Map(rows.map((r) => [r.assessmentId, r.n]));
}
