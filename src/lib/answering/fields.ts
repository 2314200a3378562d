/**
 * An answer as its form holds it: every field a string, as typed. The autosave compares, sends and
 * keeps these; the server turns them into stored values (evidence lines, null for empty).
 */
export const ANSWER_FIELDS = ['status', 'note', 'evidence', 'owner', 'due'] as const;
export type AnswerField = (typeof ANSWER_FIELDS)[number];
export type AnswerFields = Record<AnswerField, string>;

export const emptyAnswer = (): AnswerFields => ({
	status: '',
	note: '',
	evidence: '',
	owner: '',
	due: ''
});

export function sameFields(a: AnswerFields, b: AnswerFields): boolean {
	return ANSWER_FIELDS.every((f) => a[f] === b[f]);
}

/** A plain copy (never the reactive proxy a component binds to). */
export function copyFields(a: AnswerFields): AnswerFields {
	return { status: a.status, note: a.note, evidence: a.evidence, owner: a.owner, due: a.due };
}

/** A stored answer (or a conflicting one the server sent back) as the form shows it. */
export function fieldsOf(
	answer: {
		status: string;
		note: string;
		evidence: readonly string[];
		owner: string | null;
		due: string | null;
	} | null
): AnswerFields {
	if (!answer) return emptyAnswer();
	return {
		status: answer.status,
		note: answer.note,
		evidence: answer.evidence.join('\n'),
		owner: answer.owner ?? '',
		due: answer.due ?? ''
	};
}
