import type { Item, Rule } from './corpus';
import { ruleHolds, type Profile } from './profile';

export interface ExcludedItem {
	itemId: string;
	rule: Rule;
}

export interface Scope {
	applicable: Item[];
	excluded: ExcludedItem[];
}

/** The items this firm must answer, and the rest with the rule that left them out. */
export function scopeItems(items: readonly Item[], profile: Profile): Scope {
	const scope: Scope = { applicable: [], excluded: [] };
	for (const item of items) {
		if (ruleHolds(item.applies_when, profile)) scope.applicable.push(item);
		else scope.excluded.push({ itemId: item.id, rule: item.applies_when });
	}
	return scope;
}
