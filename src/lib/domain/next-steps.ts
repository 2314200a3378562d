import type { AssessmentScore } from './scoring';

export type AssessmentState = 'draft' | 'in_review' | 'final';

/** One thing to do next, most pressing first; the page turns each into a sentence and a link. */
export type NextStep =
	| { code: 'fill_profile' }
	| { code: 'answer_remaining'; count: number; firstItemId: string | null }
	| { code: 'fix_critical'; count: number }
	| { code: 'fix_high'; count: number }
	| { code: 'submit_for_review' }
	| { code: 'await_review' }
	| { code: 'share_report' }
	| { code: 'start_next' };

/**
 * What to do next on an assessment, from its state and result: a profile first, then the
 * unanswered items, then the critical and high gaps, then review; a final one is shared and followed
 * by the next. At most three, so the first screen stays short.
 */
export function nextSteps(
	state: AssessmentState,
	hasProfile: boolean,
	score: Pick<AssessmentScore, 'gaps' | 'unanswered'>
): NextStep[] {
	if (state === 'final') return [{ code: 'share_report' }, { code: 'start_next' }];
	if (!hasProfile) return [{ code: 'fill_profile' }];
	const steps: NextStep[] = [];
	if (score.unanswered.length)
		steps.push({
			code: 'answer_remaining',
			count: score.unanswered.length,
			firstItemId: score.unanswered[0] ?? null
		});
	const count = (severity: string) => score.gaps.filter((g) => g.severity === severity).length;
	if (count('critical')) steps.push({ code: 'fix_critical', count: count('critical') });
	if (count('high')) steps.push({ code: 'fix_high', count: count('high') });
	if (state === 'in_review') steps.push({ code: 'await_review' });
	else if (!score.unanswered.length) steps.push({ code: 'submit_for_review' });
	return steps.slice(0, 3);
}
