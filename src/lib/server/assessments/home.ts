import type { Database } from '../db/connection';
import { listAssessments } from '../db/queries/assessments';
import { nextSteps, type NextStep } from '../../domain/next-steps';
import { loadAssessmentView } from './service';
import { scheduleOf } from './schedule';
import type { AssessmentScheduleView } from '../../domain/assessment-schedule';

export interface OverdueAction {
	itemId: string;
	question: { zh: string; en: string };
	owner: string | null;
	due: string;
}

export interface FirmHome {
	assessmentCount: number;
	/** The assessment worked on most recently; null before the first. */
	current: {
		id: string;
		title: string;
		state: 'draft' | 'in_review' | 'final';
		hasProfile: boolean;
		verdict: string;
		score: number | null;
		answered: number;
		applicable: number;
		updatedAt: Date;
		nextSteps: NextStep[];
		/** The assessment's due date and responsible person. */
		schedule: AssessmentScheduleView;
		overdue: OverdueAction[];
	} | null;
}

/**
 * A firm's home starts from its next step: the assessment worked on most recently, its verdict,
 * progress and what to do next, and the actions past their due date (a gap whose due date has gone).
 */
export async function loadFirmHome(
	db: Database,
	orgId: string,
	today = new Date().toISOString().slice(0, 10)
): Promise<FirmHome> {
	const assessments = await listAssessments(db, { orgId });
	const latest = [...assessments].sort((a, b) => +b.updatedAt - +a.updatedAt)[0];
	if (!latest) return { assessmentCount: 0, current: null };
	const { corpus, answers, evaluation } = await loadAssessmentView(db, latest);
	const items = new Map(corpus.items.map((i) => [i.id, i]));
	const gapIds = new Set(evaluation.score.gaps.map((g) => g.itemId));
	const overdue = answers
		.filter((a) => a.due && a.due < today && gapIds.has(a.itemId))
		.sort((a, b) => (a.due! < b.due! ? -1 : 1))
		.map((a) => ({
			itemId: a.itemId,
			question: items.get(a.itemId)?.question ?? { zh: a.itemId, en: a.itemId },
			owner: a.owner,
			due: a.due!
		}));
	const overall = evaluation.score.overall;
	const progress = evaluation.score.progress;
	return {
		assessmentCount: assessments.length,
		current: {
			id: latest.id,
			title: latest.title,
			state: latest.state,
			hasProfile: latest.profileVersion > 0,
			verdict: evaluation.score.verdict,
			score: overall.score,
			answered: progress.answered,
			applicable: progress.applicable,
			updatedAt: latest.updatedAt,
			nextSteps: nextSteps(latest.state, latest.profileVersion > 0, evaluation.score),
			schedule: await scheduleOf(db, latest),
			overdue
		}
	};
}
