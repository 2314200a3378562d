import {
	readTemplateRows,
	sameAnswer,
	templateColumns,
	type CellProblem
} from '../../domain/template-import';
import { m } from '../../paraglide/messages';
import { getLocale } from '../../paraglide/runtime';
import type { Database } from '../db/connection';
import { listAnswers } from '../db/queries/answers';
import { findAssessment } from '../db/queries/assessments';
import { audited, type Actor } from '../db/audited';
import { assessmentCorpus, saveAnswerIn } from './service';
import { headerIn } from '../documents/questionnaire-template';
import { statusChoices, statusLookup } from '../documents/template-statuses';
import { runUploadTask } from '../documents/uploads/run-upload';
import { uploadLimitMessage } from './upload-limit-message';
import { applicableItems } from './template';

export type TemplateImportResult =
	| { ok: true; saved: number; skipped: number }
	| { ok: false; reason: 'final' | 'not_xlsx' | 'conflict' }
	| { ok: false; reason: 'invalid'; problems: string[] }
	| { ok: false; reason: 'limit'; message: string };

/** Problems listed one by one; the rest are counted, so a broken file never makes a huge page. */
export const LISTED_PROBLEMS = 50;

class ImportConflict extends Error {}

function describeProblem(sheet: string, p: CellProblem, statuses: string[]): string {
	const column = String.fromCharCode(65 + templateColumns.indexOf(p.column));
	return m.exports_cell({
		sheet,
		row: p.row,
		column,
		// The column as its header reads in the reader's language (说明, not note).
		name: headerIn(getLocale())[p.column],
		problem: problemText(p, statuses)
	});
}

function problemText(p: CellProblem, statuses: string[]): string {
	switch (p.code) {
		case 'not_one_of':
			return m.exports_cell_not_one_of({ value: p.value, allowed: statuses.join(', ') });
		case 'unknown_item':
			return m.exports_cell_unknown_item({ value: p.value });
		case 'duplicate_item':
			return m.exports_cell_duplicate_item({ value: p.value });
		case 'bad_date':
			return m.exports_cell_bad_date({ value: p.value });
		case 'too_long':
			return m.exports_cell_too_long({ max: p.max });
		case 'status_required':
			return m.exports_cell_status_required();
		case 'na_refused':
			return m.exports_err_na_refused();
		case 'na_reason_required':
			return m.exports_err_na_reason();
		case 'bidi_control':
			return m.harden_err_bidi_control();
	}
}

/**
 * Imports a filled template into a draft or in-review assessment. Every bad cell is reported and
 * nothing is saved while any is bad; otherwise the changed rows are saved through saveAnswer (so
 * answer versions and the audit log apply), all in one transaction.
 */
export async function importQuestionnaireTemplate(
	db: Database,
	actor: Actor,
	input: { orgId: string; id: string; bytes: Uint8Array }
): Promise<TemplateImportResult | null> {
	const assessment = await findAssessment(db, { orgId: input.orgId, id: input.id });
	if (!assessment) return null;
	if (assessment.state === 'final') return { ok: false, reason: 'final' };
	// Read on a worker of its own, within TEMPLATE_LIMITS: a hostile file never blocks the server.
	const outcome = await runUploadTask({ kind: 'template', bytes: input.bytes });
	if (outcome.kind === 'limit')
		return { ok: false, reason: 'limit', message: uploadLimitMessage({ limit: outcome.hit }) };
	if (outcome.kind !== 'template')
		throw new Error(outcome.kind === 'failed' ? outcome.error : 'unexpected reply');
	const read = outcome.read;
	if (!read.ok && read.reason === 'not_xlsx') return { ok: false, reason: 'not_xlsx' };
	if (!read.ok) return { ok: false, reason: 'limit', message: uploadLimitMessage(read.hit) };
	const { sheetName, rows } = read;
	const corpus = await assessmentCorpus(db, assessment);
	const items = new Map(applicableItems(corpus, assessment).map((i) => [i.id, i]));
	const { answers, problems } = readTemplateRows(rows, items, statusLookup());
	if (problems.length > 0) {
		const statuses = statusChoices(getLocale());
		const listed = problems
			.slice(0, LISTED_PROBLEMS)
			.map((p) => describeProblem(sheetName, p, statuses));
		const rest = problems.length - listed.length;
		return {
			ok: false,
			reason: 'invalid',
			problems: rest > 0 ? [...listed, m.hostile_more_problems({ count: rest })] : listed
		};
	}

	const stored = new Map((await listAnswers(db, assessment.id)).map((a) => [a.itemId, a]));
	const changed = answers.filter((a) => {
		const before = stored.get(a.itemId);
		return !before || !sameAnswer(a.values, before);
	});
	try {
		await audited(db, actor, async (tx) => {
			for (const a of changed) {
				const result = await saveAnswerIn(tx, {
					assessment,
					itemId: a.itemId,
					values: a.values,
					expectedVersion: stored.get(a.itemId)?.version ?? 0
				});
				if (!result.ok) throw new ImportConflict();
			}
			tx.record({
				action: 'template.imported',
				orgId: assessment.orgId,
				entity: { type: 'assessment', id: assessment.id },
				assessmentId: assessment.id,
				after: { saved: changed.map((a) => a.itemId), skipped: answers.length - changed.length }
			});
		});
	} catch (e) {
		if (e instanceof ImportConflict) return { ok: false, reason: 'conflict' };
		throw e;
	}
	return { ok: true, saved: changed.length, skipped: answers.length - changed.length };
}
