import { buildReportModel, type ReportLogo, type ReportModel } from '../../domain/report-model';
import type { ChangesInput } from '../../domain/report-changes';
import type { ReportLang } from '../../domain/report-text';
import { reportWords } from '../../labels/report-words';
import { comparable, compareRecords } from '../assessments/comparison';
import { loadAssessmentView } from '../assessments/service';
import type { Database } from '../db/connection';
import { findOrganisationLogo } from '../db/queries/branding';
import { findClient } from '../db/queries/clients';
import { findAssessment, findCreatorName, type AssessmentRecord } from '../db/queries/assessments';
import type { Membership } from '../db/queries/organisations';

/**
 * The report model of an assessment as its organisation sees it. A consultancy assesses a client:
 * the firm is the client (its registered name) and the consultancy is named beside it as assessor,
 * with its logo on the cover.
 */
export async function loadReportModel(
	db: Database,
	input: {
		assessment: AssessmentRecord;
		membership: Pick<Membership, 'orgName' | 'orgKind'>;
		lang: ReportLang;
	}
): Promise<ReportModel> {
	const { assessment, membership, lang } = input;
	const { corpus, answers, evaluation } = await loadAssessmentView(db, assessment);
	const consultancy = membership.orgKind === 'consultancy';
	const creator = (await findCreatorName(db, assessment.id)) ?? '—';
	const client = assessment.clientId
		? await findClient(db, { orgId: assessment.orgId, id: assessment.clientId })
		: null;
	const firm = client
		? client.registeredName?.trim() || client.name
		: consultancy
			? (profileName(assessment) ?? assessment.title)
			: membership.orgName;
	return buildReportModel(
		{
			corpus,
			evaluation,
			profile: assessment.profile,
			answers,
			lang,
			firm,
			consultancy: consultancy || client ? membership.orgName : null,
			assessor: client ? `${membership.orgName} · ${creator}` : creator,
			assessmentTitle: assessment.title,
			updatedAt: assessment.updatedAt,
			changes: await changesSincePrevious(db, assessment),
			logo: await reportLogo(db, assessment.orgId)
		},
		reportWords()
	);
}

function profileName(assessment: AssessmentRecord): string | null {
	const name = assessment.profile.registered_name;
	return typeof name === 'string' && name.trim() !== '' ? name.trim() : null;
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
	return {
		mime: logo.mime,
		dataUrl: `data:${logo.mime};base64,${Buffer.from(logo.bytes).toString('base64')}`
	};
}
