import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { saveAnswer } from '../helpers/assessment';
import {
	FINALISE_OVER,
	consultancy,
	createClient,
	inviteRespondent,
	joinByInvitation,
	startClientAssessment
} from '../helpers/consultancy';
import type { Browser } from '../helpers/browser';
import { pdfText, squash } from '../helpers/pdf';

const SLOW = 240_000;

const OPINION_ZH = '本机构在许可与客户资金方面仍有重大差距，建议暂缓申请监管沙箱。';
const OPINION_EN = 'Material gaps remain in licensing and client funds; we advise waiting.';
const SCOPE_EN = 'Documents seen on 1 December; no interviews with the board.';
const OBSERVATION_EN = 'The lending licence application was never filed.';

const statement = (browser: Browser, base: string, fields: Record<string, string | number>) =>
	browser.post(`${base}/result?/reportStatement`, {
		__superform_id: 'report-statement',
		opinion_zh: '',
		opinion_en: '',
		scope_zh: '',
		scope_en: '',
		...fields
	});

const observation = (
	browser: Browser,
	base: string,
	item: string,
	fields: Record<string, string | number>
) =>
	browser.post(`${base}/result/observations/${item}?/save`, {
		__superform_id: `observation-${item}`,
		item,
		text_zh: '',
		text_en: '',
		...fields
	});

const documentXml = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['word/document.xml']!);

async function clientAssessmentWithGaps() {
	const { owner, orgId } = await consultancy('en');
	const clientId = await createClient(owner, orgId);
	const base = await startClientAssessment(owner, orgId, clientId);
	const gap = { status: 'non_compliant', note: 'Not yet', owner: 'Compliance', due: '2027-03-31' };
	await saveAnswer(owner, base, 'LIC-001', 0, gap);
	await saveAnswer(owner, base, 'CMP-001', 0, gap);
	await saveAnswer(owner, base, 'LIC-002', 0, { status: 'compliant', note: 'Done' });
	return { owner, orgId, clientId, base };
}

