import {
	sameText,
	type ConsultantVoice,
	type GapObservation,
	type ReportStatement,
	type VoiceText
} from '../../domain/consultant-voice';
import { EMPTY_STATEMENT, EMPTY_TEXT } from '../../domain/consultant-voice';
import { loadAssessmentView } from '../assessments/service';
import { audited, type Actor } from '../db/audited';
import type { Database } from '../db/connection';
import {
	lockOpenAssessment,
	touchAssessment,
	type AssessmentRecord
} from '../db/queries/assessments';
import {
	findReportStatement,
	insertGapObservation,
	insertReportStatement,
	listGapObservations,
	listReportStatementVersions
} from '../db/queries/consultant-voice';

export type VoiceSaveResult<T> =
	| { ok: true; saved: T; changed: boolean }
	/** The assessment is final: its report was issued with the text as it was. */
	| { ok: false; reason: 'final' }
	/** Someone saved a newer version since the writer loaded theirs: nothing was overwritten. */
	| { ok: false; reason: 'conflict'; current: T }
	| { ok: false; reason: 'not_gap' };

/**
 * What the consultant wrote for the assessment's report as it stands: the opinion and scope
 * statement and each gap's observation, with the version, author and time of each. The report
 * model, the result and review pages and the filing pack read it from here.
 */
export async function loadConsultantVoice(
	db: Database,
	assessmentId: string
): Promise<ConsultantVoice> {
	const [statement, observations] = await Promise.all([
		findReportStatement(db, assessmentId),
		listGapObservations(db, assessmentId)
	]);
	return { statement, observations };
}

/**
 * The voice as it stands and the statement's history, in two queries: the current statement is the
 * history's newest version (the result and review pages show both).
 */
export async function loadConsultantVoiceWithHistory(
	db: Database,
	assessmentId: string
): Promise<{ voice: ConsultantVoice; statementHistory: ReportStatement[] }> {
	const [statementHistory, observations] = await Promise.all([
		listReportStatementVersions(db, assessmentId),
		listGapObservations(db, assessmentId)
	]);
	return {
		voice: { statement: statementHistory[0] ?? EMPTY_STATEMENT, observations },
		statementHistory
	};
}

/**
 * Saves the opinion and scope statement as a new version, when the writer's `expectedVersion` is
 * still the latest (else a conflict with the current text, nothing overwritten); refused on a final
 * assessment. The same text again makes no version. Audited as `report_statement.saved`.
 */
export function saveReportStatement(
	db: Database,
	actor: Actor,
	input: {
		assessment: AssessmentRecord;
		expectedVersion: number;
		opinion: VoiceText;
		scope: VoiceText;
	}
): Promise<VoiceSaveResult<ReportStatement>> {
	const { assessment } = input;
	if (assessment.state === 'final') return Promise.resolve({ ok: false, reason: 'final' });
	const opinion = trimmed(input.opinion);
	const scope = trimmed(input.scope);
	return audited(db, actor, async (tx): Promise<VoiceSaveResult<ReportStatement>> => {
		// Checked again under the row lock: a finalise that committed since the request read the
		// assessment is seen, and the words the report was signed with stay as they were.
		if (!(await lockOpenAssessment(tx, assessment.id))) return { ok: false, reason: 'final' };
		const before = await findReportStatement(tx.db, assessment.id);
		if (sameText(before.opinion, opinion) && sameText(before.scope, scope))
			return { ok: true, saved: before, changed: false };
		if (before.version !== input.expectedVersion)
			return { ok: false, reason: 'conflict', current: before };
		const version = before.version + 1;
		const inserted = await insertReportStatement(tx, {
			assessmentId: assessment.id,
			version,
			opinion,
			scope,
			userId: actor.userId
		});
		if (!inserted)
			return {
				ok: false,
				reason: 'conflict',
				current: await findReportStatement(tx.db, assessment.id)
			};
		tx.record({
			action: 'report_statement.saved',
			orgId: assessment.orgId,
			entity: { type: 'assessment', id: assessment.id },
			assessmentId: assessment.id,
			before: { version: before.version, opinion: before.opinion, scope: before.scope },
			after: { version, opinion, scope }
		});
		await touchAssessment(tx, assessment.id);
		return { ok: true, saved: await findReportStatement(tx.db, assessment.id), changed: true };
	});
}

/**
 * Saves the consultant's observation on one gap as a new version, like the statement: the latest
 * version only, never over a final assessment, and only for an item that is a gap now. Audited as
 * `gap_observation.saved`.
 */
export async function saveGapObservation(
	db: Database,
	actor: Actor,
	input: {
		assessment: AssessmentRecord;
		itemId: string;
		expectedVersion: number;
		text: VoiceText;
	}
): Promise<VoiceSaveResult<GapObservation>> {
	const { assessment, itemId } = input;
	if (assessment.state === 'final') return { ok: false, reason: 'final' };
	const { evaluation } = await loadAssessmentView(db, assessment);
	if (!evaluation.score.gaps.some((g) => g.itemId === itemId))
		return { ok: false, reason: 'not_gap' };
	const text = trimmed(input.text);
	const latest = async (d: Database): Promise<GapObservation> =>
		(await listGapObservations(d, assessment.id))[itemId] ?? {
			itemId,
			version: 0,
			by: null,
			at: null,
			text: EMPTY_TEXT
		};
	return audited(db, actor, async (tx): Promise<VoiceSaveResult<GapObservation>> => {
		if (!(await lockOpenAssessment(tx, assessment.id))) return { ok: false, reason: 'final' };
		const before = await latest(tx.db);
		if (sameText(before.text, text)) return { ok: true, saved: before, changed: false };
		if (before.version !== input.expectedVersion)
			return { ok: false, reason: 'conflict', current: before };
		const version = before.version + 1;
		const inserted = await insertGapObservation(tx, {
			assessmentId: assessment.id,
			itemId,
			version,
			text,
			userId: actor.userId
		});
		if (!inserted) return { ok: false, reason: 'conflict', current: await latest(tx.db) };
		tx.record({
			action: 'gap_observation.saved',
			orgId: assessment.orgId,
			entity: { type: 'assessment', id: assessment.id },
			assessmentId: assessment.id,
			itemId,
			before: { version: before.version, text: before.text },
			after: { version, text }
		});
		await touchAssessment(tx, assessment.id);
		return { ok: true, saved: await latest(tx.db), changed: true };
	});
}

function trimmed(t: VoiceText): VoiceText {
	return { zh: t.zh.trim(), en: t.en.trim() };
}
