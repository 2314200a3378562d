import { describe, expect, it } from 'vitest';
import type { Provision } from './corpus';
import { diffQuestionnaires, planVersionMove } from './questionnaire-diff';
import { makeItem } from './test-fixtures';

function provision(id: string, overrides: Partial<Provision> = {}): Provision {
	return {
		id,
		source: 'ifcr2024',
		label: '第五十条',
		section: '',
		text_zh: '条文',
		summary_en: 'Text',
		addressee: ['fintech_firms'],
		force: 'must',
		topics: [],
		status: 'in_force',
		effective_from: null,
		effective_to: null,
		superseded_by: null,
		...overrides
	};
}

const p1 = provision('p1');
const p2 = provision('p2');
const a = makeItem('LIC-001', 'critical', { provisions: ['p1'] });
const b = makeItem('LIC-002', 'high', { provisions: ['p2'] });
const c = makeItem('LIC-003', 'low', { provisions: ['p1'] });

describe('diffQuestionnaires', () => {
	it('finds nothing between a version and itself', () => {
		const v = { items: [a, b, c], provisions: [p1, p2] };
		expect(diffQuestionnaires(v, v)).toEqual({
			added: [],
			removed: [],
			changed: [],
			provisions: []
		});
	});

	it('lists items added and removed', () => {
		const d = makeItem('LIC-004', 'medium', { provisions: ['p1'] });
		const diff = diffQuestionnaires(
			{ items: [a, b], provisions: [p1, p2] },
			{ items: [a, d], provisions: [p1, p2] }
		);
		expect(diff.added.map((i) => i.id)).toEqual(['LIC-004']);
		expect(diff.removed.map((i) => i.id)).toEqual(['LIC-002']);
		expect(diff.changed).toEqual([]);
	});

	it('names what changed about an item: wording, severity, provisions, applicability', () => {
		const diff = diffQuestionnaires(
			{ items: [a, b, c], provisions: [p1, p2] },
			{
				items: [
					{ ...a, question: { zh: '新问题', en: 'New question' }, severity: 'high' },
					{ ...b, provisions: ['p1', 'p2'] },
					{ ...c, applies_when: { field: 'client_funds', equals: true } }
				],
				provisions: [p1, p2]
			}
		);
		expect(diff.changed.map((i) => [i.id, i.aspects])).toEqual([
			['LIC-001', ['wording', 'severity']],
			['LIC-002', ['provisions']],
			['LIC-003', ['applicability']]
		]);
	});

	it('counts an item changed when a provision it cites was reworded, and lists the provision', () => {
		const diff = diffQuestionnaires(
			{ items: [a, b], provisions: [p1, p2] },
			{
				items: [a, b],
				provisions: [
					{ ...p1, text_zh: '修订后的条文' },
					{ ...p2, status: 'superseded' },
					provision('p3')
				]
			}
		);
		expect(diff.provisions).toEqual([
			{ id: 'p1', label: '第五十条', change: 'text' },
			{ id: 'p2', label: '第五十条', change: 'status' },
			{ id: 'p3', label: '第五十条', change: 'added' }
		]);
		expect(diff.changed.map((i) => [i.id, i.aspects, i.changedProvisions])).toEqual([
			['LIC-001', [], ['p1']],
			['LIC-002', [], ['p2']]
		]);
	});
});

describe('planVersionMove', () => {
	it('keeps answers to unchanged items, asks again for changed ones and drops removed ones', () => {
		const diff = diffQuestionnaires(
			{ items: [a, b, c], provisions: [p1, p2] },
			{ items: [{ ...a, severity: 'low' }, c], provisions: [p1, p2] }
		);
		expect(planVersionMove(diff, ['LIC-001', 'LIC-002', 'LIC-003'])).toEqual({
			keep: ['LIC-003'],
			reconfirm: ['LIC-001'],
			drop: ['LIC-002']
		});
	});
});
