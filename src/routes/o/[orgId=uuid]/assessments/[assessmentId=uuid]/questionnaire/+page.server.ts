import { error } from '@sveltejs/kit';
import { requireAssessment, canEdit } from '$lib/server/web/guards/assessment';
import { saveAnswerAction } from '$lib/server/web/actions/answer';
import { confirmCarriedOverAction } from '$lib/server/web/actions/carry-over';
import { itemCards } from '$lib/domain/item-view';
import { packEntry, PackedEntries } from '$lib/answering/packed-entries';
import { assessmentCorpus, loadAssessmentView } from '$lib/server/assessments/service';
import { previousAnswers } from '$lib/server/assessments/history';
import { commentCounts, itemReviews } from '$lib/server/assessments/review';
import { reachesDomain } from '$lib/server/auth/scope';
import { runtime } from '$lib/server/web/runtime';
import { refuseRememberedHeavyRead, requireHeavyRead } from '$lib/server/web/throttle';
import { unhashedPage } from '$lib/server/web/unhashed-page';
import { bulkAnswersAction } from '$lib/server/web/actions/bulk-answers';
import { ALL, matchesFilters, parseFilters } from '$lib/domain/item-filter';
import { getLocale } from '$lib/paraglide/runtime';
import { evidenceAttention } from '$lib/server/evidence/attention';
import { todayInShanghai } from '$lib/server/web/evidence/receive';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const whole = event.url.searchParams.get('domain') === ALL;
	if (whole) refuseRememberedHeavyRead(event);
	const { assessment, membership, user } = await requireAssessment(
		event,
		event.params.orgId,
		event.params.assessmentId,
		'view'
	);
	// The whole questionnaire is the costliest page to build: its rate is limited (one domain's is not).
	if (whole) await requireHeavyRead(event, { userId: user.id, orgId: membership.orgId });
	const db = runtime().db;
	// The assessment's answers, reviews, comments and evidence are read at once.
	const [{ corpus, answers, evaluation }, reviews, comments, evidence] = await Promise.all([
		loadAssessmentView(db, assessment),
		itemReviews(db, assessment.id),
		commentCounts(db, assessment.id),
		assessmentCorpus(db, assessment).then((versioned) => {
			const domainOf = new Map(versioned.items.map((i) => [i.id, i.domain]));
			return evidenceAttention(db, assessment, todayInShanghai(), (itemId) =>
				reachesDomain(membership, domainOf.get(itemId) ?? '')
			);
		})
	]);
	const applicable = new Set(evaluation.result.applicable);
	// A respondent restricted to some domains sees those only; any other is not found.
	const domains = corpus.domains
		.map((d) => ({ ...d, figures: evaluation.score.domains[d.id] }))
		.filter((d) => d.figures !== undefined && reachesDomain(membership, d.id));
	const reviewOf = new Map(reviews.map((r) => [r.itemId, r.status]));
	const flagged = reviews
		.filter((r) => r.status === 'changes_requested')
		.map((r) => corpus.items.find((i) => i.id === r.itemId))
		.filter((i) => i !== undefined && reachesDomain(membership, i.domain))
		.map((i) => ({ id: i!.id, domain: i!.domain }));
	const requested = event.url.searchParams.get('domain');
	if (requested !== null && requested !== ALL && !domains.some((d) => d.id === requested))
		error(404, 'Not found');
	const domainId = requested ?? domains[0]?.id ?? null;
	const byItem = new Map(answers.map((a) => [a.itemId, a]));
	const filters = parseFilters(event.url.searchParams);
	const inDomain = corpus.items.filter(
		(i) =>
			applicable.has(i.id) &&
			(domainId === ALL ? domains.some((d) => d.id === i.domain) : i.domain === domainId)
	);
	// "Changed since carried over" compares with the assessment this one was started from.
	const before =
		filters.show === 'changed' ? ((await previousAnswers(db, assessment)) ?? undefined) : undefined;
	const items = inDomain.filter((i) => matchesFilters(i, byItem.get(i.id), filters, before));
	// "Next unanswered" once this domain has none: the first unanswered item of the domains after
	// it, then of those before it.
	const at = domains.findIndex((d) => d.id === domainId);
	const onward = at < 0 ? [] : [...domains.slice(at + 1), ...domains.slice(0, at)];
	const nextElsewhere = onward
		.map((d) =>
			corpus.items.find((i) => i.domain === d.id && applicable.has(i.id) && !byItem.has(i.id))
		)
		.find((i) => i !== undefined);
	const cards = itemCards(corpus, getLocale());
	return {
		domains,
		domainId,
		filters,
		fromPrevious: assessment.previousAssessmentId !== null,
		totalInDomain: inDomain.length,
		elsewhere: nextElsewhere ? `?domain=${nextElsewhere.domain}#${nextElsewhere.id}` : null,
		// Where each item stands, for the list's filters, "next unanswered" and keyboard.
		unanswered: inDomain.filter((i) => !byItem.has(i.id)).map((i) => i.id),
		// Progress through every item in scope, good practice included, as the domains and the list
		// count them (the verdict's own figures, obligations and entry conditions only, are the result's).
		overall: {
			answered: evaluation.score.progress.answered,
			applicable: evaluation.score.progress.applicable
		},
		// Each item's card and answer only: the reading behind a question comes when it is opened
		// (items/[itemId]/reference), so a page of 150 items stays small and quick to render. Packed
		// as arrays (packed-entries.ts): the page's data is cheaper to write so. A page rendered here
		// shows every question in its HTML: its data leaves them out (src/hooks.ts).
		items: new PackedEntries(
			items.map((item) => {
				const answer = byItem.get(item.id);
				return packEntry({
					item: cards.get(item.id)!,
					domain: item.domain,
					saved: answer
						? {
								status: answer.status,
								note: answer.note,
								evidence: answer.evidence,
								owner: answer.owner,
								due: answer.due,
								version: answer.version
							}
						: null,
					// Only an item someone reviewed or commented on: the page takes the rest as not reviewed.
					...(reviewOf.has(item.id) || comments.has(item.id)
						? {
								review: {
									status: reviewOf.get(item.id) ?? 'pending',
									comments: comments.get(item.id) ?? 0
								}
							}
						: {})
				});
			}),
			!event.isDataRequest
		),
		carriedOver: items.filter((i) => byItem.get(i.id)?.carriedOver).map((i) => i.id),
		flagged,
		evidence,
		canEdit: canEdit(membership, assessment),
		// The whole questionnaire only: a domain's page is small enough that its hash costs little.
		...(domainId === ALL ? unhashedPage(event) : {})
	};
};

export const actions: Actions = {
	save: saveAnswerAction,
	confirm: confirmCarriedOverAction,
	bulk: bulkAnswersAction
};
