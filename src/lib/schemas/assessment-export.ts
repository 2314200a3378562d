import { isCalendarDate } from '../domain/calendar-date';
import { answerStatuses } from '$lib/domain/scoring';
import { m } from '$lib/paraglide/messages';
import { withoutBidiControls, z } from './zod';
import { noteText } from './note-text';

/**
 * An assessment as a JSON file, format `sandbox-readiness/assessment` version 1:
 *
 * ```json
 * {
 *   "format": "sandbox-readiness/assessment",
 *   "format_version": 1,
 *   "exported_at": "2026-11-22T08:00:00.000Z",
 *   "questionnaire_version": "<64 hex digits: the corpus version the answers belong to>",
 *   "title": "2026 自评",
 *   "client": "浦江数科" | null,          // informational: the import chooses the client
 *   "state": "draft" | "in_review" | "final", // informational: an import is always a new draft
 *   "profile": { "<profile question id>": "text" | ["option", …] | true | false | null },
 *   "answers": {
 *     "LIC-001": { "status": "compliant" | "partial" | "non_compliant" | "not_applicable",
 *                  "note": "…", "evidence": ["…"], "owner": "…" | null,
 *                  "due": "YYYY-MM-DD" | null, "carried_over": false }
 *   }
 * }
 * ```
 * Unknown fields are refused, so a typo is reported rather than silently dropped.
 *
 * Version 2 (written since issue 18) is version 1 plus the answers' evidence files, described but
 * not carried — a JSON file holds no file's bytes (the evidence bundle, `evidence.zip`, does):
 *
 * ```json
 *   "format_version": 2,
 *   "answers": { "LIC-001": { …, "evidence": ["…"] } },   // evidence: the evidence notes (text lines)
 *   "evidence_files": [{ "item_id": "LIC-001", "file_name": "policy.pdf",
 *                        "content_type": "application/pdf", "size": 12345, "sha256": "<64 hex>",
 *                        "lineage": "<opaque: the versions of one file share it>", "version": 1,
 *                        "uploaded_by": "王芳" | null, "uploaded_at": "<ISO time>",
 *                        "effective_on": "YYYY-MM-DD", "expires_on": "YYYY-MM-DD" | null }]
 * ```
 * Version 2 files written since 2026-12-02 also carry `"client_id": "<uuid>" | null`, the id of the
 * client exported from (optional: older version 2 files have none and are judged by `client`), and
 * each answer's `"answered_at": "<ISO time>"` (optional: an import keeps it, so an old answer is not
 * presented as given today; a time in the future is taken as the import's own).
 * Import accepts versions 1 and 2. A version 2 file's evidence is restored where the importing
 * organisation already holds the same bytes (by SHA-256); the others are listed as not restored.
 */
export const ASSESSMENT_EXPORT_FORMAT = 'sandbox-readiness/assessment';
export const ASSESSMENT_EXPORT_VERSION = 2;

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not one). */

const calendarDate = z.string().refine(isCalendarDate, { error: () => m.err_date() });

export const exportedAnswerSchema = z.strictObject({
	status: z.enum(answerStatuses),
	note: noteText(),
	evidence: z.array(withoutBidiControls(z.string().max(2000))).max(50),
	owner: withoutBidiControls(z.string().max(200)).nullable(),
	due: calendarDate.nullable(),
	carried_over: z.boolean(),
	/** When the answer was last given; files written before 2026-12-02 have none (import: today). */
	answered_at: z.iso.datetime().optional()
});

const profileValue = z.union([
	withoutBidiControls(z.string().max(500)),
	z.array(withoutBidiControls(z.string().max(200))).max(50),
	z.boolean(),
	z.null()
]);

export const exportedEvidenceFileSchema = z.strictObject({
	item_id: z.string().regex(/^[A-Z]{2,5}-\d{3}$/),
	file_name: z.string().min(1).max(255),
	content_type: z.string().max(200),
	size: z.number().int().min(0),
	sha256: z.string().regex(/^[0-9a-f]{64}$/),
	lineage: z.string().min(1).max(100),
	version: z.number().int().min(1),
	uploaded_by: withoutBidiControls(z.string().max(200)).nullable(),
	uploaded_at: z.iso.datetime(),
	effective_on: calendarDate,
	expires_on: calendarDate.nullable()
});

const assessmentExportV1Schema = z.strictObject({
	format: z.literal(ASSESSMENT_EXPORT_FORMAT),
	format_version: z.literal(1),
	exported_at: z.iso.datetime(),
	questionnaire_version: z.string().regex(/^[0-9a-f]{64}$/),
	title: withoutBidiControls(z.string().trim().min(1).max(200)),
	client: withoutBidiControls(z.string().max(200)).nullable(),
	state: z.enum(['draft', 'in_review', 'final']),
	profile: z.record(z.string().regex(/^[a-z][a-z0-9_]{0,59}$/), profileValue),
	answers: z.record(z.string().regex(/^[A-Z]{2,5}-\d{3}$/), exportedAnswerSchema)
});

const assessmentExportV2Schema = assessmentExportV1Schema.extend({
	format_version: z.literal(2),
	evidence_files: z.array(exportedEvidenceFileSchema).max(5000),
	// The client's id (null: none), written since 2026-12-02; optional, so older files still import.
	// The import under another client is decided by it, not by the name (two clients may share one).
	client_id: z.uuid().nullable().optional()
});

/** Version 1 or 2, told apart by `format_version`. */
export const assessmentExportSchema = z.discriminatedUnion('format_version', [
	assessmentExportV1Schema,
	assessmentExportV2Schema
]);

export type AssessmentExport = z.infer<typeof assessmentExportSchema>;
export type AssessmentExportV2 = z.infer<typeof assessmentExportV2Schema>;
export type ExportedEvidenceFile = z.infer<typeof exportedEvidenceFileSchema>;
export type ExportedAnswer = z.infer<typeof exportedAnswerSchema>;

/** An issue's place in the file, as a JSON path: answers.LIC-001.evidence[2]. */
export function jsonPath(path: readonly PropertyKey[]): string {
	return (
		path
			.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
			.join('') || '$'
	);
}

const MAX_UPLOAD = 5 * 1024 * 1024;

/** An uploaded file of at most 5 MB. */
export const uploadedFile = () =>
	z
		.instanceof(File, { error: () => m.exports_err_file_required() })
		.refine((f) => f.size > 0, { error: () => m.exports_err_file_required() })
		.refine((f) => f.size <= MAX_UPLOAD, { error: () => m.exports_err_file_too_big() });

export const importAssessmentFormSchema = z.object({
	file: uploadedFile(),
	clientId: z.union([z.literal(''), z.uuid()]).default(''),
	/** Ticked after the warning that the file comes from another client. */
	confirmOtherClient: z.boolean().default(false),
	/** After that warning: without its notes, evidence and owners ('strip'), or with them ('keep'). */
	otherClient: z.enum(['strip', 'keep']).optional()
});

export const importTemplateFormSchema = z.object({ file: uploadedFile() });

/** What an import form says back: the problems found, one line each, when nothing was imported. */
export type ImportNotice = {
	type: 'error' | 'success';
	text: string;
	issues?: string[];
	/** A link to what was made (an import that left evidence files behind). */
	link?: { href: string; label: string };
	/** The file comes from another client: the form asks for a confirmation. */
	confirmOtherClient?: boolean;
};
