/** The `message` every form here may carry back, shown by FormMessage. */
export type FormNotice = { type: 'error' | 'success'; text: string };

/**
 * A field's own errors from superforms' `$errors`, whatever its shape: a plain field carries an
 * array; an array field (a checkbox group) carries them under `_errors`, and reading it as an array
 * showed an empty error box.
 */
export function fieldErrorsOf(errors: unknown, field: string): string[] | undefined {
	const value = (errors as Record<string, unknown> | null | undefined)?.[field];
	const list = Array.isArray(value)
		? value
		: ((value as { _errors?: unknown } | undefined)?._errors ?? undefined);
	return Array.isArray(list) && list.length ? list.map(String) : undefined;
}
