import type { Corpus } from './corpus';
import { packSupport, type SupportQuote } from './pack-annexes';
import { backgroundReason } from './pack-annex-text';
import type { ProvisionQuote } from './report-model';
import { chooser, type ReportLang, type ReportText, type Words } from './report-text';

/**
 * One support measure (政策支持措施) in the gap report: what the firm may apply for, not what it
 * fails. The quote is the report's own (citation and force as every other quote of the report);
 * which measures, and which are policy background only, is the filing pack's matching
 * (`packSupport`), so the pack, the result page and the report never disagree.
 */
export interface ReportSupportMeasure {
	n: number;
	quote: ProvisionQuote;
	/** The citation in the report's language(s), for the summary edition's short list. */
	citation: ReportText;
	/** The measure's first sentence (Chinese) or its English summary, clipped: the short list's line. */
	gist: ReportText;
	/** "Policy background only" when superseded, expired or overtaken; null: the firm may apply. */
	background: ReportText | null;
	/** Why it is background only, in plain words; null when it is not. */
	backgroundReason: ReportText | null;
}

export interface SupportInput {
	corpus: Pick<Corpus, 'items' | 'provisions' | 'sources'>;
	profile: Readonly<Record<string, unknown>>;
	lang: ReportLang;
	/** The day a measure's end date is weighed against (the report's day). */
	today: string;
	words: Words;
	/** The report's quote of a provision (report-model's provisionQuoter). */
	quote: (id: string) => ProvisionQuote[];
	/** The report's summary clip (report-model's clip). */
	clip: (text: string, english: boolean) => string;
}

/**
 * The support measures matched to the profile, in force first, those that are background only last
 * and marked so; empty when none matches.
 */
export function buildReportSupport(input: SupportInput): ReportSupportMeasure[] {
	const choose = chooser(input.lang);
	const matched = (lang: 'zh' | 'en') =>
		packSupport({ corpus: input.corpus, profile: input.profile, today: input.today, lang });
	// The same matching in each language: only the citations (and a successor's) differ.
	const zh = matched('zh');
	const en = new Map(matched('en').map((q) => [q.provisionId, q]));
	const reason = (q: SupportQuote, lang: 'zh' | 'en') =>
		q.background ? backgroundReason({ words: input.words[lang] }, q.background) : '';
	return zh.flatMap((q, i) => {
		const [quote] = input.quote(q.provisionId);
		const other = en.get(q.provisionId);
		if (!quote || !other) return [];
		const firstSentence = q.text.split('。')[0]!;
		return [
			{
				n: i + 1,
				quote,
				citation: choose(q.citation, other.citation),
				gist: choose(
					input.clip(firstSentence, false),
					input.clip(other.summaryEn || other.text, true)
				),
				background: q.background
					? choose(input.words.zh.supportBackground, input.words.en.supportBackground)
					: null,
				backgroundReason: q.background ? choose(reason(q, 'zh'), reason(other, 'en')) : null
			}
		];
	});
}
