import { answerProblems } from './answer-rules';
import type { Corpus, Item, Localized, Provision } from './corpus';
import type { AnswerStatus } from './scoring';

/** What about an item changed from one questionnaire version to the next. */
export const itemAspects = ['wording', 'severity', 'provisions', 'applicability'] as const;
export type ItemAspect = (typeof itemAspects)[number];

export interface ItemSummary {
	id: string;
	domain: string;
	question: Localized;
}

export interface ChangedItem extends ItemSummary {
	aspects: ItemAspect[];
	/** Cited provisions whose text or standing changed, though the item's own list did not. */
	changedProvisions: string[];
}

export interface ProvisionChange {
	id: string;
	label: string;
	change: 'added' | 'removed' | 'text' | 'status';
}

/** A removed item that was merged into or split into others, with why. */
export interface ReplacedItem extends ItemSummary {
	by: string[];
	reason: string | null;
}

export interface QuestionnaireDiff {
	added: ItemSummary[];
	removed: ItemSummary[];
	/** The removed items with successors: their answers are carried over to them. */
	replaced: ReplacedItem[];
	changed: ChangedItem[];
	provisions: ProvisionChange[];
}

const summary = (i: Item): ItemSummary => ({ id: i.id, domain: i.domain, question: i.question });
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function provisionChange(before: Provision, after: Provision): ProvisionChange['change'] | null {
	if (before.text_zh !== after.text_zh || before.summary_en !== after.summary_en) return 'text';
	if (
		before.status !== after.status ||
		before.superseded_by !== after.superseded_by ||
		before.effective_to !== after.effective_to
	)
		return 'status';
	return null;
}

/** Every difference between two questionnaire versions that matters to an answer. */
export function diffQuestionnaires(
	from: Pick<Corpus, 'items' | 'provisions'>,
	to: Pick<Corpus, 'items' | 'provisions' | 'replacements'>
): QuestionnaireDiff {
	const oldItems = new Map(from.items.map((i) => [i.id, i]));
	const newItems = new Map(to.items.map((i) => [i.id, i]));
	const oldProvisions = new Map(from.provisions.map((p) => [p.id, p]));
	const newProvisions = new Map(to.provisions.map((p) => [p.id, p]));

	const provisions: ProvisionChange[] = [];
	for (const p of to.provisions) {
		const before = oldProvisions.get(p.id);
		const change = before ? provisionChange(before, p) : 'added';
		if (change) provisions.push({ id: p.id, label: p.label, change });
	}
	for (const p of from.provisions)
		if (!newProvisions.has(p.id)) provisions.push({ id: p.id, label: p.label, change: 'removed' });
	const provisionChanged = new Set(provisions.map((p) => p.id));

	const changed: ChangedItem[] = [];
	for (const item of to.items) {
		const before = oldItems.get(item.id);
		if (!before) continue;
		const aspects = itemAspects.filter((aspect) => {
			if (aspect === 'wording')
				return !same(before.question, item.question) || !same(before.guidance, item.guidance);
			if (aspect === 'severity') return before.severity !== item.severity;
			if (aspect === 'provisions') return !same(before.provisions, item.provisions);
			return !same(before.applies_when, item.applies_when) || before.never_na !== item.never_na;
		});
		const changedProvisions = item.provisions.filter((id) => provisionChanged.has(id));
		if (aspects.length > 0 || changedProvisions.length > 0)
			changed.push({ ...summary(item), aspects, changedProvisions });
	}
	const removed = from.items.filter((i) => !newItems.has(i.id)).map(summary);
	const replaced = removed.flatMap((i): ReplacedItem[] => {
		const r = to.replacements?.[i.id];
		const by = (r?.by ?? []).filter((id) => newItems.has(id));
		return by.length > 0 ? [{ ...i, by, reason: r?.reason ?? null }] : [];
	});
	return {
		added: to.items.filter((i) => !oldItems.has(i.id)).map(summary),
		removed,
		replaced,
		changed,
		provisions
	};
}

