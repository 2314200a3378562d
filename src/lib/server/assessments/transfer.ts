import { answerProblems } from '../../domain/answer-rules';
import { cleanFileName } from '../../domain/evidence';
import type { Corpus, ProfileQuestion } from '../../domain/corpus';
import type { Profile, ProfileValue } from '../../domain/profile';
import { profileIdentity, profileWithIdentity } from '../../domain/identity';
import { readFirmIdentity, receiveFirmIdentity } from '../identity/service';
import { m } from '../../paraglide/messages';
import {
	ASSESSMENT_EXPORT_FORMAT,
	ASSESSMENT_EXPORT_VERSION,
	assessmentExportSchema,
	jsonPath,
	type AssessmentExport,
	type AssessmentExportV2,
	type ExportedEvidenceFile
} from '../../schemas/assessment-export';
import {
	insertEvidenceFiles,
	listEvidenceFiles,
	type EvidenceFileRow
} from '../db/queries/evidence-files';
import { addBlobReferences, findStoredBlobs } from '../db/queries/evidence-blobs';
import { questionnaireVersion } from '../corpus';
import type { Database } from '../db/connection';
import { insertAnswers, listAnswers, listCarriedOver } from '../db/queries/answers';
import { findAssessment, insertAssessment } from '../db/queries/assessments';
import { audited, type Actor, type AuditedTx } from '../db/audited';
import { findClient } from '../db/queries/clients';
import { requireOpenClient, UnknownClientError } from './service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ImportIssue {
	/** Where in the file: a JSON path such as answers.LIC-001.due, or clientId for the form's field. */
	path: string;
	message: string;
	/** The client chosen is archived (the API answers it apart). */
	archived?: true;
}

/** An evidence file a version 2 export describes whose bytes this organisation does not hold. */
export interface EvidenceNotRestored {
	itemId: string;
	fileName: string;
	sha256: string;
}

export type ImportResult =
	| { ok: true; id: string; evidenceNotRestored: EvidenceNotRestored[] }
	| { ok: false; issues: ImportIssue[]; otherClient?: { from: string | null; to: string | null } };

/** The assessment as a versioned JSON document; null when it is not the organisation's. */
export async function exportAssessment(
	db: Database,
	scope: { orgId: string; id: string }
): Promise<AssessmentExportV2 | null> {
	const assessment = await findAssessment(db, scope);
	if (!assessment) return null;
	const answers = await listAnswers(db, assessment.id);
	const files = await listEvidenceFiles(db, { assessmentId: assessment.id });
	const carried = await listCarriedOver(db, assessment.id);
	const client = assessment.clientId
		? await findClient(db, { orgId: scope.orgId, id: assessment.clientId })
		: null;
	// Self-contained: the firm's identity (kept on its record) goes into the file's profile.
	const whole = profileWithIdentity(assessment.profile, await readFirmIdentity(db, assessment));
	const profile: Record<string, ProfileValue> = {};
	for (const [key, value] of Object.entries(whole)) if (value !== undefined) profile[key] = value;
	return {
		format: ASSESSMENT_EXPORT_FORMAT,
		format_version: ASSESSMENT_EXPORT_VERSION,
		exported_at: new Date().toISOString(),
		questionnaire_version: assessment.versionHash,
		title: assessment.title,
		client: client?.name ?? null,
		client_id: client?.id ?? null,
		state: assessment.state,
		profile,
		answers: Object.fromEntries(
			answers.map((a) => [
				a.itemId,
				{
					status: a.status,
					note: a.note,
					evidence: a.evidence,
					owner: a.owner,
					due: a.due,
					carried_over: carried.has(a.itemId),
					answered_at: new Date(a.updatedAt).toISOString()
				}
			])
		),
		// What the files are, not their bytes: a JSON file never carries those (evidence.zip does).
		evidence_files: files.map((f): ExportedEvidenceFile => ({
			item_id: f.itemId,
			file_name: f.fileName,
			content_type: f.contentType,
			size: f.size,
			sha256: f.sha256,
			lineage: f.lineageId,
			version: f.version,
			uploaded_by: f.uploaderName ?? null,
			uploaded_at: new Date(f.uploadedAt).toISOString(),
			effective_on: f.effectiveOn,
			expires_on: f.expiresOn
		}))
	};
}

function profileIssues(questions: ProfileQuestion[], profile: Profile): ImportIssue[] {
	const byId = new Map(questions.map((q) => [q.id, q]));
	const issues: ImportIssue[] = [];
	for (const [id, value] of Object.entries(profile)) {
		const path = jsonPath(['profile', id]);
		const question = byId.get(id);
		if (!question) {
			issues.push({ path, message: m.exports_err_unknown_profile({ id }) });
			continue;
		}
		if (value === null || value === undefined) continue;
		const allowed = question.options.map((o) => o.value);
		const fits =
			question.kind === 'boolean'
				? typeof value === 'boolean'
				: question.kind === 'multi'
					? Array.isArray(value) && value.every((v) => allowed.includes(v))
					: question.kind === 'single'
						? typeof value === 'string' && (value === '' || allowed.includes(value))
						: typeof value === 'string';
		if (!fits) issues.push({ path, message: m.err_choice() });
	}
	return issues;
}

