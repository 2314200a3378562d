import type { Lang } from '../../domain/corpus';
import type { ReportLang } from '../../domain/report-text';
import { answerStatuses, type AnswerStatus } from '../../domain/scoring';
import { statusKey } from '../../domain/template-import';
import { statusLabel } from '../../labels/assessment';

/*
 * The words a questionnaire template uses for a status, apart from the workbook code: reading an
 * uploaded template needs them on the request thread, where exceljs must not be loaded (its first
 * load holds the thread for about half a second).
 */

export const TEMPLATE_LANGS: Lang[] = ['zh', 'en'];

export const inLang = (l: Lang) => ({ locale: l });

/** The words the status drop-down offers, in the template's language(s). */
export function statusChoices(lang: ReportLang): string[] {
	return answerStatuses.map((s) =>
		lang === 'both'
			? `${statusLabel(s, inLang('zh'))} / ${statusLabel(s, inLang('en'))}`
			: statusLabel(s, inLang(lang))
	);
}

/** Every way a status may be written in a filled template: its code, or its label in either language. */
export function statusLookup(): Map<string, AnswerStatus> {
	const lookup = new Map<string, AnswerStatus>();
	for (const s of answerStatuses) {
		lookup.set(statusKey(s), s);
		for (const l of TEMPLATE_LANGS) lookup.set(statusKey(statusLabel(s, inLang(l))), s);
		lookup.set(statusKey(`${statusLabel(s, inLang('zh'))} / ${statusLabel(s, inLang('en'))}`), s);
	}
	return lookup;
}
