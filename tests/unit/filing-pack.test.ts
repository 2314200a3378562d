import { seedsCorpus } from '../../src/lib/corpus/seeds-corpus';
import { describe, expect, it } from 'vitest';
import { addMonths, EMPTY_PACK_INPUT, mergePackInput } from '../../src/lib/domain/pack-input';
import type { ConsultantVoice } from '../../src/lib/domain/consultant-voice';
import { firmPack, packAnswers, packFirms, sampleVoice } from '../helpers/pack-fixture';

const corpus = seedsCorpus();
const PBOC = [
	'service_info',
	'expected_effect',
	'technical_solution',
	'legal_compliance',
	'risk_prevention',
	'emergency_exit',
	'complaint_response'
];

describe('the filing pack model', () => {
	for (const [key, firm] of Object.entries(packFirms))
		it(`drafts every section of the PBOC statement for ${key}, each statement traced`, () => {
			const pack = firmPack(corpus, firm);
			expect(pack.path).toBe('pboc');
			expect(pack.sections.map((s) => s.id)).toEqual(PBOC);
			for (const s of pack.sections)
				for (const st of s.statements)
					if (st.text !== null) expect(st.trace.length, `${st.id} ${st.label}`).toBeGreaterThan(0);
			// Nothing invented: each answer statement quotes the stored note.
			const answers = packAnswers(corpus, firm.profile);
			for (const s of pack.sections)
				for (const st of s.statements)
					for (const t of st.trace)
						if (t.kind === 'answer' && st.text?.includes('说明'))
							expect(st.text).toContain(answers.find((a) => a.itemId === t.itemId)!.note);
		});

	it('lists open gaps and unanswered obligation items as the blockers of their section', () => {
		const pack = firmPack(corpus, packFirms.joint);
		const blockers = pack.sections.flatMap((s) => s.blockers);
		const answers = packAnswers(corpus, packFirms.joint.profile);
		const gaps = answers.filter((a) => a.status !== 'compliant' && a.status !== 'not_applicable');
		expect(blockers.length).toBeGreaterThan(0);
		for (const b of blockers.filter((x) => x.status !== 'unanswered'))
			expect(gaps.map((g) => g.itemId)).toContain(b.itemId);
		// SBX-001 (the joint application) is an entry condition: when short, it blocks service information.
		const sbx = answers.find((a) => a.itemId === 'SBX-001');
		if (sbx && sbx.status !== 'compliant')
			expect(pack.sections[0]!.blockers.map((b) => b.itemId)).toContain('SBX-001');
	});

	it('marks what the pack form leaves empty as to be completed, and asks for the partner only when joint', () => {
		const tech = firmPack(corpus, packFirms.techProduct);
		const service = tech.sections[0]!.statements;
		expect(service.find((s) => s.label === '服务名称')!.text).toBe('银行反欺诈联邦学习建模平台');
		expect(service.find((s) => s.label === '服务渠道')!.text).toBeNull();
		expect(service.some((s) => s.label === '联合申报的持牌金融机构')).toBe(false);
		const joint = firmPack(corpus, packFirms.joint).sections[0]!.statements;
		expect(joint.find((s) => s.label === '联合申报的持牌金融机构')!.text).toBe(
			'上海通汇支付有限公司'
		);
	});

	it('says on its first page that the JR/T 0198 annex field list is unverified', () => {
		const zh = firmPack(corpus, packFirms.bank);
		expect(zh.front.paragraphs.join('')).toContain('JR/T 0198-2020');
		expect(zh.front.paragraphs.join('')).toContain('未经核实');
		const en = firmPack(corpus, packFirms.bank, { lang: 'en' });
		expect(en.front.paragraphs[0]).toMatch(/working translation/);
		expect(en.front.paragraphs.join(' ')).toMatch(/has not been verified/);
	});

	it('keeps a person’s edit when regenerated, and says when the draft beneath changed', () => {
		const first = firmPack(corpus, packFirms.bank);
		const section = first.sections[6]!;
		const edit = {
			text: '投诉热线 95500，48 小时内答复。',
			baseHash: section.draftHash,
			editedAt: '2026-12-02',
			editedBy: '张敏'
		};
		const again = firmPack(corpus, packFirms.bank, { edits: { complaint_response: edit } });
		expect(again.sections[6]!.statements.map((s) => s.text)).toEqual([edit.text]);
		expect(again.sections[6]!.edit!.stale).toBe(false);
		const answers = packAnswers(corpus, packFirms.bank.profile).map((a) =>
			a.itemId.startsWith('CMP') ? { ...a, note: '已更新投诉处理制度' } : a
		);
		const changed = firmPack(corpus, packFirms.bank, {
			edits: { complaint_response: edit },
			answers
		});
		expect(changed.sections[6]!.statements[0]!.text).toBe(edit.text);
		expect(changed.sections[6]!.edit!.stale).toBe(true);
	});

	it('leaves confidential parts out of the public-notice version', () => {
		const pack = firmPack(corpus, packFirms.bank, { edition: 'public' });
		expect(pack.trace).toEqual([]);
		expect(pack.sections.every((s) => s.blockers.length === 0)).toBe(true);
		const text = JSON.stringify(pack.sections);
		expect(text).not.toContain('制度草案待批准');
		expect(text).not.toContain('-制度.pdf');
		expect(text).not.toContain(packFirms.bank.profile.business_scope);
	});

	it('dates the verdict and warns when evidence expires before the planned filing date', () => {
		const pack = firmPack(corpus, packFirms.bank);
		expect(pack.front.readiness[0]).toContain('2026-12-02');
		expect(pack.front.readiness[0]).toContain(addMonths('2026-12-02', 3));
		expect(pack.front.readiness[1]).toContain('2027-02-15');
		expect(pack.front.readiness[1]).toContain('在有效期内');
		expect(pack.front.warnings.join('')).toContain('2027-01-31');
		const late = firmPack(corpus, packFirms.joint);
		expect(late.front.readiness[1]).toContain('晚于有效期');
	});

	it('gives the CSRC pilot an outline to complete, with the six kinds of applicant', () => {
		const firm = {
			...packFirms.bank,
			profile: {
				...packFirms.bank.profile,
				licences: ['securities_futures'],
				target_sandbox: 'csrc_capital_market_pilot'
			}
		};
		const pack = firmPack(corpus, firm);
		expect(pack.path).toBe('csrc');
		expect(pack.sections.map((s) => s.title)).toEqual([
			'申报主体',
			'申报遴选',
			'公示监督',
			'退出总结'
		]);
		expect(pack.sections.every((s) => s.basis === 'outline')).toBe(true);
		expect(pack.sections[0]!.statements[0]!.text).toContain('基金托管机构');
	});

	describe("the consultant's voice", () => {
		const gap = (firm: typeof packFirms.bank) => {
			const answers = packAnswers(corpus, firm.profile);
			const pack = firmPack(corpus, firm);
			// A gap in a section, as the evaluation has it (the items the observations may speak to).
			const section = pack.sections.find((s) => s.blockers.some((b) => b.status !== 'unanswered'))!;
			const blocker = section.blockers.find((b) => b.status !== 'unanswered')!;
			return { answers, section, itemId: blocker.itemId };
		};
		const voice = (itemId: string, other: string): ConsultantVoice => {
			const v = sampleVoice(itemId);
			const stale = { ...v.observations[itemId]!, itemId: other, version: 1 };
			const text = { zh: '这一项已经不是差距。', en: '' };
			return { ...v, observations: { ...v.observations, [other]: { ...stale, text } } };
		};

		it('quotes the opinion, the scope and each gap’s observation where written, each traced to its version and author', () => {
			const firm = packFirms.bank;
			const { section, itemId } = gap(firm);
			const compliant = packAnswers(corpus, firm.profile).find((a) => a.status === 'compliant')!;
			const pack = firmPack(corpus, firm, { voice: voice(itemId, compliant.itemId) });
			const result = pack.sections.find((s) => s.id === 'legal_compliance')!;
			const opinion = result.statements.find((s) => s.label === '总体意见（顾问撰写）')!;
			expect(opinion.text).toBe('总体看，风险补偿机制尚待落实，建议推迟申报。');
			expect(opinion.trace).toEqual([
				{ kind: 'voice', part: 'opinion', itemId: null, version: 3, by: '王顾问', on: '2026-12-01' }
			]);
			// Written in English only: quoted as written, not translated.
			const scope = result.statements.find((s) => s.label === '评估范围与局限（顾问撰写）')!;
			expect(scope.text).toBe('We reviewed policies only; no systems were tested.');
			const own = pack.sections.find((s) => s.id === section.id)!;
			const observation = own.statements.find((s) => s.label === `${itemId} 顾问观察`)!;
			expect(observation.text).toBe('制度已起草，待董事会批准。');
			expect(observation.trace[0]).toMatchObject({ part: 'observation', itemId, version: 2 });
			// An observation on an item that is no longer a gap is not quoted (as in the report).
			expect(JSON.stringify(pack.sections)).not.toContain('这一项已经不是差距');
			const rows = pack.trace.filter((t) => t.source === '顾问意见');
			expect(rows.map((r) => r.reference)).toEqual(
				expect.arrayContaining([
					'总体意见（顾问撰写） · 第 3 版 · 王顾问 · 2026-12-01',
					`顾问观察 · ${itemId} · 第 2 版 · 李顾问 · 2026-11-29`
				])
			);
			const en = firmPack(corpus, firm, { voice: voice(itemId, compliant.itemId), lang: 'en' });
			const enObs = en.sections
				.flatMap((s) => s.statements)
				.find((s) => s.label === `${itemId} Consultant's observation`)!;
			expect(enObs.text).toBe('Drafted; awaiting board approval.');
			expect(en.trace.map((r) => r.reference)).toContain(
				'Overall opinion (by the consultant) · version 3 · 王顾问 · 2026-12-01'
			);
		});

		it('leaves a section as it was where nothing was written, and the public notice without it', () => {
			const firm = packFirms.techProduct;
			const plain = firmPack(corpus, firm);
			const empty = firmPack(corpus, firm, {
				voice: {
					statement: {
						...voice('X', 'Y').statement,
						opinion: { zh: ' ', en: '' },
						scope: { zh: '', en: '' }
					},
					observations: {}
				}
			});
			expect(empty.sections).toEqual(plain.sections);
			const { itemId } = gap(firm);
			const pub = firmPack(corpus, firm, { voice: voice(itemId, 'Y'), edition: 'public' });
			expect(pub.sections).toEqual(firmPack(corpus, firm, { edition: 'public' }).sections);
		});

		it('marks a person’s edit stale when the consultant’s text beneath it changes', () => {
			const firm = packFirms.bank;
			const { itemId } = gap(firm);
			const before = firmPack(corpus, firm, { voice: voice(itemId, 'Y') });
			const legal = before.sections.find((s) => s.id === 'legal_compliance')!;
			const edit = {
				text: '已改写。',
				baseHash: legal.draftHash,
				editedAt: '2026-12-02',
				editedBy: '张敏'
			};
			const v = voice(itemId, 'Y');
			const changed = {
				...v,
				statement: { ...v.statement, version: 4, opinion: { zh: '可以申报。', en: '' } }
			};
			const after = firmPack(corpus, firm, { voice: changed, edits: { legal_compliance: edit } });
			expect(after.sections.find((s) => s.id === 'legal_compliance')!.edit!.stale).toBe(true);
		});
	});

	it('merges a save over another field by field: the writer’s changes kept, the other’s taken, both-changed named', () => {
		const base = { ...EMPTY_PACK_INPUT, service_name: '旧名称' };
		const current = { ...base, service_name: '甲的名称', channels: '企业网银' };
		const sent = { ...base, service_name: '乙的名称', service_hours: '7×24 小时' };
		const merge = mergePackInput(base, sent, current);
		expect(merge.merged).toEqual({
			...base,
			service_name: '乙的名称',
			channels: '企业网银',
			service_hours: '7×24 小时'
		});
		expect(merge.conflicts).toEqual(['service_name']);
		expect(merge.theirs).toEqual(['channels']);
		// Both typed the same: no conflict. Without the base, every difference is one.
		expect(mergePackInput(base, { ...sent, service_name: '甲的名称' }, current).conflicts).toEqual(
			[]
		);
		expect(mergePackInput(null, sent, current).conflicts).toEqual([
			'service_name',
			'channels',
			'service_hours'
		]);
		expect(mergePackInput(null, sent, current).merged).toEqual(sent);
	});

	it('adds months the way a calendar does', () => {
		expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
		expect(addMonths('2026-12-02', 3)).toBe('2027-03-02');
	});
});
