import type { Answer } from './scoring';

/** An answer as it is kept: the values given, who gave them and when, and its version. */
export interface StoredAnswer extends Answer {
	version: number;
	/** Copied from a previous assessment (or across questionnaire versions) and not yet confirmed. */
	carriedOver: boolean;
	updatedAt: Date;
	updatedBy: string | null;
}

export type AnswerValues = Pick<StoredAnswer, 'status' | 'note' | 'evidence' | 'owner' | 'due'>;
