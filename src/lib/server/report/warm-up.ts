import { buildReportModel, type ReportModel } from '../../domain/report-model';
import { evaluateAssessment } from '../../domain/result';
import type { Answer } from '../../domain/scoring';
import { reportWords } from '../../labels/report-words';
import { currentQuestionnaire } from '../corpus';

/** A bilingual report on every item, each a gap: it goes through every part of the renderer. */
export function warmUpReportModel(): ReportModel {
	const { corpus, hash } = currentQuestionnaire();
	const profile = { registered_name: '预热 Warm-up' };
	const answers: Answer[] = corpus.items.map((item) => ({
		itemId: item.id,
		status: 'partial',
		note: '预热 warm-up',
		evidence: [],
		owner: null,
		due: null
	}));
	return buildReportModel(
		{
			corpus,
			evaluation: evaluateAssessment(corpus, hash, profile, answers),
			profile,
			answers,
			lang: 'both',
			firm: '预热 Warm-up',
			consultancy: null,
			assessor: '—',
			assessmentTitle: null,
			updatedAt: new Date(0)
		},
		reportWords()
	);
}
