import type { Item, Lang, Provision } from './corpus';
import { latestVersions, type EvidenceFile } from './evidence';
import { addMonths } from './pack-input';

/**
 * Stale material: what an assessment relies on that no longer holds (a provision expired or
 * superseded, a file expired, answers older than the validity window, a filing date passed) or will
 * not hold by the planned filing date. The pack, the dashboards and the gap report show the same
 * warnings, so nothing stale is presented as current. Pure: dates are Shanghai calendar dates.
 */
export type StaleWarning =
	| { kind: 'filing_passed'; date: string }
	/** Answers given on or before `answeredBy` are older than the window on `on` (today or filing). */
	| { kind: 'answers_stale'; when: 'now' | 'filing'; count: number; answeredBy: string; on: string }
	| { kind: 'evidence_expired'; file: string; itemId: string; date: string }
	| { kind: 'evidence_lapses'; file: string; itemId: string; date: string; filing: string }
	/**
	 * Cited provisions that no longer apply, by date and what replaced them; `answeredBefore` counts
	 * the answers to items citing them given before that date (while they still applied).
	 */
	| {
			kind: 'provision_lapsed';
			standing: 'expired' | 'superseded';
			ids: string[];
			date: string | null;
			by: string | null;
			answeredBefore: number;
	  }
	| { kind: 'provision_lapses'; ids: string[]; date: string; filing: string };

export interface StaleInput {
	today: string;
	/** The pack form's planned filing date and validity window; null when the assessment has none. */
	filingDate: string | null;
	validityMonths: number;
	/** The applicable items (their cited provisions). */
	items: readonly Pick<Item, 'id' | 'provisions'>[];
	provisions: readonly Pick<
		Provision,
		'id' | 'status' | 'effective_from' | 'effective_to' | 'superseded_by'
	>[];
	/** When each answer was last given (Shanghai date), for the applicable items answered. */
	answered: readonly { itemId: string; on: string }[];
	evidence: readonly EvidenceFile[];
}

/** The warnings, gravest first: a passed filing date, what has lapsed, then what will lapse. */
export function staleWarnings(input: StaleInput): StaleWarning[] {
	const { today, filingDate: filing, validityMonths } = input;
	const out: StaleWarning[] = [];
	const applicable = new Set(input.items.map((i) => i.id));
	if (filing !== null && filing < today) out.push({ kind: 'filing_passed', date: filing });

	// Provisions cited by applicable items that have ceased to apply, or will before filing.
	const byId = new Map(input.provisions.map((p) => [p.id, p]));
	const citing = new Map<string, string[]>();
	for (const item of input.items)
		for (const id of item.provisions) citing.set(id, [...(citing.get(id) ?? []), item.id]);
	const answeredOn = new Map(input.answered.map((a) => [a.itemId, a.on]));
	const lapsed = new Map<string, Extract<StaleWarning, { kind: 'provision_lapsed' }>>();
	const lapsedItems = new Map<string, Set<string>>();
	const lapsing = new Map<string, string[]>();
	for (const [id, itemIds] of [...citing].sort(([a], [b]) => a.localeCompare(b))) {
		const p = byId.get(id);
		if (!p) continue;
		const successor = p.superseded_by ? (byId.get(p.superseded_by) ?? null) : null;
		const standing =
			p.status === 'superseded'
				? 'superseded'
				: p.status === 'expired' || (p.effective_to !== null && p.effective_to < today)
					? 'expired'
					: null;
		if (standing) {
			const date = standing === 'superseded' ? (successor?.effective_from ?? null) : p.effective_to;
			const by = standing === 'superseded' ? p.superseded_by : null;
			const key = `${standing}|${date}|${by}`;
			const entry = lapsed.get(key) ?? {
				kind: 'provision_lapsed' as const,
				standing,
				ids: [],
				date,
				by,
				answeredBefore: 0
			};
			entry.ids.push(id);
			lapsed.set(key, entry);
			const items = lapsedItems.get(key) ?? new Set<string>();
			for (const itemId of itemIds) {
				const on = answeredOn.get(itemId);
				// Without a date of lapse, any answer may have been given while it applied.
				if (on !== undefined && (date === null || on < date)) items.add(itemId);
			}
			lapsedItems.set(key, items);
		} else if (filing !== null && p.effective_to !== null && p.effective_to < filing)
			lapsing.set(p.effective_to, [...(lapsing.get(p.effective_to) ?? []), id]);
	}
	for (const [key, entry] of [...lapsed].sort(([a], [b]) => a.localeCompare(b)))
		out.push({ ...entry, answeredBefore: lapsedItems.get(key)?.size ?? 0 });

	// Evidence of applicable items (the latest version of each file).
	const files = latestVersions(input.evidence)
		.filter((f) => applicable.has(f.itemId) && f.expiresOn !== null)
		.sort(
			(a, b) => a.expiresOn!.localeCompare(b.expiresOn!) || a.fileName.localeCompare(b.fileName)
		);
	for (const f of files)
		if (f.expiresOn! < today)
			out.push({
				kind: 'evidence_expired',
				file: f.fileName,
				itemId: f.itemId,
				date: f.expiresOn!
			});

	// Answers older than the window: now, or by the planned filing date.
	const dated = input.answered.filter((a) => applicable.has(a.itemId));
	// When each answer's window closes, worked out once per day answered (most share a few days).
	const closes = new Map<string, string>();
	const closing = (answered: string) => {
		let day = closes.get(answered);
		if (day === undefined) closes.set(answered, (day = addMonths(answered, validityMonths)));
		return day;
	};
	const staleOn = (on: string) => dated.filter((a) => closing(a.on) < on);
	const now = staleOn(today);
	if (now.length > 0)
		out.push({
			kind: 'answers_stale',
			when: 'now',
			count: now.length,
			answeredBy: latest(now),
			on: today
		});
	if (filing !== null && filing >= today) {
		const atFiling = staleOn(filing).filter((a) => !now.includes(a));
		if (atFiling.length > 0)
			out.push({
				kind: 'answers_stale',
				when: 'filing',
				count: atFiling.length,
				answeredBy: latest(atFiling),
				on: filing
			});
		for (const f of files)
			if (f.expiresOn! >= today && f.expiresOn! < filing)
				out.push({
					kind: 'evidence_lapses',
					file: f.fileName,
					itemId: f.itemId,
					date: f.expiresOn!,
					filing
				});
		for (const [date, ids] of [...lapsing].sort(([a], [b]) => a.localeCompare(b)))
			out.push({ kind: 'provision_lapses', ids, date, filing });
	}
	return out;
}

