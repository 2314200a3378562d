import type { Corpus, Lang } from '../../domain/corpus';
import { citeProvisions } from '../../domain/provision-standing';
import {
	staleText,
	staleWarnings,
	type StaleQueueEntry,
	type StaleWarning
} from '../../domain/staleness';
import { packWords } from '../../labels/pack-words';
import { loadAssessmentView, type AssessmentView } from '../assessments/service';
import type { Database } from '../db/connection';
import { findAssessment, type AssessmentRecord } from '../db/queries/assessments';
import { listEvidenceFiles } from '../db/queries/evidence-files';
import { findFilingPack } from '../db/queries/filing-packs';
import { shanghaiDate } from '../report/load-report';

/**
 * What an assessment relies on that has lapsed or will by its planned filing date (the pack form's
 * date and validity window): for the result page, the dashboards and the gap report. Two queries
 * besides the view the caller already has.
 */
export async function assessmentStaleness(
	db: Database,
	assessment: Pick<AssessmentRecord, 'id'>,
	view: Pick<AssessmentView, 'corpus' | 'answers' | 'evaluation'>,
	today: string
): Promise<StaleWarning[]> {
	const [pack, evidence] = await Promise.all([
		findFilingPack(db, assessment.id),
		listEvidenceFiles(db, { assessmentId: assessment.id })
	]);
	const applicable = new Set(view.evaluation.result.applicable);
	return staleWarnings({
		today,
		filingDate: pack.input.planned_filing_date,
		validityMonths: pack.input.validity_months,
		items: view.corpus.items.filter((i) => applicable.has(i.id)),
		provisions: view.corpus.provisions,
		answered: view.answers
			.filter((a) => a.status !== 'not_applicable')
			.map((a) => ({ itemId: a.itemId, on: shanghaiDate(a.updatedAt) })),
		evidence
	});
}

/** The warnings as sentences in one language. */
export function staleSentences(
	warnings: readonly StaleWarning[],
	lang: Lang,
	corpus: Pick<Corpus, 'provisions' | 'sources'>
): string[] {
	const words = packWords()[lang];
	return warnings.map((w) => staleText(w, words, lang, (ids, l) => citeProvisions(ids, corpus, l)));
}

/**
 * The dashboards' stale material: for each assessment shown (the firm's current one, each client's
 * newest), what has lapsed or will by its filing date. Organisation-scoped reads; a dashboard
 * shows a handful.
 */
export async function staleQueue(
	db: Database,
	orgId: string,
	assessments: readonly Pick<AssessmentRecord, 'id'>[],
	today: string,
	lang: Lang,
	clientNameOf: (assessmentId: string) => string | null = () => null
): Promise<StaleQueueEntry[]> {
	const entries = await Promise.all(
		assessments.map(async ({ id }) => {
			const assessment = await findAssessment(db, { orgId, id });
			if (!assessment) return null;
			const view = await loadAssessmentView(db, assessment);
			const warnings = staleSentences(
				await assessmentStaleness(db, assessment, view, today),
				lang,
				view.corpus
			);
			return warnings.length === 0
				? null
				: {
						assessmentId: id,
						assessmentTitle: assessment.title,
						clientName: clientNameOf(id),
						warnings
					};
		})
	);
	return entries.filter((e): e is StaleQueueEntry => e !== null);
}
