import { firmName } from '../../domain/identity';
import { buildReportModel, type ReportLogo, type ReportModel } from '../../domain/report-model';
import type { ChangesInput } from '../../domain/report-changes';
import type { ReportEdition, ReportLang } from '../../domain/report-text';
import { listAssessmentEvents } from '../db/queries/audit-log';
import { listGapActions } from '../db/queries/gap-actions';
import { reportWords } from '../../labels/report-words';
import { comparable, compareRecords } from '../assessments/comparison';
import { loadAssessmentView } from '../assessments/service';
import type { Database } from '../db/connection';
import { findOrganisationLogo } from '../db/queries/branding';
import { LOGO_LIMITS } from '../documents/uploads/limits';
import { logoDimensions } from '../orgs/branding';
import { logger } from '../logger';
import { findAssessment, findCreatorName, type AssessmentRecord } from '../db/queries/assessments';
import { findFinaliseOverride } from '../db/queries/finalise-overrides';
import type { SignOff } from '../../domain/report-model';
import type { Membership } from '../db/queries/organisations';
import { loadConsultantVoice } from '../voice/consultant-voice';
import { assessmentStaleness } from '../pack/staleness';
import { listEvidenceFiles } from '../db/queries/evidence-files';
import { listAssessmentComments } from '../db/queries/reviews';
import type { ReportCommentInput, ReportEvidenceFileInput } from '../../domain/report-annex';

/**
 * The report model of an assessment as its organisation sees it. The firm on the cover is the
 * identity the name check reads (one source: readFirmIdentity, frozen once final). A consultancy
 * assessing a client is named beside it as assessor, with its logo on the cover.
 */
export async function loadReportModel(
	db: Database,
	input: {
		assessment: AssessmentRecord;
		membership: Pick<Membership, 'orgName' | 'orgKind'>;
		lang: ReportLang;
		edition?: ReportEdition;
		/** Now, for overdue actions; a final report counts them on the day it was signed off. */
		now?: Date;
		/** Print the review comments with the gaps (the consultant's choice; not by default). */
		comments?: boolean;
	}
): Promise<ReportModel> {
	const { assessment, membership, lang } = input;
	const signOff = assessment.state === 'final' ? await findSignOff(db, assessment) : null;
	const view = await loadAssessmentView(db, assessment);
	const { corpus, answers, identity, profile, evaluation } = view;
	const today = signOff?.date ?? shanghaiDate(input.now ?? new Date());
	const consultancy = membership.orgKind === 'consultancy';
	const creator = (await findCreatorName(db, assessment.id)) ?? '—';
	const client = assessment.clientId !== null;
	return buildReportModel(
		{
			corpus,
			evaluation,
			profile,
			answers,
			lang,
			firm: firmName(identity),
			consultancy: consultancy || client ? membership.orgName : null,
			assessor: client ? `${membership.orgName} · ${creator}` : creator,
			assessmentTitle: assessment.title,
			updatedAt: assessment.updatedAt,
			state: assessment.state,
			signOff,
			edition: input.edition ?? 'summary',
			today,
			changes: await changesSincePrevious(db, assessment),
			logo: await reportLogo(db, assessment.orgId),
			actionStatuses: await listGapActions(db, assessment.id),
			voice: await loadConsultantVoice(db, assessment.id),
			stale: await assessmentStaleness(db, assessment, view, today),
			evidenceFiles: await reportEvidenceFiles(db, assessment.id),
			comments: input.comments ? await reportComments(db, assessment.id) : null
		},
		reportWords()
	);
}

/** The assessment's evidence files as plain data for the report's annex (no bytes, no ids). */
export async function reportEvidenceFiles(
	db: Database,
	assessmentId: string
): Promise<ReportEvidenceFileInput[]> {
	const files = await listEvidenceFiles(db, { assessmentId });
	return files.map((f) => ({
		itemId: f.itemId,
		lineageId: f.lineageId,
		version: f.version,
		fileName: f.fileName,
		size: f.size,
		sha256: f.sha256,
		uploaderName: f.uploaderName,
		uploadedAt: new Date(f.uploadedAt).toISOString(),
		effectiveOn: f.effectiveOn,
		expiresOn: f.expiresOn,
		reviewStatus: f.reviewStatus,
		needsReconfirmation: f.needsReconfirmation
	}));
}

async function reportComments(db: Database, assessmentId: string): Promise<ReportCommentInput[]> {
	const comments = await listAssessmentComments(db, assessmentId);
	return comments.map((c) => ({
		itemId: c.itemId,
		authorName: c.authorName,
		body: c.body,
		createdAt: new Date(c.createdAt).toISOString()
	}));
}

/** The Shanghai calendar date (UTC+8 all year) of an instant. */
export function shanghaiDate(at: Date): string {
	return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Who finalised the assessment last, and the Shanghai date: the reviewer who signed it off. */
async function findSignOff(db: Database, assessment: AssessmentRecord): Promise<SignOff | null> {
	const events = await listAssessmentEvents(db, {
		orgId: assessment.orgId,
		assessmentId: assessment.id
	});
	const finalised = events.find((e) => e.action === 'assessment.finalise');
	if (!finalised) return null;
	return {
		reviewer: finalised.actorName ?? '—',
		date: shanghaiDate(new Date(finalised.at)),
		override: await findFinaliseOverride(db, assessment.id)
	};
}

async function changesSincePrevious(
	db: Database,
	assessment: AssessmentRecord
): Promise<ChangesInput | null> {
	if (!assessment.previousAssessmentId) return null;
	const previous = await findAssessment(db, {
		orgId: assessment.orgId,
		id: assessment.previousAssessmentId
	});
	if (!previous || !comparable(assessment, previous)) return null;
	const comparison = await compareRecords(db, previous, assessment);
	// Dated in Shanghai, like the report itself.
	const previousDate = new Date(new Date(previous.createdAt).getTime() + 8 * 3600_000)
		.toISOString()
		.slice(0, 10);
	return { previousTitle: previous.title, previousDate, figures: comparison };
}

async function reportLogo(db: Database, orgId: string): Promise<ReportLogo | null> {
	const logo = await findOrganisationLogo(db, orgId);
	if (!logo) return null;
	// A logo stored before its size was checked: leaving it out keeps every report of the
	// organisation quick (an 11000×11000 one made each report take 15 s and gigabytes).
	const size = logoDimensions(logo.bytes);
	if (!size || size.width > LOGO_LIMITS.width || size.height > LOGO_LIMITS.height) {
		logger.warn({ orgId, size }, 'stored logo left out of the report: too large or unreadable');
		return null;
	}
	return {
		mime: logo.mime,
		dataUrl: `data:${logo.mime};base64,${Buffer.from(logo.bytes).toString('base64')}`
	};
}
