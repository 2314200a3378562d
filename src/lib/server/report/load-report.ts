import { buildReportModel, type ReportModel } from '../../domain/report-model';
import type { ReportLang } from '../../domain/report-text';
import { reportWords } from '../../report-words';
import { loadAssessmentView } from '../assessments/service';
import type { Database } from '../db/connection';
import { findCreatorName, type AssessmentRecord } from '../db/queries/assessments';
import type { Membership } from '../db/queries/organisations';

/**
 * The report model of an assessment as its organisation sees it. A consultancy assesses a client:
 * the firm is the client's registered name and the consultancy is named beside it.
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
	const registeredName = assessment.profile.registered_name;
	const clientName =
		typeof registeredName === 'string' && registeredName.trim() !== ''
			? registeredName.trim()
			: assessment.title;
	return buildReportModel(
		{
			corpus,
			evaluation,
			profile: assessment.profile,
			answers,
			lang,
			firm: consultancy ? clientName : membership.orgName,
			consultancy: consultancy ? membership.orgName : null,
			assessor: (await findCreatorName(db, assessment.id)) ?? '—',
			assessmentTitle: assessment.title,
			updatedAt: assessment.updatedAt
		},
		reportWords()
	);
}