describe("the consultant's voice in the report", () => {
	it(
		'saves versions, refuses a stale one without overwriting, and prints the words in the PDF and the DOCX',
		async () => {
			const { owner, base } = await clientAssessmentWithGaps();
			const first = await statement(owner, base, {
				version: 0,
				opinion_zh: OPINION_ZH,
				opinion_en: OPINION_EN,
				scope_en: SCOPE_EN
			});
			expect(first.status).toBe(200);
			expect(first.text).toContain('Saved as version 1.');
			// A second writer who loaded version 0 too: refused, told who saved what, nothing overwritten.
			const stale = await statement(owner, base, { version: 0, opinion_en: 'A hasty rewrite.' });
			expect(stale.status).toBe(409);
			expect(stale.text).toContain('saved version 1 while you were editing');
			expect(stale.text).toContain(OPINION_EN);
			// Their words come back in the form, to compare and save again.
			expect(stale.body).toContain('A hasty rewrite.');
			const second = await statement(owner, base, {
				version: 1,
				opinion_zh: OPINION_ZH,
				opinion_en: `${OPINION_EN} Revisit in March.`,
				scope_en: SCOPE_EN
			});
			expect(second.status).toBe(200);
			expect(second.text).toContain('Saved as version 2.');
			// The same words again make no version.
			const same = await statement(owner, base, {
				version: 2,
				opinion_zh: OPINION_ZH,
				opinion_en: `${OPINION_EN} Revisit in March.`,
				scope_en: SCOPE_EN
			});
			expect(same.text).toContain('Nothing changed: no new version.');

			expect(
				(await observation(owner, base, 'LIC-001', { version: 0, text_en: OBSERVATION_EN })).status
			).toBe(200);
			// A stale save of an observation: refused, nothing overwritten, the newer text shown.
			const staleObservation = await observation(owner, base, 'LIC-001', {
				version: 0,
				text_en: 'A second writer'
			});
			expect(staleObservation.status).toBe(409);
			expect(staleObservation.text).toContain(OBSERVATION_EN);
			// LIC-002 is not a gap: its page says so and has no form, and a save to it is refused.
			const notGapPage = await owner.get(`${base}/result/observations/LIC-002`);
			expect(notGapPage.text).toContain('This item is not a gap now: it takes no observation.');
			expect(notGapPage.text).not.toContain('Save observation');
			expect((await owner.get(`${base}/result/observations/ZZZ-999`)).status).toBe(404);
			const notGap = await observation(owner, base, 'LIC-002', { version: 0, text_en: 'x' });
			expect(notGap.status).toBe(400);
			expect(notGap.body).toContain('This item is not a gap now.');
			// A form for one gap posted to another gap's page is refused, naming the mismatch.
			const elsewhere = await owner.post(`${base}/result/observations/CMP-001?/save`, {
				__superform_id: 'observation-CMP-001',
				item: 'LIC-001',
				version: '1',
				text_zh: '',
				text_en: 'Misdirected'
			});
			expect(elsewhere.status).toBe(400);
			// The observation's own page: the gap, the form with the text and version, and the way on.
			const own = await owner.get(`${base}/result/observations/LIC-001`);
			expect(own.status).toBe(200);
			expect(own.body).toContain(OBSERVATION_EN);
			expect(own.text).toContain('Version 1');
			expect(own.body).toContain(`${base}/result/observations/CMP-001"`);
			const tooLong = await statement(owner, base, { version: 2, opinion_en: 'x'.repeat(8001) });
			expect(tooLong.status).toBe(400);
			expect(tooLong.text).toContain('At most 8000 characters.');

			const page = await owner.get(`${base}/result`);
			expect(page.text).toContain('Change history (2)');
			expect(page.text).toContain(SCOPE_EN);
			expect(page.text).toContain(OBSERVATION_EN);
			// The result page holds no observation form: each gap links to its observation's page.
			expect(page.body).not.toContain('?/save');
			expect(page.text).toContain('Gaps with an observation: 1 of 2.');
			expect(page.body).toContain(`href="${base}/result/observations/CMP-001"`);
			expect((await owner.get(`${base}/review`)).text).toContain(OBSERVATION_EN);

			const en = squash(pdfText((await owner.download(`${base}/report.pdf?lang=en`)).bytes));
			expect(en).toContain(squash('Overall opinion'));
			expect(en).toContain(squash(`${OPINION_EN} Revisit in March.`));
			expect(en).toContain(squash(SCOPE_EN));
			expect(en).toContain(squash(OBSERVATION_EN));
			expect(en).not.toContain(squash(OPINION_ZH));
			// Chinese prints the Chinese opinion, and the English scope where no Chinese was written.
			const zh = squash(pdfText((await owner.download(`${base}/report.pdf?lang=zh`)).bytes));
			expect(zh).toContain(squash(OPINION_ZH));
			expect(zh).toContain(squash('总体意见'));
			expect(zh).toContain(squash(SCOPE_EN));
			const both = squash(pdfText((await owner.download(`${base}/report.pdf?lang=both`)).bytes));
			expect(both).toContain(squash(OPINION_ZH));
			expect(both).toContain(squash(OPINION_EN));
			const docx = documentXml((await owner.download(`${base}/report.docx?lang=en`)).bytes);
			expect(docx).toContain(OPINION_EN);
			expect(docx).toContain(OBSERVATION_EN);
		},
		SLOW
	);

	it(
		'is written by owners and consultants only, and frozen with the issued report at finalise',
		async () => {
			const { owner, orgId, clientId, base } = await clientAssessmentWithGaps();
			const respondent = await joinByInvitation(
				await inviteRespondent(owner, orgId, clientId),
				'en'
			);
			expect((await statement(respondent, base, { version: 0, opinion_en: 'Mine' })).status).toBe(
				403
			);
			expect(
				(await observation(respondent, base, 'LIC-001', { version: 0, text_en: 'Mine' })).status
			).toBe(403);
			expect((await respondent.get(`${base}/result`)).text).not.toContain('Write an observation');
			const readOnly = await respondent.get(`${base}/result/observations/LIC-001`);
			expect(readOnly.status).toBe(200);
			expect(readOnly.text).not.toContain('Save observation');

			expect((await statement(owner, base, { version: 0, opinion_en: OPINION_EN })).status).toBe(
				200
			);
			expect((await owner.post(`${base}/review?/submit`, {})).status).toBe(200);
			expect((await owner.post(`${base}/review?/finalise`, FINALISE_OVER)).status).toBe(200);
			const late = await statement(owner, base, { version: 1, opinion_en: 'After the fact.' });
			expect(late.status).toBe(409);
			expect(late.text).toContain('The assessment is final');
			const late2 = await observation(owner, base, 'LIC-001', { version: 0, text_en: 'Late' });
			expect(late2.status).toBe(409);
			const issued = squash(pdfText((await owner.download(`${base}/report.pdf?lang=en`)).bytes));
			expect(issued).toContain(squash(OPINION_EN));
			expect(issued).not.toContain(squash('After the fact.'));
			// The respondent reads the opinion, and has no form to change it.
			const read = await respondent.get(`${base}/result`);
			expect(read.text).toContain(OPINION_EN);
			expect(read.body).not.toContain('?/reportStatement');
		},
		SLOW
	);
});
