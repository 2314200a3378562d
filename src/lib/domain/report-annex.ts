/**
 * What the report adds from the review work around the answers (issues 17 and 18): the evidence
 * annex — every evidence file, with its hash, by item — and, when the consultant asks for them, the
 * review comments printed with each gap. Plain data in (the loader reads the database), plain data
 * out (any renderer prints it); the people's own text (file names, names, comments) is printed as
 * typed, less the characters no report may hold.
 */
import type { EvidenceReviewStatus } from './evidence';
import {
	inlineText,
	labelled,
	phraser,
	type LabelKey,
	type ReportLang,
	type ReportText,
	type Words
} from './report-text';

/** One evidence file as the report needs it: what the loader passes in. */
export interface ReportEvidenceFileInput {
	itemId: string;
	/** One document across its versions; the annex lists the latest version of each. */
	lineageId: string;
	version: number;
	fileName: string;
	size: number;
	sha256: string;
	uploaderName: string | null;
	/** ISO instant. */
	uploadedAt: string;
	/** YYYY-MM-DD */
	effectiveOn: string;
	expiresOn: string | null;
	reviewStatus: EvidenceReviewStatus;
	needsReconfirmation: boolean;
}

/** One review comment on an item, as the loader passes it in. */
export interface ReportCommentInput {
	itemId: string;
	authorName: string | null;
	body: string;
	/** ISO instant. */
	createdAt: string;
}

export interface ReportEvidenceFile {
	name: string;
	version: number;
	/** "第 2 版" / "version 2"; null for a first version. */
	versionText: ReportText | null;
	/** Human size ("1.2 MB") and the exact count of bytes. */
	size: string;
	bytes: number;
	uploader: string;
	/** Shanghai date of the upload. */
	uploadedOn: string;
	/** "张敏，2026-11-21" / "Zhang Min, 2026-11-21": who uploaded it and when. */
	uploaded: string;
	effectiveOn: string;
	/** The expiry date, or "none set". */
	expires: ReportText;
	/** Expired on the report's day, or carried from an earlier assessment to be re-confirmed. */
	flags: ReportText[];
	decision: EvidenceReviewStatus;
	decisionLabel: ReportText;
	/** Full, lower-case hex: printed whole, in a monospace face, breakable anywhere. */
	sha256: string;
}

export interface ReportEvidenceItem {
	itemId: string;
	question: ReportText;
	files: ReportEvidenceFile[];
}

export interface ReportComment {
	/** "Author, date" in the report's language (the first one's in a bilingual report). */
	byline: string;
	/** The comment as written: user data, never translated. */
	text: string;
}

/**
 * Direction controls (embeddings, overrides, isolates and the two marks), which can make a printed
 * line read in another order, and what XML cannot hold (C0 and C1 controls other than tab and line
 * breaks, U+FFFE/U+FFFF, lone surrogates). Input refuses the first since a later release; text
 * stored before then still holds them, so nothing rendered keeps them.
 */
const UNPRINTABLE =
	/[\u200e\u200f\u202a-\u202e\u2066-\u2069]|(?![\t\n\r])\p{Cc}|[\uFFFE\uFFFF]|\p{Cs}/gu;

/** The text as a report may print it. */
export function printable(text: string): string {
	return text.replace(UNPRINTABLE, '');
}

const UNITS = ['B', 'KB', 'MB', 'GB'] as const;

/** 1 KB = 1024 B; one decimal below 10 of a unit, none above. */
export function formatFileSize(bytes: number): string {
	let value = bytes;
	let unit = 0;
	while (value >= 1024 && unit < UNITS.length - 1) {
		value /= 1024;
		unit += 1;
	}
	const shown = unit === 0 || value >= 10 ? Math.round(value).toString() : value.toFixed(1);
	return `${shown} ${UNITS[unit]}`;
}

