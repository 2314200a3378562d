/** Evidence files as the pages, the API and the report see them: plain data. */

export type EvidenceReviewStatus = 'pending' | 'accepted' | 'rejected';

export interface EvidenceFile {
	id: string;
	itemId: string;
	lineageId: string;
	version: number;
	fileName: string;
	contentType: string;
	size: number;
	sha256: string;
	uploadedBy: string | null;
	uploaderName: string | null;
	uploadedAt: Date;
	/** YYYY-MM-DD */
	effectiveOn: string;
	expiresOn: string | null;
	reviewStatus: EvidenceReviewStatus;
	reviewedAt: Date | null;
	needsReconfirmation: boolean;
}

export interface EvidenceRequest {
	id: string;
	itemId: string;
	description: string;
	dueOn: string | null;
	requestedAt: Date;
	requesterName: string | null;
	fulfilledAt: Date | null;
}

/** How many days ahead an expiry counts as soon. */
export const EXPIRING_SOON_DAYS = 30;

export type EvidenceExpiry = 'expired' | 'expiring' | 'valid';

/** Whether a file has expired on `today` (YYYY-MM-DD), expires within 30 days, or neither. */
export function evidenceExpiry(expiresOn: string | null, today: string): EvidenceExpiry {
	if (expiresOn === null) return 'valid';
	if (expiresOn < today) return 'expired';
	return expiresOn <= addDays(today, EXPIRING_SOON_DAYS) ? 'expiring' : 'valid';
}

export function addDays(date: string, days: number): string {
	const d = new Date(`${date}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

/** The latest version of each document, newest upload first. */
export function latestVersions(files: readonly EvidenceFile[]): EvidenceFile[] {
	const latest = new Map<string, EvidenceFile>();
	for (const f of files) {
		const seen = latest.get(f.lineageId);
		if (!seen || f.version > seen.version) latest.set(f.lineageId, f);
	}
	return [...latest.values()].sort((a, b) => +b.uploadedAt - +a.uploadedAt);
}

const MAX_NAME = 200;
// Controls, and the bidirectional overrides and isolates that can make "exe.pdf" read as "fdp.exe".
const UNSAFE_NAME_CHARS = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu;

/**
 * A file name as sent, made safe to store and to offer back: no folders (a "../../x" is "x"), no
 * control or direction-override characters, at most 200 characters with its extension kept.
 * Letters of any script (Chinese, Arabic, Hebrew) stay.
 */
export function cleanFileName(name: string): string {
	const base = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
	let clean = base.replace(UNSAFE_NAME_CHARS, '').trim();
	clean = clean.replace(/^\.+/, '').trim();
	const chars = [...clean];
	if (chars.length > MAX_NAME) {
		const dot = clean.lastIndexOf('.');
		const ext = dot > 0 ? [...clean.slice(dot)].slice(0, 16).join('') : '';
		clean = chars.slice(0, MAX_NAME - [...ext].length).join('') + ext;
	}
	return clean || 'file';
}

const TYPES: Record<string, string> = {
	pdf: 'application/pdf',
	png: 'image/png',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	gif: 'image/gif',
	webp: 'image/webp',
	doc: 'application/msword',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xls: 'application/vnd.ms-excel',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	ppt: 'application/vnd.ms-powerpoint',
	pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
	zip: 'application/zip',
	'7z': 'application/x-7z-compressed',
	rar: 'application/vnd.rar',
	gz: 'application/gzip',
	txt: 'text/plain; charset=utf-8',
	csv: 'text/csv; charset=utf-8'
};

/**
 * The type a download is served as: from the name's extension, among the kinds of evidence people
 * send (PDF, images, Office documents, archives, text), else application/octet-stream. Never the
 * type the uploader declared, so an HTML or SVG file is never served as one.
 */
export function downloadContentType(fileName: string): string {
	const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
	return TYPES[ext] ?? 'application/octet-stream';
}

/** The declared type, kept for the list only: a MIME-shaped word or application/octet-stream. */
export function cleanContentType(declared: string | null | undefined): string {
	const type = (declared ?? '').trim().toLowerCase().split(';')[0]!.trim();
	return /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(type) && type.length <= 100
		? type
		: 'application/octet-stream';
}

/** What an assessment's evidence asks of people now: the server computes it, the page shows it. */
export interface EvidenceAttention {
	/** Open requests, by due date: the respondent's to-do list. */
	todo: {
		id: string;
		itemId: string;
		description: string;
		dueOn: string | null;
		overdue: boolean;
	}[];
	/** The latest versions that have expired, expire within 30 days, or await re-confirmation. */
	expiring: {
		id: string;
		itemId: string;
		fileName: string;
		expiresOn: string | null;
		expiry: EvidenceExpiry;
		needsReconfirmation: boolean;
	}[];
}
