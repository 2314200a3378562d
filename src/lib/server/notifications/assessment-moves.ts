import type { AuditedTx } from '../db/audited';
import type { AssessmentRecord } from '../db/queries/assessments';
import { listOrgAudience, type AudienceMember } from '../db/queries/audience';
import { findOrganisation } from '../db/queries/organisations';
import { listItemReviews } from '../db/queries/reviews';
import { findUserById } from '../db/queries/users';
import { reachesAssessment } from '../auth/scope';
import { enqueueMail } from '../mail/outbox';
import type { Transition } from '../assessments/review';
import type { NotificationKind } from '../db/schema';
import { deliverNotice, notifyReopened } from './notify';

type Move = 'submitted' | 'sent_back' | 'finalised';

const MOVE_OF: Partial<Record<Transition, Move>> = {
	submit: 'submitted',
	request_changes: 'sent_back',
	finalise: 'finalised'
};

const KIND_OF: Record<Move, NotificationKind> = {
	submitted: 'review_requested',
	sent_back: 'sent_back',
	finalised: 'finalised'
};

const REVIEWERS = new Set(['owner', 'consultant']);

/**
 * Who hears of a move: a submission goes to the reviewers; a send-back to the respondents who
 * answer the assessment (to the reviewers' firm owners where it has none); a finalisation to
 * everyone who answers or reviews it. Never to the person who made the move; only to members who
 * reach the assessment.
 */
function recipientsOf(
	move: Move,
	audience: AudienceMember[],
	assessment: AssessmentRecord,
	actorId: string | null
): AudienceMember[] {
	const reaching = audience.filter(
		(a) =>
			a.userId !== actorId &&
			reachesAssessment(
				{ orgId: '', orgName: '', orgKind: 'consultancy', ...a },
				{ id: assessment.id, clientId: assessment.clientId }
			)
	);
	const reviewers = reaching.filter((a) => REVIEWERS.has(a.role));
	const respondents = reaching.filter((a) => a.role === 'respondent');
	if (move === 'submitted') return reviewers;
	if (move === 'sent_back') return respondents.length > 0 ? respondents : reviewers;
	return [...respondents, ...reviewers];
}

/**
 * Tells each person concerned by a move of the assessment — in the app and by mail, as each chose —
 * in their own language, in the transaction of the move (told if and only if the move commits).
 * Re-opening tells everyone who answers or reviews it (./notify.ts).
 */
export async function notifyAssessmentMove(
	tx: AuditedTx,
	input: { assessment: AssessmentRecord; transition: Transition; origin: string }
): Promise<void> {
	if (input.transition === 'reopen')
		return notifyReopened(tx, {
			assessment: input.assessment,
			notify: { origin: input.origin }
		});
	const move = MOVE_OF[input.transition];
	if (!move) return;
	const { assessment } = input;
	const actorId = tx.actor.userId;
	const audience = await listOrgAudience(tx.db, assessment.orgId);
	const org = await findOrganisation(tx.db, assessment.orgId);
	const actor = actorId ? await findUserById(tx.db, actorId) : null;
	const flagged =
		move === 'sent_back'
			? (await listItemReviews(tx.db, assessment.id))
					.filter((r) => r.status === 'changes_requested')
					.map((r) => r.itemId)
					.sort()
			: [];
	const path = move === 'sent_back' ? 'questionnaire' : 'review';
	const link = `${input.origin}/o/${assessment.orgId}/assessments/${assessment.id}/${path}`;
	await deliverNotice(tx, {
		kind: KIND_OF[move],
		assessment,
		recipients: recipientsOf(move, audience, assessment, actorId),
		mail: async (person) => {
			// A respondent limited to some domains is not told of items outside them: no list at all.
			const restricted = person.role === 'respondent' && (person.domains?.length ?? 0) > 0;
			await enqueueMail(tx, {
				to: person.email,
				language: person.language,
				template: 'assessment_moved',
				data: {
					name: person.name,
					actorName: actor?.name ?? '—',
					orgName: org?.name ?? '',
					title: assessment.title,
					move,
					flagged: restricted ? [] : flagged,
					link
				},
				orgId: assessment.orgId,
				userId: person.userId
			});
		}
	});
}
