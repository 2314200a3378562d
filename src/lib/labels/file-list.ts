import { m } from '$lib/paraglide/messages';

/** File names for a message: quoted, the first ten (each cut at 120 characters), then how many more. */
export function quotedFileList(names: string[]): string {
	const shown = names.slice(0, 10).map((n) => m.harden_quoted_name({ name: n.slice(0, 120) }));
	const more = names.length - shown.length;
	return more > 0 ? `${shown.join(', ')} ${m.harden_and_more({ count: more })}` : shown.join(', ');
}
