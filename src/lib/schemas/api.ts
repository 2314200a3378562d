import { ruleStandings } from '$lib/domain/rule-standing';
import { bases, type ProfileQuestion } from '$lib/domain/corpus';
import { itemChanges } from '$lib/domain/compare';
import { answerStatuses, verdicts } from '$lib/domain/scoring';
import { IDENTITY_MAX } from '$lib/domain/identity';
import { answerJsonSchema, profileJsonSchema } from './assessment-json';
import { requiredText, withoutBidiControls, z } from './zod';

// Every body, parameter and response of /api/v1. The endpoints validate with these and the OpenAPI
// document is generated from them (src/lib/server/web/api/registry.ts), so the two cannot drift.

export const apiErrorSchema = z
	.object({
		error: z.object({
			code: z.string().meta({ example: 'invalid_body' }),
			message: z.string(),
			fields: z
				.record(z.string(), z.string())
				.optional()
				.meta({ description: 'Problems by field path, e.g. "status" or "profile.licences".' })
		})
	})
	.meta({ id: 'Error' });

export const createdSchema = z.object({ id: z.uuid() }).meta({ id: 'Created' });

/** An imported assessment: its id, and the evidence files (version 2) it could not restore. */
export const importedSchema = z
	.object({
		id: z.uuid(),
		evidence_not_restored: z
			.array(z.object({ item_id: z.string(), file_name: z.string(), sha256: z.string() }))
			.meta({
				description:
					'Files the export describes whose bytes this organisation does not hold: upload them again.'
			})
	})
	.meta({ id: 'Imported' });

const timestamp = z.iso.datetime({ offset: true });
const itemId = z.string().regex(/^[A-Z]{2,5}-\d{3}$/);

export const assessmentParamsSchema = z.object({ id: z.uuid() });
export const answerParamsSchema = z.object({ id: z.uuid(), item_id: itemId });

// --- questionnaire --------------------------------------------------------------------------------

const localized = z.object({ zh: z.string(), en: z.string() });

export const questionnaireSchema = z
	.object({
		version: z.string().meta({ description: 'SHA-256 of the questionnaire content.' }),
		items: z.array(
			z
				.looseObject({
					id: itemId,
					domain: z.string(),
					question: localized,
					guidance: localized,
					severity: z.enum(['critical', 'high', 'medium', 'low']),
					basis: z.enum(bases).meta({
						description:
							'obligation and entry_condition decide the verdict; good_practice (policy alignment and good practice) is scored apart.'
					}),
					criteria: z
						.object({ compliant: localized, partial: localized, non_compliant: localized })
						.nullable()
						.meta({ description: 'What counts as compliant, partially compliant, non-compliant.' }),
					never_na: z.boolean(),
					applies_when: z.unknown().meta({ description: 'Applicability rule over the profile.' }),
					provisions: z.array(z.string()),
					related_rules: z.array(
						z.looseObject({
							title: z.string(),
							issuer: z.string(),
							article: z.string().nullable(),
							article_standing: z.enum(ruleStandings).meta({
								description:
									'article_verified: the article was checked against a stored public copy. article_to_confirm and unverified: show as "article to be confirmed", never as an authority.'
							})
						})
					),
					remediation: localized
				})
				.meta({ description: 'An item as `cli items --json` prints it.' })
		)
	})
	.meta({ id: 'Questionnaire' });

// --- clients --------------------------------------------------------------------------------------

export const createClientSchema = z.strictObject({
	name: requiredText(200),
	registered_name: withoutBidiControls(z.string().trim().max(IDENTITY_MAX.registered_name))
		.nullable()
		.optional(),
	business_scope: withoutBidiControls(z.string().trim().max(IDENTITY_MAX.business_scope))
		.nullable()
		.optional()
});

/** Where a client or an assessment stands in its life (see `?shelf=` on the lists). */
const shelfTimes = {
	archived_at: timestamp.nullable().meta({ description: 'When it was archived; null when not' }),
	deleted_at: timestamp.nullable().meta({
		description: 'When it was deleted (it is purged after the grace period); null when not'
	})
};

/** The lists of clients and of assessments: one shelf at a time, those in use by default. */
export const shelfQuerySchema = z.object({
	shelf: z
		.enum(['active', 'archived', 'deleted'])
		.default('active')
		.meta({ description: 'In use (default), archived, or deleted and awaiting their purge.' })
});

