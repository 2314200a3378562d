import {
	carryAnswers,
	diffQuestionnaires,
	planVersionMove,
	type QuestionnaireDiff,
	type VersionMovePlan
} from '../../domain/questionnaire-diff';
import { currentQuestionnaire } from '../corpus';
import type { Database } from '../db/connection';
import {
	deleteAnswers,
	insertCarriedOverAnswers,
	listAnswers,
	setCarriedOver
} from '../db/queries/answers';
import { updateAssessmentVersion, type AssessmentRecord } from '../db/queries/assessments';
import { audited, type Actor } from '../db/audited';
import { assessmentCorpus, pickValues } from './service';

export interface VersionStatus {
	/** True when a newer questionnaire than the assessment's is current. */
	outdated: boolean;
	currentHash: string;
	diff: QuestionnaireDiff;
	plan: VersionMovePlan;
}

/** How the assessment's questionnaire differs from the current one, and what a move would do. */
export async function versionStatus(
	db: Database,
	assessment: AssessmentRecord
): Promise<VersionStatus> {
	const current = currentQuestionnaire();
	const corpus = await assessmentCorpus(db, assessment);
	const diff = diffQuestionnaires(corpus, current.corpus);
	const answers = await listAnswers(db, assessment.id);
	return {
		outdated: current.hash !== assessment.versionHash,
		currentHash: current.hash,
		diff,
		plan: planVersionMove(
			diff,
			answers.map((a) => a.itemId)
		)
	};
}

export type VersionMoveResult =
	| { ok: true; plan: VersionMovePlan; toHash: string }
	| { ok: false; reason: 'final' | 'current' | 'conflict' };

/**
 * Moves the assessment to the current questionnaire, in one transaction: answers to unchanged items
 * stay; answers to changed items stay but are to be confirmed again (carried over); an answer to an
 * item that was merged or split (seeds/id-registry.json `replaced_by`) is carried to its successors
 * as "carried over, please confirm"; answers to items removed with no successor leave the
 * assessment. Every answer that leaves is written whole to the audit log first. Refused on a final one.
 */
export async function moveToCurrentVersion(
	db: Database,
	actor: Actor,
	input: { assessment: AssessmentRecord }
): Promise<VersionMoveResult> {
	const { assessment } = input;
	const actorId = actor.userId;
	if (assessment.state === 'final') return { ok: false, reason: 'final' };
	const current = currentQuestionnaire();
	if (current.hash === assessment.versionHash) return { ok: false, reason: 'current' };
	const diff = diffQuestionnaires(await assessmentCorpus(db, assessment), current.corpus);
	return audited(db, actor, async (tx): Promise<VersionMoveResult> => {
		const moved = await updateAssessmentVersion(
			tx,
			{ orgId: assessment.orgId, id: assessment.id },
			assessment.versionHash,
			current.hash
		);
		// Moved by someone else meanwhile, or made final: nothing is touched.
		if (!moved) return { ok: false, reason: 'conflict' };
		const answers = await listAnswers(tx.db, assessment.id);
		const plan = planVersionMove(
			diff,
			answers.map((a) => a.itemId)
		);
		const audit = (itemId: string | null, action: string, before: unknown, after: unknown) =>
			tx.record({
				action,
				orgId: assessment.orgId,
				entity: itemId
					? { type: 'answer', id: `${assessment.id}/${itemId}` }
					: { type: 'assessment', id: assessment.id },
				assessmentId: assessment.id,
				itemId,
				before,
				after
			});
		const carried = carryAnswers(
			plan,
			answers.map((a) => ({ ...a, answeredAt: a.updatedAt })),
			current.corpus.items,
			new Set(answers.map((a) => a.itemId))
		);
		const carriedFrom = (id: string) =>
			carried.filter((c) => c.from.includes(id)).map((c) => c.itemId);
		const leaving = [...plan.drop, ...plan.carry.map((c) => c.from)];
		for (const answer of answers.filter((a) => leaving.includes(a.itemId)))
			audit(
				answer.itemId,
				'answer.removed_by_version',
				{ ...pickValues(answer), version: answer.version, carriedOver: answer.carriedOver },
				carriedFrom(answer.itemId).length > 0 ? { carriedTo: carriedFrom(answer.itemId) } : null
			);
		await deleteAnswers(tx, { assessmentId: assessment.id, itemIds: leaving });
		await insertCarriedOverAnswers(tx, {
			assessmentId: assessment.id,
			answers: carried.map((c) => ({
				itemId: c.itemId,
				status: c.status,
				note: c.note,
				evidence: c.evidence,
				owner: c.owner,
				due: c.due,
				answeredAt: c.answeredAt
			})),
			actorId
		});
		for (const c of carried)
			audit(c.itemId, 'answer.carried_by_version', { from: c.from }, { ...c, carriedOver: true });
		const reconfirm = await setCarriedOver(tx, {
			assessmentId: assessment.id,
			itemIds: plan.reconfirm,
			carriedOver: true,
			actorId
		});
		for (const itemId of reconfirm)
			audit(itemId, 'answer.to_confirm_by_version', { carriedOver: false }, { carriedOver: true });
		// Named questionnaireVersion: a key named like a hash would be redacted as a secret.
		audit(
			null,
			'assessment.version_moved',
			{ questionnaireVersion: assessment.versionHash },
			{
				questionnaireVersion: current.hash,
				added: diff.added.map((i) => i.id),
				removed: diff.removed.map((i) => i.id),
				changed: diff.changed.map((i) => i.id),
				kept: plan.keep,
				reconfirm: plan.reconfirm,
				carried: carried.map((c) => ({ to: c.itemId, from: c.from })),
				dropped: plan.drop
			}
		);
		return { ok: true, plan, toHash: current.hash };
	});
}
