import { describe, expect, it } from 'vitest';
import {
	decodeEntries,
	encodeEntries,
	packEntry,
	PackedEntries,
	unpackEntry,
	type QuestionnaireEntry
} from './packed-entries';

const item = {
	id: 'AML-001',
	question: '是否建立反洗钱内部控制制度？',
	basis: 'obligation',
	severity: 'critical',
	never_na: true,
	provisionCount: 2
} as const;

describe('a questionnaire entry packed for the page', () => {
	it('comes back as it was: answered and reviewed', () => {
		const entry: QuestionnaireEntry = {
			item,
			domain: 'aml',
			saved: {
				status: 'partial',
				note: '制度已起草',
				evidence: ['POL-7'],
				owner: '合规部',
				due: '2027-03-31',
				version: 3
			},
			review: { status: 'changes_requested', comments: 2 }
		};
		expect(unpackEntry(packEntry(entry))).toEqual(entry);
	});

	it('comes back as it was: unanswered, nobody reviewed it (no review key at all)', () => {
		const entry: QuestionnaireEntry = { item, domain: 'aml', saved: null };
		const back = unpackEntry(packEntry(entry));
		expect(back).toEqual(entry);
		expect('review' in back).toBe(false);
	});

	it('is arrays only: no object keys for the page data to write', () => {
		const packed = packEntry({ item, domain: 'aml', saved: null });
		expect(Array.isArray(packed)).toBe(true);
		expect(packed.some((v) => v !== null && typeof v === 'object' && !Array.isArray(v))).toBe(
			false
		);
	});
});

describe("the page's entries on their way to the browser", () => {
	const entries = () => [
		packEntry({ item, domain: 'aml', saved: null }),
		packEntry({
			item: { ...item, id: 'AML-002', question: '是否开展反洗钱培训？' },
			domain: 'aml',
			saved: null
		})
	];
	const inPage = new Map([
		['AML-001', item.question],
		['AML-002', '是否开展反洗钱培训？']
	]);

	it('leave the questions out where the page shows them, and read them back from it', () => {
		const sent = new PackedEntries(entries(), true);
		const encoded = encodeEntries(sent);
		expect(encoded[0]).not.toContain('是否');
		// The server's own copy, which renders the page, keeps its questions.
		expect(sent.entries[0]![1]).toBe(item.question);
		const back = decodeEntries(structuredClone(encoded), (id) => inPage.get(id) ?? '');
		expect(back.entries).toEqual(entries());
	});

	it('carry the questions where there is no page to read them from (data fetched alone)', () => {
		const encoded = encodeEntries(new PackedEntries(entries(), false));
		expect(encoded[0]).toContain(item.question);
		const back = decodeEntries(structuredClone(encoded), () => {
			throw new Error('the page is not read');
		});
		expect(back.entries).toEqual(entries());
	});
});