function answerIssues(corpus: Corpus, answers: AssessmentExport['answers']): ImportIssue[] {
	const items = new Map(corpus.items.map((i) => [i.id, i]));
	return Object.entries(answers).flatMap(([itemId, answer]): ImportIssue[] => {
		const item = items.get(itemId);
		if (!item)
			return [
				{
					path: jsonPath(['answers', itemId]),
					message: m.exports_err_unknown_item({ item: itemId })
				}
			];
		return answerProblems(item, answer).map((p) => ({
			path: jsonPath(['answers', itemId, p.field]),
			message: p.code === 'na_refused' ? m.exports_err_na_refused() : m.exports_err_na_reason()
		}));
	});
}

/**
 * Restores an exported assessment as a new draft of the organisation, optionally for one of its
 * clients: the same questionnaire version, profile and answers (each at version 1). Everything is
 * checked before anything is written, and it is written in one transaction. The file's registered
 * name and business scope fill an empty record; where the record says otherwise it is kept and the
 * file's value listed as a conflict for a person to resolve.
 */
export async function importAssessment(
	db: Database,
	actor: Actor,
	input: {
		orgId: string;
		clientId: string | null;
		data: AssessmentExport;
		/** The importer confirmed that the file comes from another client (see below). */
		confirmOtherClient?: boolean;
		/**
		 * For a file from another client: 'strip' imports the answers without their notes, evidence
		 * (notes and files) and owners; 'keep' is the confirmation above. Without either it is refused.
		 */
		otherClient?: 'strip' | 'keep';
	}
): Promise<ImportResult> {
	const parsed = assessmentExportSchema.safeParse(input.data);
	if (!parsed.success)
		return {
			ok: false,
			issues: parsed.error.issues.map((i) => ({ path: jsonPath(i.path), message: i.message }))
		};
	const data = parsed.data;
	const corpus = await questionnaireVersion(db, data.questionnaire_version);
	if (!corpus)
		return {
			ok: false,
			issues: [
				{
					path: 'questionnaire_version',
					message: m.exports_err_unknown_version({ hash: data.questionnaire_version })
				}
			]
		};
	const issues = [
		...profileIssues(corpus.profileQuestions, data.profile),
		...answerIssues(corpus, data.answers)
	];
	if (issues.length > 0) return { ok: false, issues };

	const id = crypto.randomUUID();
	if (input.clientId !== null && !UUID.test(input.clientId))
		return { ok: false, issues: [{ path: 'clientId', message: m.exports_err_unknown_client() }] };
	// A file exported from one client, imported under another (or none): its notes, evidence and
	// owners would reach the other client's people. Refused until the importer chooses: without them
	// (stripped), or with them (a confirmation).
	const target = input.clientId
		? await findClient(db, { orgId: input.orgId, id: input.clientId })
		: null;
	if (input.clientId && !target)
		return { ok: false, issues: [{ path: 'clientId', message: m.exports_err_unknown_client() }] };
	if (target?.archivedAt) return { ok: false, issues: [archivedClientIssue()] };
	// Decided by the client's id where the file carries one (a second client may share the name, and
	// the name is easily edited); an older file by its name. A file from no client is another
	// client's as well when imported under one: its notes were never that client's.
	const fromClientId = 'client_id' in data ? data.client_id : undefined;
	const foreign =
		fromClientId !== undefined
			? fromClientId !== (target?.id ?? null)
			: target
				? data.client !== target.name
				: data.client !== null;
	const otherClient = foreign ? { from: data.client, to: target?.name ?? null } : null;
	const keep = input.confirmOtherClient === true || input.otherClient === 'keep';
	const strip = otherClient !== null && !keep && input.otherClient === 'strip';
	if (otherClient && !keep && !strip)
		return {
			ok: false,
			otherClient,
			issues: [
				{
					path: 'client',
					message:
						otherClient.from === null
							? m.sec_import_from_no_client({ to: otherClient.to ?? '' })
							: otherClient.to
								? m.notify_import_other_client({ from: otherClient.from, to: otherClient.to })
								: m.notify_import_other_client_none({ from: otherClient.from })
				}
			]
		};
	const evidenceNotRestored: EvidenceNotRestored[] = [];
	try {
		const importedAt = new Date();
		await audited(db, actor, async (tx) => {
			if (input.clientId)
				await requireOpenClient(tx.db, { orgId: input.orgId, id: input.clientId });
			await insertAssessment(tx, {
				id,
				orgId: input.orgId,
				title: data.title,
				versionHash: data.questionnaire_version,
				createdBy: actor.userId,
				profile: data.profile,
				clientId: input.clientId
			});
			await insertAnswers(
				tx,
				id,
				Object.entries(data.answers).map(([itemId, a]) => ({
					itemId,
					status: a.status,
					note: strip ? '' : a.note,
					evidence: strip ? [] : a.evidence,
					owner: strip ? null : a.owner,
					due: a.due,
					carriedOver: a.carried_over,
					answeredAt: answeredAt(a.answered_at, importedAt)
				})),
				actor.userId
			);
			const restored =
				data.format_version === 2 && !strip
					? await restoreEvidenceFiles(tx, {
							orgId: input.orgId,
							assessmentId: id,
							corpus,
							files: data.evidence_files,
							notRestored: evidenceNotRestored
						})
					: 0;
			const identity = await receiveFirmIdentity(tx, {
				owner: { orgId: input.orgId, clientId: input.clientId },
				assessmentId: id,
				values: profileIdentity(data.profile)
			});
			tx.record({
				action: 'assessment.imported',
				orgId: input.orgId,
				entity: { type: 'assessment', id },
				assessmentId: id,
				after: {
					title: data.title,
					questionnaire_version: data.questionnaire_version,
					from_client: data.client,
					from_state: data.state,
					...(otherClient && keep ? { confirmedOtherClient: otherClient } : {}),
					...(strip ? { strippedOtherClient: otherClient } : {}),
					...(data.format_version === 2
						? { evidenceFilesRestored: restored, evidenceNotRestored }
						: {}),
					exported_at: data.exported_at,
					profile: data.profile,
					answers: strip ? strippedAnswers(data.answers) : data.answers,
					...(identity.conflicts.length ? { identityConflicts: identity.conflicts } : {})
				}
			});
		});
	} catch (e) {
		if (e instanceof UnknownClientError)
			return {
				ok: false,
				issues: [
					e.reason === 'archived'
						? archivedClientIssue()
						: { path: 'clientId', message: m.exports_err_unknown_client() }
				]
			};
		throw e;
	}
	return { ok: true, id, evidenceNotRestored };
}

