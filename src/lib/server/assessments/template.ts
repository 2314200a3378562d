import { scopeItems } from '../../domain/applicability';
import type { Item } from '../../domain/corpus';
import type { ReportLang } from '../../domain/report-text';
import type { Database } from '../db/connection';
import { listAnswers } from '../db/queries/answers';
import { findAssessment, type AssessmentRecord } from '../db/queries/assessments';
import { questionnaireTemplateWorkbook } from '../documents/questionnaire-template';
import { assessmentCorpus } from './service';

export function applicableItems(corpus: { items: Item[] }, assessment: AssessmentRecord): Item[] {
	return scopeItems(corpus.items, assessment.profile).applicable;
}

/** The questionnaire template of an assessment of the organisation; null when it is not theirs. */
export async function questionnaireTemplateXlsx(
	db: Database,
	scope: { orgId: string; id: string; lang: ReportLang }
): Promise<Uint8Array | null> {
	const assessment = await findAssessment(db, scope);
	if (!assessment) return null;
	const corpus = await assessmentCorpus(db, assessment);
	const answers = new Map((await listAnswers(db, assessment.id)).map((a) => [a.itemId, a]));
	return questionnaireTemplateWorkbook({
		title: assessment.title,
		versionHash: assessment.versionHash,
		updatedAt: assessment.updatedAt,
		items: applicableItems(corpus, assessment),
		domains: corpus.domains,
		answers,
		lang: scope.lang
	});
}