/** The calendar date in Shanghai (UTC+8 all year) of an ISO instant. */
export function shanghaiDay(iso: string): string {
	return new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * The evidence annex: per item, in the order of `itemOrder` (the questionnaire's), the latest
 * version of each document, oldest upload first. `today` (YYYY-MM-DD) flags expired files; none
 * are flagged without it.
 */
export function buildEvidenceAnnex(
	files: readonly ReportEvidenceFileInput[],
	input: {
		lang: ReportLang;
		words: Words;
		itemOrder: readonly string[];
		question: (itemId: string) => ReportText;
		today: string | null;
	}
): ReportEvidenceItem[] {
	const phrase = phraser(input.lang, input.words);
	const byline = input.words[input.lang === 'en' ? 'en' : 'zh'].commentBy;
	const latest = new Map<string, ReportEvidenceFileInput>();
	for (const f of files) {
		const seen = latest.get(f.lineageId);
		if (!seen || f.version > seen.version) latest.set(f.lineageId, f);
	}
	const byItem = new Map<string, ReportEvidenceFileInput[]>();
	for (const f of latest.values()) byItem.set(f.itemId, [...(byItem.get(f.itemId) ?? []), f]);
	const rank = new Map(input.itemOrder.map((id, i) => [id, i]));
	const order = (id: string) => rank.get(id) ?? Number.MAX_SAFE_INTEGER;
	return [...byItem.entries()]
		.sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
		.map(([itemId, list]) => ({
			itemId,
			question: input.question(itemId),
			files: list
				.sort(
					(a, b) => a.uploadedAt.localeCompare(b.uploadedAt) || a.fileName.localeCompare(b.fileName)
				)
				.map((f): ReportEvidenceFile => {
					const expired = input.today !== null && f.expiresOn !== null && f.expiresOn < input.today;
					const uploader = printable(f.uploaderName ?? '').trim() || '—';
					const uploadedOn = shanghaiDay(f.uploadedAt);
					return {
						name: printable(f.fileName),
						version: f.version,
						versionText: f.version > 1 ? phrase((w) => w.annexVersion(f.version)) : null,
						size: formatFileSize(f.size),
						bytes: f.size,
						uploader,
						uploadedOn,
						uploaded: byline({ name: uploader, date: uploadedOn }),
						effectiveOn: f.effectiveOn,
						expires: f.expiresOn
							? { main: f.expiresOn, alt: null }
							: phrase((w) => w.annexNoExpiry),
						flags: [
							...(expired ? [phrase((w) => w.annexExpired)] : []),
							...(f.needsReconfirmation ? [phrase((w) => w.annexReconfirm)] : [])
						],
						decision: f.reviewStatus,
						decisionLabel: phrase((w) => w.evidenceDecision[f.reviewStatus]),
						sha256: f.sha256.toLowerCase()
					};
				})
		}));
}

/**
 * Review comments by item, oldest first, for the gaps they belong to. The byline is in the report's
 * language (Chinese punctuation in a Chinese or bilingual report); the text is the author's own.
 */
export function commentsByItem(
	comments: readonly ReportCommentInput[],
	lang: ReportLang,
	words: Words
): Map<string, ReportComment[]> {
	const bylineWords = words[lang === 'en' ? 'en' : 'zh'];
	const sorted = [...comments].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
	const out = new Map<string, ReportComment[]>();
	for (const c of sorted) {
		const text = printable(c.body).trim();
		if (text === '') continue;
		const byline = bylineWords.commentBy({
			name: printable(c.authorName ?? '').trim() || '—',
			date: shanghaiDay(c.createdAt)
		});
		out.set(c.itemId, [...(out.get(c.itemId) ?? []), { byline, text }]);
	}
	return out;
}

/**
 * A file's entry as every renderer prints it: its details after the name ("第 2 版 · 1.2 MB") and
 * one line of facts (uploaded, effective, expires, decision), labelled in the report's language(s).
 */
export function fileLines(
	file: ReportEvidenceFile,
	labels: Record<LabelKey, ReportText>
): { details: string; facts: string } {
	return {
		details: [file.versionText ? inlineText(file.versionText) : null, file.size]
			.filter((x) => x !== null)
			.join(' · '),
		facts: [
			labelled(labels.annexUploaded, file.uploaded),
			labelled(labels.annexEffective, file.effectiveOn),
			labelled(labels.annexExpires, inlineText(file.expires)),
			labelled(labels.annexDecision, inlineText(file.decisionLabel))
		].join('  ·  ')
	};
}