/** An import under an archived client: refused on the client field (`archived` tells the API). */
const archivedClientIssue = () => ({
	path: 'clientId',
	message: m.clients_lifecycle_err_archived(),
	archived: true as const
});

/** The answers as a stripped import stores them: no note, evidence or owner. */
/** When an imported answer was given: as the file says, but never later than the import itself. */
function answeredAt(given: string | undefined, importedAt: Date): Date {
	if (given === undefined) return importedAt;
	const at = new Date(given);
	return at < importedAt ? at : importedAt;
}

function strippedAnswers(answers: AssessmentExport['answers']): AssessmentExport['answers'] {
	return Object.fromEntries(
		Object.entries(answers).map(([id, a]) => [id, { ...a, note: '', evidence: [], owner: null }])
	);
}

/**
 * The evidence files a version 2 export describes, attached to the new assessment where the
 * organisation already holds the same bytes (its blob of that SHA-256, one reference more: bytes
 * are never shared between organisations); the versions of one file keep their order. The rest
 * are added to `notRestored`. Answers how many were restored.
 */
async function restoreEvidenceFiles(
	tx: AuditedTx,
	input: {
		orgId: string;
		assessmentId: string;
		corpus: Corpus;
		files: ExportedEvidenceFile[];
		notRestored: EvidenceNotRestored[];
	}
): Promise<number> {
	const items = new Set(input.corpus.items.map((i) => i.id));
	// Every file's blob in one statement, and the rows in a few: an export may name thousands, and a
	// statement per file held the database (all of embedded PostgreSQL) for seconds.
	const blobs = await findStoredBlobs(tx.db, {
		orgId: input.orgId,
		sha256s: [...new Set(input.files.filter((f) => items.has(f.item_id)).map((f) => f.sha256))]
	});
	const lineages = new Map<string, { id: string; version: number }>();
	const references = new Map<string, number>();
	const rows: EvidenceFileRow[] = [];
	const ordered = [...input.files].sort((a, b) => a.version - b.version);
	for (const f of ordered) {
		// Cleaned as an upload's name is (no folder, control or direction character): the name is
		// listed and offered back as a download's.
		const fileName = cleanFileName(f.file_name);
		const blobId = items.has(f.item_id) ? blobs.get(f.sha256) : undefined;
		if (!blobId) {
			input.notRestored.push({ itemId: f.item_id, fileName, sha256: f.sha256 });
			continue;
		}
		references.set(blobId, (references.get(blobId) ?? 0) + 1);
		const id = crypto.randomUUID();
		const key = `${f.item_id}\u0000${f.lineage}`;
		const lineage = lineages.get(key) ?? { id, version: 0 };
		lineage.version += 1;
		lineages.set(key, lineage);
		rows.push({
			id,
			orgId: input.orgId,
			assessmentId: input.assessmentId,
			itemId: f.item_id,
			blobId,
			lineageId: lineage.id,
			version: lineage.version,
			fileName,
			contentType: f.content_type,
			size: f.size,
			sha256: f.sha256,
			uploadedBy: tx.actor.userId,
			effectiveOn: f.effective_on,
			expiresOn: f.expires_on
		});
	}
	for (const [blobId, count] of references) await addBlobReferences(tx, blobId, count);
	await insertEvidenceFiles(tx, rows);
	return rows.length;
}
