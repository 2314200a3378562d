import { SvelteSet } from 'svelte/reactivity';

/**
 * The items on this page with a change the server has not confirmed (typed, on its way, failed):
 * while any is here, leaving the page asks first (UnsentGuard).
 */
export const unsentItems = new SvelteSet<string>();

let leavingOnPurpose = false;

/** Log-out drops the unsent changes on purpose: it needs no warning. */
export function leaveOnPurpose(): void {
	leavingOnPurpose = true;
}

export function mayLeaveWithoutAsking(): boolean {
	return leavingOnPurpose || unsentItems.size === 0;
}