export const clientSchema = z
	.object({
		id: z.uuid(),
		name: z.string(),
		registered_name: z.string().nullable(),
		business_scope: z.string().nullable(),
		contact: z.string().nullable(),
		notes: z.string(),
		created_at: timestamp,
		...shelfTimes
	})
	.meta({ id: 'Client' });

export const clientListSchema = z.object({ clients: z.array(clientSchema) });

// --- assessments ----------------------------------------------------------------------------------

/** Either a profile (the CLI's profile.json) or an assessment to start from, not both. */
export function createAssessmentSchema(questions: readonly ProfileQuestion[]) {
	return z
		.strictObject({
			client_id: z.uuid().nullable().optional(),
			title: requiredText(200).optional(),
			profile: profileJsonSchema(questions).optional(),
			from_assessment_id: z.uuid().optional(),
			confirm_client_identity_change: z.boolean().optional().meta({
				description:
					'With client_id: the profile’s registered_name or business_scope differs from the client’s record, which all its assessments share. Without true, such a request is refused with 409 (client_identity_differs) naming the fields; with true, the client’s record takes the profile’s values.'
			})
		})
		.superRefine((v, ctx) => {
			if ((v.profile === undefined) === (v.from_assessment_id === undefined))
				ctx.addIssue({
					code: 'custom',
					path: [v.profile === undefined ? 'profile' : 'from_assessment_id'],
					message: 'give either profile or from_assessment_id'
				});
			if (v.from_assessment_id !== undefined && v.client_id != null)
				ctx.addIssue({
					code: 'custom',
					path: ['client_id'],
					message: 'an assessment started from a previous one keeps its client'
				});
		})
		.meta({
			description:
				'Start from a profile (as the CLI’s profile.json), or from a previous assessment whose answers are carried over.'
		});
}

export const assessmentStates = ['draft', 'in_review', 'final'] as const;

export const assessmentSummarySchema = z
	.object({
		id: z.uuid(),
		title: z.string(),
		client_id: z.uuid().nullable(),
		state: z.enum(assessmentStates),
		due_date: z.iso
			.date()
			.nullable()
			.meta({ description: 'When the assessment should be done (a calendar date)' }),
		responsible_user_id: z
			.uuid()
			.nullable()
			.meta({ description: 'The owner or consultant who answers for the assessment' }),
		created_at: timestamp,
		updated_at: timestamp,
		...shelfTimes
	})
	.meta({ id: 'AssessmentSummary' });

export const assessmentListSchema = z.object({ assessments: z.array(assessmentSummarySchema) });

export const storedAnswerSchema = z
	.object({
		status: z.enum(answerStatuses),
		note: z.string(),
		evidence: z.array(z.string()),
		owner: z.string().nullable(),
		due: z.iso.date().nullable(),
		version: z.int()
	})
	.meta({ id: 'Answer' });

const scoreFigures = z
	.object({
		score: z.number().nullable(),
		earned: z.number(),
		possible: z.number(),
		applicable: z.int(),
		answered: z.int(),
		notApplicable: z.int(),
		unanswered: z.int()
	})
	.meta({ id: 'ScoreFigures' });

const resultGap = z.object({
	item_id: itemId,
	domain: z.string(),
	severity: z.string(),
	basis: z.enum(bases),
	status: z.enum(['partial', 'non_compliant']),
	provisions: z.array(z.string())
});

/** The CLI's result.json (src/lib/domain/result.ts). */
export const resultSchema = z
	.object({
		questionnaire_version: z.string(),
		applicable: z.array(itemId),
		excluded: z.array(z.object({ item_id: itemId, reason: localized })),
		complete: z.boolean(),
		scores: z.object({ overall: scoreFigures, domains: z.record(z.string(), scoreFigures) }),
		verdict: z.enum(verdicts).meta({
			description:
				'not_assessed when fewer than 80% of the applicable obligation and entry-condition items are answered (or none apply).'
		}),
		verdict_reasons: z.array(z.looseObject({ code: z.string() })),
		findings: z.array(
			z.object({
				code: z.literal('restricted_term'),
				term: z.string(),
				fields: z.array(z.enum(['registered_name', 'business_scope'])).meta({
					description: 'Where the word is claimed (one finding per word).'
				}),
				provisions: z.array(z.string()),
				conflict: z.string().nullable(),
				namedBy: z.array(z.string()).meta({ description: 'Items whose text names the word.' }),
				licensed: z.boolean().meta({
					description: 'Every use is covered by a licence the profile lists: confirm, not remove.'
				}),
				licence: z.string().nullable()
			})
		),
		gaps: z.array(resultGap).meta({
			description:
				'Answered partial or non-compliant obligation and entry-condition items, most severe first.'
		}),
		good_practice: z.object({ scores: scoreFigures, items: z.array(resultGap) }).meta({
			description:
				'Good-practice items, scored apart: their figures, and those answered partial or non-compliant. Never gaps.'
		}),
		unanswered: z.array(itemId).meta({
			description: 'Applicable items not answered yet (not ranked as gaps).'
		})
	})
	.meta({ id: 'Result' });

