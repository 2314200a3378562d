import type { Corpus, Item, Localized, Provision } from './corpus';

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

export interface QuestionnaireDiff {
	added: ItemSummary[];
	removed: ItemSummary[];
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
	to: Pick<Corpus, 'items' | 'provisions'>
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
	return {
		added: to.items.filter((i) => !oldItems.has(i.id)).map(summary),
		removed: from.items.filter((i) => !newItems.has(i.id)).map(summary),
		changed,
		provisions
	};
}

export interface VersionMovePlan {
	/** Answers kept as they are. */
	keep: string[];
	/** Answers kept but to be confirmed again: their item changed. */
	reconfirm: string[];
	/** Answers whose item is gone: they leave the assessment (their values go to the audit log). */
	drop: string[];
}

/** What moving an assessment with these answers to the new version does to each answer. */
export function planVersionMove(
	diff: QuestionnaireDiff,
	answeredItemIds: string[]
): VersionMovePlan {
	const removed = new Set(diff.removed.map((i) => i.id));
	const changed = new Set(diff.changed.map((i) => i.id));
	const plan: VersionMovePlan = { keep: [], reconfirm: [], drop: [] };
	for (const id of answeredItemIds) {
		if (removed.has(id)) plan.drop.push(id);
		else if (changed.has(id)) plan.reconfirm.push(id);
		else plan.keep.push(id);
	}
	return plan;
}
