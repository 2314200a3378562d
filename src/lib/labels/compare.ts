import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import type { ItemChange, ItemStanding } from '$lib/domain/compare';
import { statusLabel } from './assessment';

type In = { locale?: Locale };

export function changeLabel(change: ItemChange, o: In = {}): string {
	return {
		improved: m.compare_change_improved({}, o),
		regressed: m.compare_change_regressed({}, o),
		unchanged: m.compare_change_unchanged({}, o),
		new: m.compare_change_new({}, o),
		removed: m.compare_change_removed({}, o),
		not_applicable_changed: m.compare_change_not_applicable_changed({}, o)
	}[change];
}

export function standingLabel(standing: ItemStanding, o: In = {}): string {
	if (standing === 'absent') return '—';
	if (standing === 'out_of_scope') return m.compare_out_of_scope({}, o);
	if (standing === 'unanswered') return m.compare_unanswered({}, o);
	return statusLabel(standing, o);
}

export { formatDelta } from '$lib/domain/compare';