const latest = (answers: readonly { on: string }[]) =>
	answers.reduce((max, a) => (a.on > max ? a.on : max), answers[0]!.on);

/** The words of the warnings, `{name}` filled in (from the message catalogue, messages/pack). */
export const staleWordKeys = [
	'staleFilingPassed',
	'staleAnswersStaleNow',
	'staleAnswersStaleFiling',
	'staleEvidenceExpired',
	'staleEvidenceLapses',
	'staleProvisionExpired',
	'staleProvisionExpiredUndated',
	'staleProvisionSuperseded',
	'staleProvisionAnsweredBefore',
	'staleProvisionLapses'
] as const;
export type StaleWords = Record<(typeof staleWordKeys)[number], string>;

const fill = (template: string, values: Record<string, string | number>) =>
	template.replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in values ? String(values[name]) : whole
	);

/** How provisions are named in a warning: their documents and labels, not the corpus's ids. */
export type CiteProvisions = (ids: readonly string[], lang: Lang) => string;

/** One warning as a sentence in the words' language. */
export function staleText(
	warning: StaleWarning,
	w: StaleWords,
	lang: Lang,
	cite: CiteProvisions
): string {
	const list = (ids: readonly string[]) => cite(ids, lang);
	switch (warning.kind) {
		case 'filing_passed':
			return fill(w.staleFilingPassed, { date: warning.date });
		case 'answers_stale':
			return fill(warning.when === 'now' ? w.staleAnswersStaleNow : w.staleAnswersStaleFiling, {
				count: warning.count,
				date: warning.answeredBy,
				on: warning.on
			});
		case 'evidence_expired':
			return fill(w.staleEvidenceExpired, {
				file: warning.file,
				item: warning.itemId,
				date: warning.date
			});
		case 'evidence_lapses':
			return fill(w.staleEvidenceLapses, {
				file: warning.file,
				item: warning.itemId,
				date: warning.date,
				filing: warning.filing
			});
		case 'provision_lapsed': {
			const head =
				warning.standing === 'superseded'
					? fill(w.staleProvisionSuperseded, {
							provision: list(warning.ids),
							by: warning.by ? list([warning.by]) : '—',
							date: warning.date ?? '—'
						})
					: warning.date === null
						? fill(w.staleProvisionExpiredUndated, { provision: list(warning.ids) })
						: fill(w.staleProvisionExpired, { provision: list(warning.ids), date: warning.date });
			return warning.answeredBefore > 0
				? `${head}${lang === 'zh' ? '' : ' '}${fill(w.staleProvisionAnsweredBefore, { count: warning.answeredBefore })}`
				: head;
		}
		case 'provision_lapses':
			return fill(w.staleProvisionLapses, {
				provision: list(warning.ids),
				date: warning.date,
				filing: warning.filing
			});
	}
}

/** One assessment's warnings on a dashboard. */
export interface StaleQueueEntry {
	assessmentId: string;
	assessmentTitle: string;
	clientName: string | null;
	warnings: string[];
}
