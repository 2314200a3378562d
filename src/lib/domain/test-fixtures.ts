import type { Item, Severity } from './corpus';
import type { Answer, AnswerStatus } from './scoring';

/** A minimal item for tests of the domain core. */
export function makeItem(id: string, severity: Severity, overrides: Partial<Item> = {}): Item {
	return {
		id,
		domain: 'licensing',
		question: { zh: `问题 ${id}`, en: `Question ${id}` },
		guidance: { zh: '指引', en: 'Guidance' },
		answer_scale: 'compliance',
		basis: 'obligation',
		severity,
		severity_reason: severity === 'critical' ? { zh: '红线', en: 'Red line' } : null,
		criteria: null,
		never_na: false,
		applies_when: 'always',
		provisions: ['ifcr2024.a50.p3'],
		related_rules: [],
		remediation: { zh: '整改', en: 'Fix it' },
		evidence_examples: { zh: ['制度'], en: ['Policy'] },
		...overrides
	};
}

export function answersOf(entries: Record<string, AnswerStatus>): Map<string, Answer> {
	return new Map(
		Object.entries(entries).map(([itemId, status]) => [
			itemId,
			{
				itemId,
				status,
				note: status === 'not_applicable' ? 'No such business' : '',
				evidence: [],
				owner: null,
				due: null
			}
		])
	);
}
