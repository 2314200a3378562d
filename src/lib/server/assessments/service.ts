import { findClient } from '../db/queries/clients';
import {
	answerProblems,
	NOTE_LIMIT,
	bidiControlProblems,
	sameAnswerValues,
	type AnswerProblem
} from '../../domain/answer-rules';
import type { Corpus, Item } from '../../domain/corpus';
import type { Profile } from '../../domain/profile';
import {
	IDENTITY_FIELDS,
	firmName,
	profileIdentity,
	profileWithIdentity,
	sameIdentityText,
	scopeProfile,
	type FirmIdentity,
	type IdentityField
} from '../../domain/identity';
import {
	readFirmIdentities,
	readFirmIdentity,
	readRecordIdentity,
	writeFirmIdentity
} from '../identity/service';
import { evaluateAssessment, type Evaluation } from '../../domain/result';
import { scopeItems } from '../../domain/applicability';
import { currentQuestionnaire, questionnaireVersion } from '../corpus';
import type { Database } from '../db/connection';
import {
	findAnswer,
	insertAnswer,
	listAnswers,
	listAnswersOf,
	updateAnswer,
	type AnswerValues,
	type StoredAnswer
} from '../db/queries/answers';
import {
	insertAssessment,
	touchAssessment,
	lockOpenAssessment,
	updateProfile,
	type AssessmentRecord
} from '../db/queries/assessments';
import { audited, type Actor, type AuditedTx } from '../db/audited';

/**
 * A client id that is not the organisation's (or deleted): callers answer it with 404 or a field
 * error; `archived`: the client is, and nothing new starts under it until it is restored (4xx).
 */
export class UnknownClientError extends Error {
	constructor(readonly reason: 'unknown' | 'archived' = 'unknown') {
		super(reason === 'archived' ? 'Archived client' : 'Unknown client');
	}
}

/** The client a new assessment goes under: the organisation's, in use; else UnknownClientError. */
export async function requireOpenClient(db: Database, scope: { orgId: string; id: string }) {
	const client = await findClient(db, scope);
	if (!client) throw new UnknownClientError();
	if (client.archivedAt) throw new UnknownClientError('archived');
	return client;
}

/**
 * Starts an assessment, for a client or for the organisation itself. Without a title it is named
 * after the firm (the one firm-name rule, domain/identity.ts).
 */
export async function startAssessment(
	db: Database,
	actor: Actor,
	input: {
		orgId: string;
		title?: string;
		profile?: Profile;
		clientId?: string | null;
	}
): Promise<string> {
	const id = crypto.randomUUID();
	const owner = { orgId: input.orgId, clientId: input.clientId ?? null };
	const given = input.profile ? profileIdentity(input.profile) : {};
	const profile = input.profile ? scopeProfile(input.profile) : undefined;
	await audited(db, actor, async (tx) => {
		if (input.clientId) await requireOpenClient(tx.db, { orgId: input.orgId, id: input.clientId });
		const title =
			input.title?.trim() ||
			firmName({
				...(await readRecordIdentity(tx.db, owner)),
				...(given.registered_name ? { registeredName: given.registered_name } : {})
			});
		await insertAssessment(tx, {
			clientId: owner.clientId,
			id,
			orgId: input.orgId,
			title,
			versionHash: currentQuestionnaire().hash,
			createdBy: actor.userId,
			profile
		});
		tx.record({
			action: 'assessment.created',
			orgId: input.orgId,
			entity: { type: 'assessment', id },
			assessmentId: id,
			after: { title, clientId: owner.clientId, profile }
		});
		// A profile given whole (the API, as the CLI's profile.json) names the firm: that goes to
		// its one record, as the profile form would save it.
		await writeFirmIdentity(tx, {
			owner,
			assessmentId: id,
			values: given
		});
	});
	return id;
}

/** The corpus an assessment was started on; it keeps that version until moved. */
export async function assessmentCorpus(
	db: Database,
	assessment: AssessmentRecord
): Promise<Corpus> {
	const corpus = await questionnaireVersion(db, assessment.versionHash);
	if (!corpus) throw new Error(`questionnaire version ${assessment.versionHash} is missing`);
	return corpus;
}