export interface VersionMovePlan {
	/** Answers kept as they are. */
	keep: string[];
	/** Answers kept but to be confirmed again: their item changed, or an answer was carried to it. */
	reconfirm: string[];
	/** Answers of removed items carried to their successors ("carried over, please confirm"). */
	carry: { from: string; to: string[] }[];
	/** Answers whose item is gone with no successor: they leave (their values go to the audit log). */
	drop: string[];
}

/** What moving an assessment with these answers to the new version does to each answer. */
export function planVersionMove(
	diff: QuestionnaireDiff,
	answeredItemIds: string[]
): VersionMovePlan {
	const removed = new Set(diff.removed.map((i) => i.id));
	const changed = new Set(diff.changed.map((i) => i.id));
	const successors = new Map(diff.replaced.map((r) => [r.id, r.by]));
	const answered = new Set(answeredItemIds);
	const plan: VersionMovePlan = { keep: [], reconfirm: [], carry: [], drop: [] };
	for (const id of answeredItemIds) {
		const by = successors.get(id);
		if (by) plan.carry.push({ from: id, to: by });
		else if (removed.has(id)) plan.drop.push(id);
	}
	// A successor already answered keeps its answer, to be confirmed in the light of the one merged in.
	const receiving = new Set(plan.carry.flatMap((c) => c.to).filter((id) => answered.has(id)));
	for (const id of answeredItemIds) {
		if (removed.has(id)) continue;
		if (changed.has(id) || receiving.has(id)) plan.reconfirm.push(id);
		else plan.keep.push(id);
	}
	return plan;
}

export interface CarriedValues {
	itemId: string;
	status: AnswerStatus;
	note: string;
	evidence: string[];
	owner: string | null;
	due: string | null;
	/** When the answer was given: a carried answer is as old as the oldest it came from. */
	answeredAt?: Date;
}

const CAUTION: AnswerStatus[] = ['non_compliant', 'partial', 'compliant', 'not_applicable'];

/**
 * The answers that successors receive from the items they replace. A successor fed by several old
 * answers (a merge) takes the least compliant status among them, every note (each marked with its
 * old item), every piece of evidence, the first owner and the earliest due date. An answer the
 * successor would refuse (N/A where it is not allowed) is not carried; successors that already have
 * an answer are left to it. `oldIds` lists, per successor, the answers it came from.
 */
export function carryAnswers(
	plan: Pick<VersionMovePlan, 'carry'>,
	oldAnswers: readonly CarriedValues[],
	items: readonly Item[],
	alreadyAnswered: ReadonlySet<string>
): (CarriedValues & { from: string[] })[] {
	const byId = new Map(oldAnswers.map((a) => [a.itemId, a]));
	const itemById = new Map(items.map((i) => [i.id, i]));
	const sources = new Map<string, CarriedValues[]>();
	for (const { from, to } of plan.carry) {
		const answer = byId.get(from);
		if (!answer) continue;
		for (const id of to) {
			if (alreadyAnswered.has(id)) continue;
			const item = itemById.get(id);
			if (!item || answerProblems(item, answer).length > 0) continue;
			sources.set(id, [...(sources.get(id) ?? []), answer]);
		}
	}
	return [...sources].map(([itemId, from]) => {
		const status = CAUTION.find((s) => from.some((a) => a.status === s))!;
		const dues = from
			.map((a) => a.due)
			.filter((d): d is string => d !== null)
			.sort();
		return {
			itemId,
			from: from.map((a) => a.itemId),
			status,
			note:
				from.length === 1
					? from[0]!.note
					: from
							.filter((a) => a.note.trim() !== '')
							.map((a) => `[${a.itemId}] ${a.note}`)
							.join('\n'),
			evidence: [...new Set(from.flatMap((a) => a.evidence))].slice(0, 50),
			owner: from.find((a) => a.owner !== null)?.owner ?? null,
			due: dues[0] ?? null,
			answeredAt: oldest(from.map((a) => a.answeredAt))
		};
	});
}

function oldest(dates: (Date | undefined)[]): Date | undefined {
	const known = dates.filter((d): d is Date => d !== undefined);
	return known.length === 0 ? undefined : new Date(Math.min(...known.map((d) => d.getTime())));
}
