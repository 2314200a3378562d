import { createHash } from 'node:crypto';
import { firmName } from '../../domain/identity';
import { buildReportModel } from '../../domain/report-model';
import { buildEvidenceAnnex, commentsByItem } from '../../domain/report-annex';
import { buildReportSupport } from '../../domain/report-support';
import {
	packSupport,
	SUPPORT_MEASURES,
	supportBackground,
	supportDatesPassed
} from '../../domain/pack-annexes';
import { backgroundReason } from '../../domain/pack-annex-text';
import { questionnaireVersion } from '../corpus';
import type { ReportEdition, ReportLang } from '../../domain/report-text';
import { reportWords } from '../../labels/report-words';
import type { Database } from '../db/connection';
import type { AssessmentRecord } from '../db/queries/assessments';
import type { Membership } from '../db/queries/organisations';
import { readReportStamp } from '../db/queries/report-stamp';
import { rendererVersion } from '../documents/pdf/renderer-version';
import { missingGlyphNoteWords } from '../documents/pdf/missing-glyph-note';
import { readFirmIdentity } from '../identity/service';
import { shanghaiDate } from './load-report';

let modelCode: string | null = null;

/**
 * The words of the report (the note on characters no font has included) and the code that builds
 * its model, hashed once per process: a release that changes either renders drafts afresh (the
 * renderer's own version covers how they are drawn).
 */
function modelCodeHash(): string {
	modelCode ??= createHash('sha256')
		.update(JSON.stringify(reportWords()))
		.update(missingGlyphNoteWords())
		.update(buildReportModel.toString())
		.update(buildEvidenceAnnex.toString())
		.update(commentsByItem.toString())
		// The support measures: which match (the pack's matching), their standing and words.
		.update(buildReportSupport.toString())
		.update(packSupport.toString())
		.update(supportBackground.toString())
		.update(backgroundReason.toString())
		.update(JSON.stringify(SUPPORT_MEASURES))
		.digest('hex');
	return modelCode;
}

export interface DraftReportKey {
	key: string;
	/** What the file name needs, without the model: the firm and the report's date. */
	firm: string;
	date: string;
}

/**
 * The cache key of a draft's (or in-review) PDF from what its content is made of, without building
 * the report model: the assessment row (its content's last change, state, profile, questionnaire
 * version), one statement of stamps (readReportStamp), the firm's identity, the organisation, the
 * language and edition, whether review comments are printed (and then theirs), the model's code
 * and words, the renderer's version, the end dates of support measures already past — and the
 * Shanghai date when an answer or a file with an expiry exists, so overdue counts and expired files
 * roll over at midnight Beijing time.
 */
export async function draftReportKey(
	db: Database,
	input: {
		assessment: AssessmentRecord;
		membership: Pick<Membership, 'orgName' | 'orgKind'>;
		lang: ReportLang;
		edition: ReportEdition;
		/** Review comments printed with the gaps: their stamp enters the key only then. */
		comments?: boolean;
		now?: Date;
	}
): Promise<DraftReportKey> {
	const { assessment: a, membership } = input;
	const [stamp, identity, corpus] = await Promise.all([
		readReportStamp(db, {
			assessmentId: a.id,
			orgId: a.orgId,
			previousId: a.previousAssessmentId
		}),
		readFirmIdentity(db, a),
		questionnaireVersion(db, a.versionHash)
	]);
	const today = shanghaiDate(input.now ?? new Date());
	const firm = firmName(identity);
	const key = createHash('sha256')
		.update(
			JSON.stringify({
				draft: 1,
				renderer: rendererVersion().id,
				model: modelCodeHash(),
				lang: input.lang,
				edition: input.edition,
				assessment: [a.id, a.updatedAt.toISOString(), a.state, a.title, a.versionHash],
				profile: a.profile,
				clientId: a.clientId,
				previousId: a.previousAssessmentId,
				identity,
				org: [membership.orgName, membership.orgKind],
				comments: input.comments === true,
				stamp: {
					...stamp,
					dated: undefined,
					comments: input.comments ? stamp.comments : undefined
				},
				today: stamp.dated ? today : null,
				// A support measure whose document has ended is background only from the next day.
				supportEnded: corpus ? supportDatesPassed(corpus, today) : null
			})
		)
		.digest('hex');
	return { key, firm, date: shanghaiDate(a.updatedAt) };
}
