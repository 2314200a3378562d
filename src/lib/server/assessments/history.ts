import type { AnswerValues } from '../../domain/stored-answer';
import { answerProblems } from '../../domain/answer-rules';
import { carryEvidenceFiles } from '../evidence/carry';
import { scopeItems } from '../../domain/applicability';
import { carryAnswers } from '../../domain/questionnaire-diff';
import { currentQuestionnaire } from '../corpus';
import type { Database } from '../db/connection';
import {
	insertCarriedOverAnswers,
	listAnswers,
	setCarriedOver,
	type StoredAnswer
} from '../db/queries/answers';
import {
	findAssessment,
	insertAssessment,
	touchAssessment,
	type AssessmentRecord
} from '../db/queries/assessments';
import { audited, type Actor } from '../db/audited';
import { pickValues } from './service';

/**
 * Starts a new assessment from a previous one of the same organisation, on the current questionnaire:
 * same client and profile; answers to items still asked of this profile are copied, and answers to
 * items since merged or split are carried to their successors, all marked carried over until someone
 * confirms them. Null when the previous assessment is not the organisation's.
 */
export async function startFromPrevious(
	db: Database,
	actor: Actor,
	input: { orgId: string; previousId: string; title?: string }
): Promise<string | null> {
	const previous = await findAssessment(db, { orgId: input.orgId, id: input.previousId });
	if (!previous) return null;
	const { hash, corpus } = currentQuestionnaire();
	const applicable = new Map(
		scopeItems(corpus.items, previous.profile).applicable.map((i) => [i.id, i])
	);
	const title = input.title?.trim() || nextTitle(previous.title);
	const id = crypto.randomUUID();
	await audited(db, actor, async (tx) => {
		const old = await listAnswers(tx.db, previous.id);
		const answers: (AnswerValues & { itemId: string; answeredAt?: Date })[] = old.flatMap((a) => {
			const item = applicable.get(a.itemId);
			const values = pickValues(a);
			// An answer the item would now refuse (N/A where it is no longer allowed) is left behind.
			return item && answerProblems(item, values).length === 0
				? [{ itemId: a.itemId, ...values, answeredAt: a.updatedAt }]
				: [];
		});
		// Answers to items since merged or split go to their successors still asked of this profile.
		const answered = new Set(answers.map((a) => a.itemId));
		const carry = old
			.filter((a) => !applicable.has(a.itemId) && corpus.replacements?.[a.itemId])
			.map((a) => ({
				from: a.itemId,
				to: corpus.replacements![a.itemId]!.by.filter((id) => applicable.has(id))
			}));
		const dated = old.map((a) => ({ ...a, answeredAt: a.updatedAt }));
		for (const c of carryAnswers({ carry }, dated, [...applicable.values()], answered))
			answers.push({
				itemId: c.itemId,
				status: c.status,
				note: c.note,
				evidence: c.evidence,
				owner: c.owner,
				due: c.due,
				answeredAt: c.answeredAt
			});
		await insertAssessment(tx, {
			id,
			orgId: input.orgId,
			title,
			versionHash: hash,
			createdBy: actor.userId,
			profile: previous.profile,
			profileVersion: previous.profileVersion > 0 ? 1 : 0,
			clientId: previous.clientId,
			previousAssessmentId: previous.id
		});
		await insertCarriedOverAnswers(tx, { assessmentId: id, answers, actorId: actor.userId });
		const evidenceFiles = await carryEvidenceFiles(tx, {
			orgId: input.orgId,
			fromAssessmentId: previous.id,
			toAssessmentId: id,
			itemIds: new Set(applicable.keys()),
			today: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
		});
		tx.record({
			action: 'assessment.started_from_previous',
			orgId: input.orgId,
			entity: { type: 'assessment', id },
			assessmentId: id,
			after: {
				title,
				previousAssessmentId: previous.id,
				carriedOver: answers.map((a) => a.itemId),
				...(evidenceFiles > 0 ? { evidenceFiles } : {})
			}
		});
	});
	return id;
}

/** "2025 自评" → "2026 自评"; any other title gets a suffix naming its origin. */
function nextTitle(title: string): string {
	const year = title.match(/\b(20\d\d)\b/);
	if (year) return title.replace(year[1]!, String(Number(year[1]) + 1)).slice(0, 200);
	return `${title} (2)`.slice(0, 200);
}

/**
 * Confirms carried-over answers as they stand: the flag is cleared and each confirmation audited.
 * Answers the confirmed item ids; items not carried over are left alone.
 */
export async function confirmCarriedOver(
	db: Database,
	actor: Actor,
	input: { assessment: AssessmentRecord; itemIds: string[] }
): Promise<string[]> {
	const { assessment } = input;
	return audited(db, actor, async (tx) => {
		const confirmed = await setCarriedOver(tx, {
			assessmentId: assessment.id,
			itemIds: input.itemIds,
			carriedOver: false,
			actorId: actor.userId
		});
		for (const itemId of confirmed)
			tx.record({
				action: 'answer.confirmed',
				orgId: assessment.orgId,
				entity: { type: 'answer', id: `${assessment.id}/${itemId}` },
				assessmentId: assessment.id,
				itemId,
				before: { carriedOver: true },
				after: { carriedOver: false }
			});
		if (confirmed.length > 0) await touchAssessment(tx, assessment.id);
		return confirmed;
	});
}

/** The answers of the assessment this one was started from, by item; null if started afresh. */
export async function previousAnswers(
	db: Database,
	assessment: Pick<AssessmentRecord, 'previousAssessmentId'>
): Promise<Map<string, StoredAnswer> | null> {
	if (!assessment.previousAssessmentId) return null;
	const answers = await listAnswers(db, assessment.previousAssessmentId);
	return new Map(answers.map((a) => [a.itemId, a]));
}
