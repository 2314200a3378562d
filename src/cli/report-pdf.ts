import { buildReportModel } from '../lib/domain/report-model';
import { reportWords } from '../lib/labels/report-words';
import { renderReportPdf } from '../lib/server/documents/pdf/render-pdf';
import type { PdfWriter } from './assess';

/**
 * The gap report for `assess --out-pdf`. The command line has no organisation or account: the firm
 * is the registered name in the profile and the assessor is "CLI". It renders on the calling
 * thread: there is no request thread to keep free.
 */
export const writeReportPdf: PdfWriter = async (input) => {
	const name = input.profile.registered_name;
	const firm = typeof name === 'string' && name.trim() !== '' ? name.trim() : 'CLI';
	const model = buildReportModel(
		{
			corpus: input.corpus,
			evaluation: input.evaluation,
			profile: input.profile,
			answers: input.answers,
			lang: input.lang,
			firm,
			consultancy: null,
			assessor: 'CLI',
			assessmentTitle: null,
			updatedAt: input.updatedAt
		},
		reportWords()
	);
	return renderReportPdf(model);
};
