import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/lib/corpus/load';
import { corpusPaths } from '../../src/lib/corpus/paths';
import type { EvidenceFile } from '../../src/lib/domain/evidence';
import {
	CSRC_ATTACHMENTS,
	EXIT_DIMENSIONS,
	PBOC_ATTACHMENTS,
	SUPPORT_MEASURES,
	packAttachments,
	supportBackground,
	type AnnexInput
} from '../../src/lib/domain/pack-annexes';
import { forceClass } from '../../src/lib/domain/provision-standing';
import { renderPackDocx } from '../../src/lib/server/documents/pack/pack-docx';
import { renderPackPdf } from '../../src/lib/server/documents/pack/pack-pdf';
import { firmPack, packAnswers, packFirms } from '../helpers/pack-fixture';
import { pdfText, squash } from '../helpers/pdf';

const corpus = loadCorpus(corpusPaths().seedsDir);

function file(itemId: string, over: Partial<EvidenceFile> = {}): EvidenceFile {
	return {
		id: `f-${itemId}`,
		itemId,
		lineageId: `l-${itemId}`,
		version: 1,
		fileName: `${itemId}.pdf`,
		contentType: 'application/pdf',
		size: 1,
		sha256: 'b'.repeat(64),
		uploadedBy: null,
		uploaderName: null,
		uploadedAt: new Date('2026-10-01T00:00:00Z'),
		effectiveOn: '2026-10-01',
		expiresOn: null,
		reviewStatus: 'accepted',
		reviewedAt: null,
		needsReconfirmation: false,
		...over
	};
}

describe('the attachments checklist', () => {
	it('maps only to items the corpus has', () => {
		const ids = new Set(corpus.items.map((i) => i.id));
		for (const spec of [...PBOC_ATTACHMENTS, ...CSRC_ATTACHMENTS, ...EXIT_DIMENSIONS])
			for (const id of spec.items) expect(ids, `${spec.id}: ${id}`).toContain(id);
	});

	it('links each attachment to the files of its items: on file, stale, or missing', () => {
		const input: AnnexInput = {
			corpus,
			path: 'pboc',
			joint: false,
			applicable: new Set(corpus.items.map((i) => i.id)),
			answers: [],
			evidence: [
				file('SBX-006'),
				file('RSK-003', { expiresOn: '2026-11-30' }),
				file('RSK-004', { reviewStatus: 'rejected' })
			],
			today: '2026-12-02',
			lang: 'zh'
		};
		const byId = new Map(packAttachments(input).map((a) => [a.id, a]));
		expect(byId.has('joint_agreement')).toBe(false);
		expect(byId.get('exit_plan')).toMatchObject({
			state: 'present',
			files: [{ fileName: 'SBX-006.pdf', counts: true }]
		});
		// An expired file and a file not accepted are listed but do not count.
		expect(byId.get('risk_compensation')!.state).toBe('stale');
		expect(byId.get('risk_compensation')!.files.map((f) => f.counts)).toEqual([false, false]);
		expect(byId.get('emergency_plan')!.state).toBe('missing');
		expect(packAttachments({ ...input, joint: true }).map((a) => a.id)).toContain(
			'joint_agreement'
		);
	});

	it('follows the CSRC pilot on its path', () => {
		const pack = firmPack(corpus, {
			...packFirms.techProduct,
			profile: { ...packFirms.techProduct.profile, target_sandbox: 'csrc_capital_market_pilot' }
		});
		expect(pack.attachments.map((a) => a.id)).toEqual(CSRC_ATTACHMENTS.map((a) => a.id));
	});
});

describe('the exit-evaluation view', () => {
	it('has the eight dimensions, each with its applicable items and verbatim quotes', () => {
		const pack = firmPack(corpus, packFirms.joint);
		expect(pack.exit.map((d) => d.id)).toEqual([
			'innovation_value',
			'service_quality',
			'user_satisfaction',
			'business_continuity',
			'legal_compliance',
			'transaction_security',
			'data_security',
			'risk_control'
		]);
		const answers = new Map(packAnswers(corpus, packFirms.joint.profile).map((a) => [a.itemId, a]));
		for (const d of pack.exit) {
			for (const i of d.items) expect(i.status).toBe(answers.get(i.itemId)?.status ?? 'unanswered');
			for (const q of d.quotes) {
				const p = corpus.provisions.find((x) => x.id === q.provisionId)!;
				expect(q.text).toBe(p.text_zh);
				expect(q.force).toBe(forceClass(p.force));
				// Cited by one of the dimension's items.
				expect(
					d.items.some((i) =>
						corpus.items.find((x) => x.id === i.itemId)!.provisions.includes(p.id)
					)
				).toBe(true);
			}
		}
	});

	it('is left out of the public-notice version, with the checklist', () => {
		const pub = firmPack(corpus, packFirms.bank, { edition: 'public' });
		expect(pub.attachments).toEqual([]);
		expect(pub.exit).toEqual([]);
	});
});

