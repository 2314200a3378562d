import { firmName, identityOfProfile } from '../lib/domain/identity';
import { buildReportModel } from '../lib/domain/report-model';
import { reportWords } from '../lib/labels/report-words';
import { renderReportPdf } from '../lib/server/documents/pdf/render-pdf';
import { renderReportDocx } from '../lib/server/documents/docx/render-docx';
import type { ReportWriter } from './assess';
import { buildFilingPack } from '../lib/domain/filing-pack';
import { packWords } from '../lib/labels/pack-words';
import { renderPackDocx } from '../lib/server/documents/pack/pack-docx';
import { renderPackPdf } from '../lib/server/documents/pack/pack-pdf';
import { shanghaiDate } from '../lib/server/report/load-report';

/**
 * The gap report for `assess --out-pdf` and `--out-docx`. The command line has no organisation or account: the
 * profile file is the firm's one source of identity (the name check reads the same); no assessor is
 * named (the cover says nothing rather than "CLI"), and the report is a draft. It renders on the
 * calling thread: there is no request thread to keep free.
 */
export const writeReport: ReportWriter = async (input) => {
	const firm = firmName(identityOfProfile(input.profile, 'CLI'));
	if (input.pack) {
		// The filing is in Chinese; `--lang en` asks for the English working translation.
		const pack = buildFilingPack(
			{
				corpus: input.corpus,
				evaluation: input.evaluation,
				profile: input.profile,
				answers: input.answers,
				input: input.pack.input,
				evidence: [],
				edits: {},
				firm,
				today: shanghaiDate(input.updatedAt),
				lang: input.lang === 'en' ? 'en' : 'zh',
				edition: 'full'
			},
			packWords()
		);
		return input.format === 'docx' ? renderPackDocx(pack) : renderPackPdf(pack);
	}
	const model = buildReportModel(
		{
			corpus: input.corpus,
			evaluation: input.evaluation,
			profile: input.profile,
			answers: input.answers,
			lang: input.lang,
			firm,
			consultancy: null,
			assessor: null,
			assessmentTitle: null,
			updatedAt: input.updatedAt
		},
		reportWords()
	);
	return input.format === 'docx' ? renderReportDocx(model) : renderReportPdf(model);
};