export interface AssessmentView {
	corpus: Corpus;
	answers: StoredAnswer[];
	/** The firm's identity, from its one source (readFirmIdentity). */
	identity: FirmIdentity;
	/** The whole profile: the assessment's scope answers with the identity filled in. */
	profile: Profile;
	evaluation: Evaluation;
}

export async function loadAssessmentView(
	db: Database,
	assessment: AssessmentRecord
): Promise<AssessmentView> {
	// Three reads that wait for nothing but the assessment: at once, not one after another.
	const [corpus, answers, identity] = await Promise.all([
		assessmentCorpus(db, assessment),
		listAnswers(db, assessment.id),
		readFirmIdentity(db, assessment)
	]);
	const profile = profileWithIdentity(assessment.profile, identity);
	const evaluation = evaluateAssessment(corpus, assessment.versionHash, profile, answers);
	return { corpus, answers, identity, profile, evaluation };
}

/** Every assessment of a list evaluated, with one query for all their answers. */
export async function evaluateAssessments(
	db: Database,
	assessments: AssessmentRecord[]
): Promise<Map<string, Evaluation>> {
	const answers = await listAnswersOf(
		db,
		assessments.map((a) => a.id)
	);
	const identities = await readFirmIdentities(db, assessments);
	const evaluations = new Map<string, Evaluation>();
	for (const a of assessments) {
		const corpus = await assessmentCorpus(db, a);
		const identity = identities.get(a.id);
		const profile = identity ? profileWithIdentity(a.profile, identity) : a.profile;
		evaluations.set(
			a.id,
			evaluateAssessment(corpus, a.versionHash, profile, answers.get(a.id) ?? [])
		);
	}
	return evaluations;
}

export type ProfileSaveResult =
	| { ok: true; version: number }
	| { ok: false; reason: 'conflict'; current: AssessmentRecord['profile'] }
	| { ok: false; reason: 'final' };

/**
 * Saves the profile; answers already given are kept whatever the new scope. The scope answers go
 * on the assessment, the identity fields to the firm's one record (client or organisation), both
 * audited, in one transaction. `identityAsLoaded` is the identity the form showed: a field left as
 * it was is not written, so a form opened before someone renamed the client does not undo it.
 */
export async function saveProfile(
	db: Database,
	actor: Actor,
	input: {
		assessment: AssessmentRecord;
		profile: Profile;
		expectedVersion: number;
		identityAsLoaded?: Partial<Record<IdentityField, string | null>>;
	}
): Promise<ProfileSaveResult> {
	const { assessment } = input;
	const scope = scopeProfile(input.profile);
	const given = profileIdentity(input.profile);
	const changed: Partial<Record<IdentityField, string>> = {};
	for (const field of IDENTITY_FIELDS) {
		const value = given[field];
		if (value === undefined) continue;
		const loaded = input.identityAsLoaded?.[field];
		if (input.identityAsLoaded && sameIdentityText(value, loaded ?? null)) continue;
		changed[field] = value;
	}
	return audited(db, actor, async (tx): Promise<ProfileSaveResult> => {
		// Under the row lock, as an answer: a finalise that committed since the request read the
		// assessment is seen, and the scope the review was signed off on stays.
		if (!(await lockOpenAssessment(tx, assessment.id))) return { ok: false, reason: 'final' };
		const version = await updateProfile(
			tx,
			{ orgId: assessment.orgId, id: assessment.id },
			scope,
			input.expectedVersion
		);
		if (version === null) return { ok: false, reason: 'conflict', current: assessment.profile };
		tx.record({
			action: 'profile.saved',
			orgId: assessment.orgId,
			entity: { type: 'assessment', id: assessment.id },
			assessmentId: assessment.id,
			before: assessment.profile,
			after: scope
		});
		// A final assessment reads its frozen copy; its profile cannot be saved in the app anyway.
		if (!assessment.frozenIdentity)
			await writeFirmIdentity(tx, {
				owner: assessment,
				assessmentId: assessment.id,
				values: changed
			});
		return { ok: true, version };
	});
}