describe('the annexes in the pack documents', { timeout: 60_000 }, () => {
	it('prints the checklist and the exit view in the PDF and the Word file, zh and en', async () => {
		const zh = firmPack(corpus, packFirms.joint);
		const text = squash(pdfText(await renderPackPdf(zh)));
		for (const s of [
			'附件清单',
			'与持牌金融机构的联合申报协议',
			'缺少佐证材料',
			'退出评估准备',
			'业务连续性保障'
		])
			expect(text).toContain(squash(s));
		const quote = zh.exit.find((d) => d.quotes.length > 0)!.quotes[0]!;
		expect(text).toContain(squash(quote.text.slice(0, 30)));
		const en = firmPack(corpus, packFirms.joint, { lang: 'en' });
		const xml = strFromU8(unzipSync(await renderPackDocx(en))['word/document.xml']!);
		for (const s of [
			'Attachments checklist',
			'Missing',
			'Preparing for the exit review',
			'English summary (not a translation)'
		])
			expect(xml).toContain(s);
	});
});

describe('the support measures', () => {
	it("quotes each measure verbatim and adds Lingang's data rules only where they apply", () => {
		const joint = firmPack(corpus, packFirms.joint);
		expect(joint.support.length).toBeGreaterThan(5);
		for (const q of joint.support) {
			const p = corpus.provisions.find((x) => x.id === q.provisionId)!;
			expect(q.text).toBe(p.text_zh);
			expect(q.force).toBe(forceClass(p.force));
		}
		for (const id of SUPPORT_MEASURES.map((m) => m.provision))
			expect(
				corpus.provisions.some((p) => p.id === id),
				id
			).toBe(true);
		const local = { ...packFirms.bank.profile, ftz_lingang: false, cross_border_data: false };
		const lingang = { ...local, ftz_lingang: true };
		const ids = (profile: typeof local) =>
			firmPack(corpus, { ...packFirms.bank, profile }).support.map((q) => q.provisionId);
		expect(ids(local)).not.toContain('ifcr2024.a28');
		expect(ids(lingang)).toContain('ifcr2024.a28');
		expect(firmPack(corpus, packFirms.bank, { edition: 'public' }).support).toEqual([]);
	});

	it('marks the 2014 opinions’ measure as policy background only, from the corpus’s own standing data, and lists it last', () => {
		const support = firmPack(corpus, packFirms.joint).support;
		const background = support.filter((q) => q.background !== null);
		expect(background.map((q) => q.provisionId)).toEqual(['ifo2014.c10']);
		expect(background[0]!.background).toEqual({ reason: 'overtaken', issued: '2014-08-04' });
		expect(support.at(-1)!.provisionId).toBe('ifo2014.c10');
		// Every measure marked background rests on the data, not on its id: a source that is binding
		// or without a recorded standing keeps its measures current.
		const source = corpus.sources.find((s) => s.id === 'sh-internet-finance-opinions-2014')!;
		const provision = corpus.provisions.find((p) => p.id === 'ifo2014.c10')!;
		expect(supportBackground(provision, { ...source, standing: null }, '2026-12-02')).toBeNull();
		expect(supportBackground(provision, { ...source, binding: true }, '2026-12-02')).toBeNull();
		expect(
			supportBackground(
				{ ...provision, caveat: source.standing },
				{ ...source, standing: null },
				'2026-12-02'
			)
		).toMatchObject({ reason: 'overtaken' });
	});

	it('marks measures whose document has expired by its dates, or that were superseded', () => {
		// The 2024 action plan runs to 2029-09-30: after it, its measures are background only.
		const later = firmPack(corpus, packFirms.joint, { today: '2029-10-01' }).support;
		for (const q of later.filter((x) => x.provisionId.startsWith('ftap2024')))
			expect(q.background).toEqual({ reason: 'expired', on: '2029-09-30' });
		expect(later.find((q) => q.provisionId === 'ifcr2024.a39.p3')!.background).toBeNull();
		const now = firmPack(corpus, packFirms.joint).support;
		expect(
			now.filter((x) => x.provisionId.startsWith('ftap2024')).every((q) => q.background === null)
		).toBe(true);
		const superseded = corpus.provisions.find((p) => p.id === 'ftap2024.c29')!;
		expect(
			supportBackground(
				{ ...superseded, status: 'superseded', superseded_by: 'ifcr2024.a39.p3' },
				corpus.sources.find((s) => s.id === superseded.source),
				'2026-12-02'
			)
		).toEqual({ reason: 'superseded', by: 'ifcr2024.a39.p3' });
	});

	it('prints the caveat in plain words in the PDF and the Word file, zh and en', async () => {
		const zh = firmPack(corpus, packFirms.joint);
		const text = squash(pdfText(await renderPackPdf(zh)));
		expect(text).toContain(squash('仅作政策背景'));
		expect(text).toContain(squash('出自 2014-08-04 印发的文件'));
		expect(text).toContain(squash('不是本机构现在可以申请的措施'));
		const en = firmPack(corpus, packFirms.joint, { lang: 'en' });
		const xml = strFromU8(unzipSync(await renderPackDocx(en))['word/document.xml']!);
		expect(xml).toContain('Policy background only');
		expect(xml).toContain('not a measure the firm can apply for today');
		// Said once, for the one measure it concerns.
		expect(xml.split('Policy background only').length - 1).toBe(1);
	}, 60_000);
});
