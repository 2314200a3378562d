import type { Corpus, Rule } from '../domain/corpus';

/** Cross-references the schemas cannot see: ids that must exist, be unique, and agree. */
export function findReferenceErrors(corpus: Corpus): string[] {
	const problems: string[] = [];
	const unique = (kind: string, ids: string[]) => {
		const seen = new Set<string>();
		for (const id of ids) {
			if (seen.has(id)) problems.push(`${kind} id ${id} is used twice`);
			seen.add(id);
		}
		return seen;
	};
	const sourceIds = unique(
		'source',
		corpus.sources.map((s) => s.id)
	);
	const provisionIds = unique(
		'provision',
		corpus.provisions.map((p) => p.id)
	);
	const itemIds = unique(
		'item',
		corpus.items.map((i) => i.id)
	);
	for (const [n, review] of (corpus.reviews ?? []).entries()) {
		if (review.items === 'all') continue;
		for (const id of review.items)
			if (!itemIds.has(id)) problems.push(`review ${n + 1} (${review.on}): unknown item ${id}`);
	}
	unique(
		'profile question',
		corpus.profileQuestions.map((q) => q.id)
	);
	const domains = new Map(corpus.domains.map((d) => [d.id, d]));
	unique(
		'domain',
		corpus.domains.map((d) => d.id)
	);
	const questions = new Map(corpus.profileQuestions.map((q) => [q.id, q]));

	for (const p of corpus.provisions) {
		if (!sourceIds.has(p.source))
			problems.push(`provision ${p.id}: source: unknown source ${p.source}`);
		if (p.superseded_by && !provisionIds.has(p.superseded_by)) {
			problems.push(`provision ${p.id}: superseded_by: unknown provision ${p.superseded_by}`);
		}
	}
	for (const c of corpus.conflicts) {
		for (const id of c.provisions) {
			if (!provisionIds.has(id))
				problems.push(`conflict ${c.id}: provisions: unknown provision ${id}`);
		}
		if (!c.provisions.includes(c.prevails)) {
			problems.push(`conflict ${c.id}: prevails: ${c.prevails} is not one of its provisions`);
		}
	}
	const conflictIds = new Set(corpus.conflicts.map((c) => c.id));
	const licences = new Set(
		corpus.profileQuestions.find((q) => q.id === 'licences')?.options.map((o) => o.value) ?? []
	);
	for (const t of corpus.restrictedTerms) {
		for (const pid of t.provisions) {
			if (!provisionIds.has(pid))
				problems.push(`restricted term ${t.term}: provisions: unknown provision ${pid}`);
		}
		if (t.conflict && !conflictIds.has(t.conflict))
			problems.push(`restricted term ${t.term}: conflict: unknown conflict ${t.conflict}`);
		for (const itemId of t.named_by) {
			if (!corpus.items.some((i) => i.id === itemId))
				problems.push(`restricted term ${t.term}: named_by: unknown item ${itemId}`);
		}
		for (const [licence, phrases] of Object.entries(t.licensed)) {
			if (!licences.has(licence))
				problems.push(`restricted term ${t.term}: licensed: unknown licence ${licence}`);
			for (const phrase of phrases.filter((ph) => !ph.includes(t.term)))
				problems.push(`restricted term ${t.term}: licensed: ${phrase} does not contain the term`);
		}
		for (const phrase of t.neutral.filter((ph) => !ph.includes(t.term)))
			problems.push(`restricted term ${t.term}: neutral: ${phrase} does not contain the term`);
	}
	for (const item of corpus.items) {
		const domain = domains.get(item.domain);
		if (!domain) problems.push(`item ${item.id}: domain: unknown domain ${item.domain}`);
		else if (!item.id.startsWith(`${domain.prefix}-`)) {
			problems.push(`item ${item.id}: id: items in ${domain.id} start with ${domain.prefix}-`);
		}
		for (const pid of item.provisions) {
			if (!provisionIds.has(pid))
				problems.push(`item ${item.id}: provisions: unknown provision ${pid}`);
		}
		for (const message of ruleErrors(item.applies_when, questions)) {
			problems.push(`item ${item.id}: applies_when: ${message}`);
		}
	}
	return problems;
}

function ruleErrors(
	rule: Rule,
	questions: Map<string, Corpus['profileQuestions'][number]>
): string[] {
	if (rule === 'always') return [];
	if ('all' in rule) return rule.all.flatMap((r) => ruleErrors(r, questions));
	if ('any' in rule) return rule.any.flatMap((r) => ruleErrors(r, questions));
	if ('not' in rule) return ruleErrors(rule.not, questions);
	const question = questions.get(rule.field);
	if (!question) return [`unknown profile field ${rule.field}`];
	const values =
		'equals' in rule
			? [rule.equals]
			: 'in' in rule
				? rule.in
				: 'not_in' in rule
					? rule.not_in
					: rule.includes_any;
	if (question.kind === 'boolean') {
		return values.every((v) => typeof v === 'boolean') ? [] : [`${rule.field} takes true or false`];
	}
	if (question.kind === 'text') return [`${rule.field} is free text and cannot scope items`];
	const allowed = new Set(question.options.map((o) => o.value));
	return values
		.filter((v) => !allowed.has(String(v)))
		.map((v) => `${rule.field} has no option ${String(v)}`);
}
