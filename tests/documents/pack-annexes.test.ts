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
	it("quotes each measure verbatim, in force, and adds Lingang's data rules only where they apply", () => {
		const joint = firmPack(corpus, packFirms.joint);
		expect(joint.support.length).toBeGreaterThan(5);
		for (const q of joint.support) {
			const p = corpus.provisions.find((x) => x.id === q.provisionId)!;
			expect(q.text).toBe(p.text_zh);
			expect(p.status).toBe('in_force');
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
});
