/**
 * Opens answer cards that the server sent closed (the whole questionnaire sends each item's question
 * and stored answer, not its form, so that a page of 150 items stays quick to render). A card near
 * the viewport opens at once; the others a few at a time while the browser is idle, so that after a
 * moment every card on the page is a form again, as if the server had rendered it.
 */

/** Cards opened per idle moment: small enough that scrolling and typing never wait for it. */
const BATCH = 8;

const waiting = new Map<Element, () => void>();
let observer: IntersectionObserver | null = null;
let scheduled = false;

function release(card: Element) {
	const open = waiting.get(card);
	if (!open) return;
	waiting.delete(card);
	observer?.unobserve(card);
	open();
}

function idle(work: () => void) {
	if ('requestIdleCallback' in window) window.requestIdleCallback(work, { timeout: 300 });
	else setTimeout(work, 16);
}

function schedule() {
	if (scheduled || waiting.size === 0) return;
	scheduled = true;
	idle(() => {
		scheduled = false;
		for (const card of [...waiting.keys()].slice(0, BATCH)) release(card);
		schedule();
	});
}

/**
 * Calls `open` once: when `card` comes near the viewport, or in its turn while the browser is idle,
 * or at once through the function returned (`now`). `cancel` forgets the card (it left the page).
 */
export function openWhenNear(card: Element, open: () => void) {
	waiting.set(card, open);
	if (typeof IntersectionObserver === 'undefined') {
		release(card);
	} else {
		observer ??= new IntersectionObserver(
			(entries) => {
				for (const entry of entries) if (entry.isIntersecting) release(entry.target);
			},
			// A screen above and below: a card is a form before the person scrolls to it.
			{ rootMargin: '100% 0px' }
		);
		observer.observe(card);
		schedule();
	}
	return {
		now: () => release(card),
		cancel: () => {
			waiting.delete(card);
			observer?.unobserve(card);
		}
	};
}
