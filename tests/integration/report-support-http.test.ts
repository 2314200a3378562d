import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { apiAssessment, apiOrganisation, apiProfile } from '../helpers/api';
import { pdfText, squash } from '../helpers/pdf';

/**
 * The support measures in the gap report as the server serves it (issue 20): the print view, the
 * PDF (through the report workers and the shared cache) and the Word file of a technology company
 * in Lingang with cross-border data carry them; Lingang's data rules only when the profile says
 * Lingang or cross-border data.
 */
const LINGANG_QUOTE = '探索制定金融机构数据跨境流动管理';

describe('the support measures over HTTP', () => {
	it('are in the print view, the PDF and the Word file, matched to the profile', async () => {
		const { api, owner, orgId } = await apiOrganisation();
		const { id } = await apiAssessment(api, {
			profile: {
				...apiProfile,
				org_type: 'tech_company',
				ftz_lingang: true,
				cross_border_data: true
			}
		});
		const base = `/o/${orgId}/assessments/${id}`;

		const zh = await owner.get(`${base}/print?lang=zh`);
		expect(zh.status).toBe(200);
		expect(zh.text).toContain('可申请的政策支持措施');
		expect(zh.text).toContain(LINGANG_QUOTE);
		expect(zh.text).toContain('仅作政策背景');
		const en = await owner.get(`${base}/print?lang=en`);
		expect(en.text).toContain('Support measures the firm may apply for');
		expect(en.text).toContain('Policy background only');

		const pdf = await api.get(`/assessments/${id}/report.pdf?lang=zh&edition=full`);
		expect(pdf.status).toBe(200);
		const text = squash(pdfText(pdf.bytes));
		expect(text).toContain(squash('可申请的政策支持措施'));
		expect(text).toContain(squash(LINGANG_QUOTE));
		const docx = await api.get(`/assessments/${id}/report.docx?lang=en`);
		expect(docx.status).toBe(200);
		expect(strFromU8(unzipSync(docx.bytes)['word/document.xml']!)).toContain(
			'Support measures the firm may apply for'
		);

		// Out of Lingang and without cross-border data: the data rules are not listed.
		const local = await apiAssessment(api, {
			profile: { ...apiProfile, ftz_lingang: false, cross_border_data: false }
		});
		const print = await owner.get(`/o/${orgId}/assessments/${local.id}/print?lang=zh`);
		expect(print.text).toContain('可申请的政策支持措施');
		expect(print.text).not.toContain(LINGANG_QUOTE);
	}, 120_000);
});
