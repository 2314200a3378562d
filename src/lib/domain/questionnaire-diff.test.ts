import { describe, expect, it } from 'vitest';
import type { Provision } from './corpus';
import { carryAnswers, diffQuestionnaires, planVersionMove } from './questionnaire-diff';
import type { AnswerStatus } from './scoring';
import { makeItem } from './test-fixtures';

function provision(id: string, overrides: Partial<Provision> = {}): Provision {
	return {
		id,
		source: 'ifcr2024',
		label: '第五十条',
		label_en: 'Article 50',
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
			replaced: [],
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
			carry: [],
			drop: ['LIC-002']
		});
	});

	it('carries the answers of merged and split items to their successors, to be confirmed', () => {
		// LIC-001 + LIC-002 merge into LIC-010; LIC-003 splits into LIC-011 and LIC-012.
		const merged = makeItem('LIC-010', 'critical', { provisions: ['p1'] });
		const partA = makeItem('LIC-011', 'low', { provisions: ['p1'] });
		const partB = makeItem('LIC-012', 'low', { provisions: ['p1'], never_na: true });
		const to = {
			items: [merged, partA, partB],
			provisions: [p1, p2],
			replacements: {
				'LIC-001': { by: ['LIC-010'], reason: 'merged: one duty' },
				'LIC-002': { by: ['LIC-010'], reason: 'merged: one duty' },
				'LIC-003': { by: ['LIC-011', 'LIC-012'], reason: 'split: two requirements' }
			}
		};
		const diff = diffQuestionnaires({ items: [a, b, c], provisions: [p1, p2] }, to);
		expect(diff.replaced.map((r) => [r.id, r.by, r.reason])).toEqual([
			['LIC-001', ['LIC-010'], 'merged: one duty'],
			['LIC-002', ['LIC-010'], 'merged: one duty'],
			['LIC-003', ['LIC-011', 'LIC-012'], 'split: two requirements']
		]);
		const plan = planVersionMove(diff, ['LIC-001', 'LIC-002', 'LIC-003']);
		expect(plan).toEqual({
			keep: [],
			reconfirm: [],
			carry: [
				{ from: 'LIC-001', to: ['LIC-010'] },
				{ from: 'LIC-002', to: ['LIC-010'] },
				{ from: 'LIC-003', to: ['LIC-011', 'LIC-012'] }
			],
			drop: []
		});
		const answer = (itemId: string, status: AnswerStatus, note: string, due: string | null) => ({
			itemId,
			status,
			note,
			evidence: [`${itemId}.pdf`],
			owner: null,
			due
		});
		const carried = carryAnswers(
			plan,
			[
				answer('LIC-001', 'compliant', '已取得', '2027-03-01'),
				answer('LIC-002', 'partial', '申请中', '2027-01-01'),
				answer('LIC-003', 'non_compliant', '未建立', null)
			],
			to.items,
			new Set()
		);
		expect(carried).toEqual([
			{
				itemId: 'LIC-010',
				from: ['LIC-001', 'LIC-002'],
				status: 'partial',
				note: '[LIC-001] 已取得\n[LIC-002] 申请中',
				evidence: ['LIC-001.pdf', 'LIC-002.pdf'],
				owner: null,
				due: '2027-01-01'
			},
			{
				...answer('LIC-011', 'non_compliant', '未建立', null),
				evidence: ['LIC-003.pdf'],
				from: ['LIC-003']
			},
			{
				...answer('LIC-012', 'non_compliant', '未建立', null),
				evidence: ['LIC-003.pdf'],
				from: ['LIC-003']
			}
		]);
	});

	it('leaves a successor that has its own answer to it, asking to confirm it again', () => {
		const diff = diffQuestionnaires(
			{ items: [a, b], provisions: [p1, p2] },
			{
				items: [a],
				provisions: [p1, p2],
				replacements: { 'LIC-002': { by: ['LIC-001'], reason: null } }
			}
		);
		const plan = planVersionMove(diff, ['LIC-001', 'LIC-002']);
		expect(plan).toMatchObject({
			reconfirm: ['LIC-001'],
			carry: [{ from: 'LIC-002', to: ['LIC-001'] }]
		});
		expect(
			carryAnswers(
				plan,
				[{ itemId: 'LIC-002', status: 'partial', note: '', evidence: [], owner: null, due: null }],
				[a],
				new Set(['LIC-001'])
			)
		).toEqual([]);
	});

	it('does not carry N/A to a successor that refuses it', () => {
		const strict = makeItem('LIC-020', 'high', { never_na: true });
		const plan = { carry: [{ from: 'LIC-002', to: ['LIC-020'] }] };
		const na = {
			itemId: 'LIC-002',
			status: 'not_applicable' as const,
			note: '无此业务',
			evidence: [],
			owner: null,
			due: null
		};
		expect(carryAnswers(plan, [na], [strict], new Set())).toEqual([]);
	});
});
