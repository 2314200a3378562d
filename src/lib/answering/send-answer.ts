import { deserialize } from '$app/forms';
import { fieldsOf, ANSWER_FIELDS, type AnswerField } from './fields';
import type { SaveOutcome, SaveRequest } from './autosave.svelte';

/** The parts of the save action's answer (a superforms form) that the autosave reads. */
interface ActionForm {
	data?: { version?: number };
	errors?: Partial<Record<string, string[]>>;
	message?: {
		type: 'error' | 'success';
		text: string;
		conflict?: Parameters<typeof fieldsOf>[0];
	};
}

/**
 * Posts an answer to the page's save action the way SvelteKit's own enhance does (the
 * `x-sveltekit-action` header, a JSON answer), but touches nothing on the page: no applyAction, no
 * invalidation, no focus reset. The outcome is for the autosave to act on.
 */
export async function sendAnswer(action: string, request: SaveRequest): Promise<SaveOutcome> {
	const body = new FormData();
	body.set('__superform_id', request.itemId);
	body.set('itemId', request.itemId);
	body.set('version', String(request.version));
	for (const field of ANSWER_FIELDS) body.set(field, request.values[field]);
	let response: Response;
	try {
		response = await fetch(new URL(action, location.href), {
			method: 'POST',
			body,
			headers: { 'x-sveltekit-action': 'true', accept: 'application/json' },
			cache: 'no-store'
		});
	} catch {
		return { kind: 'failed' };
	}
	if (response.status === 401) return { kind: 'signed_out' };
	let result: ReturnType<typeof deserialize>;
	try {
		result = deserialize(await response.text());
	} catch {
		return { kind: 'failed' };
	}
	if (result.type === 'redirect')
		return result.location.startsWith('/login') ? { kind: 'signed_out' } : { kind: 'failed' };
	if (result.type === 'error')
		return result.status === 401 ? { kind: 'signed_out' } : { kind: 'failed' };
	const form = (result.data as { form?: ActionForm } | undefined)?.form;
	const version = form?.data?.version;
	if (result.type === 'success' && typeof version === 'number') return { kind: 'saved', version };
	const message = form?.message;
	if (message && 'conflict' in message && typeof version === 'number')
		return {
			kind: 'conflict',
			version,
			theirs: message.conflict ? fieldsOf(message.conflict) : null
		};
	if (result.status === 409 && message) return { kind: 'locked', message: message.text };
	if (result.status === 400 && form?.errors) {
		const errors: Partial<Record<AnswerField, string>> = {};
		for (const field of ANSWER_FIELDS) {
			const first = form.errors[field]?.[0];
			if (first) errors[field] = first;
		}
		return { kind: 'invalid', errors };
	}
	return { kind: 'failed' };
}