export type AnswerSaveResult =
	| { ok: true; version: number; answer: StoredAnswer }
	| { ok: false; reason: 'not_applicable_item' }
	/** Finalised since the request began. */
	| { ok: false; reason: 'final' }
	| { ok: false; reason: 'invalid'; problems: AnswerProblem[] }
	| { ok: false; reason: 'conflict'; current: StoredAnswer | null };

export function applicableItem(corpus: Corpus, profile: Profile, itemId: string): Item | null {
	return scopeItems(corpus.items, profile).applicable.find((i) => i.id === itemId) ?? null;
}

/**
 * Saves one answer if nobody saved it since `expectedVersion` (0 for a first answer); a stale save
 * is refused with the stored answer, never silently overwritten. Every change is audited.
 */
export function saveAnswer(
	db: Database,
	actor: Actor,
	input: SaveAnswerInput
): Promise<AnswerSaveResult> {
	return audited(db, actor, (tx) => saveAnswerIn(tx, input));
}

interface SaveAnswerInput {
	assessment: AssessmentRecord;
	itemId: string;
	values: AnswerValues;
	expectedVersion: number;
}

/** saveAnswer inside an audited transaction: a batch of saves (a template import) is one. */
export async function saveAnswerIn(
	tx: AuditedTx,
	input: SaveAnswerInput
): Promise<AnswerSaveResult> {
	const { assessment, itemId, values } = input;
	if (!(await lockOpenAssessment(tx, assessment.id))) return { ok: false, reason: 'final' };
	const corpus = await assessmentCorpus(tx.db, assessment);
	const item = applicableItem(corpus, assessment.profile, itemId);
	if (!item) return { ok: false, reason: 'not_applicable_item' };
	const problems = answerProblems(item, values);
	if (problems.length > 0) return { ok: false, reason: 'invalid', problems };
	const actorId = tx.actor.userId;
	const before = await findAnswer(tx.db, assessment.id, itemId);
	// Only a note the person changed must fit: one stored longer (an older import) is kept as it is.
	if (values.note.length > NOTE_LIMIT && values.note !== before?.note)
		return { ok: false, reason: 'invalid', problems: [{ field: 'note', code: 'too_long' }] };
	const bidi = bidiControlProblems(values, before ? pickValues(before) : null);
	if (bidi.length > 0) return { ok: false, reason: 'invalid', problems: bidi };
	// The values stored already (a second autosave, a Save pressed twice, a retry whose first try
	// committed but whose answer was lost) change nothing: no new version, no history row, and no
	// conflict, as there is nothing to reconcile. A carried-over answer saved as it is, though, is
	// the person standing by it, and that is a change.
	if (
		before &&
		!before.carriedOver &&
		before.version >= input.expectedVersion &&
		sameAnswerValues(pickValues(before), values)
	)
		return { ok: true, version: before.version, answer: before };
	const saved =
		input.expectedVersion === 0
			? await insertAnswer(tx, { assessmentId: assessment.id, itemId, values, actorId })
			: await updateAnswer(tx, {
					assessmentId: assessment.id,
					itemId,
					values,
					actorId,
					expectedVersion: input.expectedVersion
				});
	if (!saved)
		return {
			ok: false,
			reason: 'conflict',
			current: await findAnswer(tx.db, assessment.id, itemId)
		};
	tx.record({
		action: 'answer.saved',
		orgId: assessment.orgId,
		entity: { type: 'answer', id: `${assessment.id}/${itemId}` },
		assessmentId: assessment.id,
		itemId,
		before: before ? pickValues(before) : null,
		after: values
	});
	await touchAssessment(tx, assessment.id);
	const after = await findAnswer(tx.db, assessment.id, itemId);
	if (!after) throw new Error('saved answer vanished');
	return { ok: true, version: after.version, answer: after };
}

/** The answer stored for one item, or null. */
export function savedAnswer(
	db: Database,
	assessment: AssessmentRecord,
	itemId: string
): Promise<StoredAnswer | null> {
	return findAnswer(db, assessment.id, itemId);
}

export function pickValues(a: StoredAnswer): AnswerValues {
	return { status: a.status, note: a.note, evidence: a.evidence, owner: a.owner, due: a.due };
}
