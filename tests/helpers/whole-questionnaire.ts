import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/**
 * The whole questionnaire (`?domain=all`) sends its items closed and the browser opens their forms
 * (near the viewport at once, the rest while idle): waits until every one is a form.
 */
export async function allFormsOpen(page: Page): Promise<void> {
	await expect.poll(() => page.locator('article.item.closed').count()).toBe(0);
}