/** The firm assessed, read from its one source: the report's cover and name check read the same. */
export const firmIdentitySchema = z
	.object({
		name: z
			.string()
			.meta({ description: 'The name the report prints: the registered name when known.' }),
		registered_name: z.string().nullable(),
		business_scope: z.string().nullable(),
		source: z.enum(['client', 'organisation', 'frozen', 'input']).meta({
			description:
				'Where it was read: the client record, the organisation itself, or the copy frozen when the assessment was finalised (input: a CLI profile file).'
		})
	})
	.meta({ id: 'FirmIdentity' });

export const assessmentDetailSchema = z
	.object({
		id: z.uuid(),
		title: z.string(),
		client_id: z.uuid().nullable(),
		state: z.enum(assessmentStates),
		due_date: z.iso.date().nullable(),
		responsible_user_id: z.uuid().nullable(),
		questionnaire_version: z.string(),
		firm: firmIdentitySchema,
		profile: z.record(z.string(), z.unknown()).meta({
			description:
				'The profile, with registered_name and business_scope read from the firm’s record (see firm).'
		}),
		answers: z.record(itemId, storedAnswerSchema),
		result: resultSchema
	})
	.meta({ id: 'Assessment' });

/** `version` is the answer's current version (0 or absent for a first answer): a stale one is 409. */
export const putAnswerSchema = answerJsonSchema.extend({
	version: z.int().min(0).max(1_000_000).optional()
});

export const answerSavedSchema = z.object({ version: z.int() });

export const answerConflictSchema = apiErrorSchema
	.extend({ current: storedAnswerSchema.nullable() })
	.meta({ id: 'AnswerConflict' });

// --- exports, imports and comparison --------------------------------------------------------------

export const actionPlanQuerySchema = z.object({
	lang: z.enum(['zh', 'en']).default('zh').meta({ description: 'The language of the plan.' })
});

export const importQuerySchema = z.object({
	client_id: z
		.uuid()
		.optional()
		.meta({ description: 'The client the imported assessment is for.' }),
	confirm_other_client: z
		.enum(['true', 'false'])
		.optional()
		.meta({
			description:
				'true to import a file exported from another client (or under no client) all the same; ' +
				'without it such an import is refused with 400 naming the field client.'
		}),
	other_client: z
		.enum(['strip', 'keep'])
		.optional()
		.meta({
			description:
				'For a file exported from another client (or under no client): strip imports the answers ' +
				'without their notes, evidence (notes and files) and owners; keep is confirm_other_client=true.'
		})
});

export const compareParamsSchema = z.object({ id: z.uuid(), other_id: z.uuid() });

const comparedAssessment = z.object({
	id: z.uuid(),
	title: z.string(),
	state: z.enum(assessmentStates),
	versionHash: z.string(),
	createdAt: timestamp
});
const scoreDelta = z.object({
	before: z.number().nullable(),
	after: z.number().nullable(),
	delta: z.number().nullable()
});
const itemStanding = z.enum([...answerStatuses, 'unanswered', 'out_of_scope', 'absent']);

/** Two assessments of one client (src/lib/server/assessments/comparison.ts), the earlier first. */
export const comparisonSchema = z
	.object({
		before: comparedAssessment,
		after: comparedAssessment,
		overall: scoreDelta,
		domains: z.array(scoreDelta.extend({ id: z.string(), label: localized })),
		items: z.array(
			z.object({
				itemId,
				domain: z.string(),
				question: localized,
				change: z.enum(itemChanges),
				before: itemStanding,
				after: itemStanding
			})
		),
		counts: z.record(z.enum(itemChanges), z.int())
	})
	.meta({ id: 'Comparison' });
