import { createHash, randomBytes } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, inject, it } from 'vitest';
import { apiAssessment, apiOrganisation } from '../helpers/api';
import { FINALISE_OVER } from '../helpers/consultancy';
import { pdfText, squash } from '../helpers/pdf';

/**
 * The evidence annex and the review comments through the built server: a file uploaded over the
 * API is listed with its SHA-256 in the PDF, the Word file and the print view that the web and the
 * API serve; `comments` is validated, prints the comments when true, and a finalised assessment
 * issues the report with them when the finalise form asked.
 */
const baseUrl = inject('baseUrl');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const COMMENT = 'Board approval minutes still to come.';

describe('the report annex over HTTP', () => {
	it('lists an uploaded file with its hash, validates comments, and prints comments when asked', async () => {
		const { api, token, owner, orgId } = await apiOrganisation();
		const { id } = await apiAssessment(api);
		const base = `/o/${orgId}/assessments/${id}`;
		expect(
			(await api.put(`/assessments/${id}/answers/LIC-001`, { status: 'non_compliant' })).status
		).toBe(200);
		const bytes = randomBytes(30_000);
		const form = new FormData();
		form.append('effective_on', '2026-11-01');
		form.append('file', new Blob([bytes], { type: 'application/pdf' }), '营业执照副本.pdf');
		const uploaded = await fetch(`${baseUrl}/api/v1/assessments/${id}/answers/LIC-001/evidence`, {
			method: 'POST',
			headers: { authorization: `Bearer ${token}` },
			body: form
		});
		expect(uploaded.status).toBe(201);
		const hash = sha256(bytes);
		expect((await uploaded.json()).files[0].sha256).toBe(hash);

		// The API's PDF and Word file, and the web's print view, list it with its hash.
		const pdf = await api.get(`/assessments/${id}/report.pdf?lang=en`);
		expect(pdf.status).toBe(200);
		const text = squash(pdfText(pdf.bytes));
		expect(text).toContain(hash);
		expect(text).toContain(squash('营业执照副本.pdf'));
		const docx = await api.get(`/assessments/${id}/report.docx?lang=zh`);
		expect(docx.status).toBe(200);
		expect(strFromU8(unzipSync(docx.bytes)['word/document.xml']!)).toContain(hash);
		const print = await owner.get(`${base}/print?lang=en`);
		expect(print.status).toBe(200);
		expect(print.text).toContain(hash);
		expect(print.text).toContain('Annex: evidence files');

		// A bad choice is a 400 naming the field, on the API and the web.
		const bad = await api.get(`/assessments/${id}/report.pdf?comments=yes`);
		expect(bad.status).toBe(400);
		expect(bad.json.error.fields).toHaveProperty('comments');
		const badWeb = await owner.get(`${base}/report.pdf?lang=en&comments=1`);
		expect(badWeb.status).toBe(400);
		expect(badWeb.text).toContain('“comments” must be true or false');

		const comment = await owner.post(`${base}/items/LIC-001?/comment`, {
			__superform_id: 'comment',
			itemId: 'LIC-001',
			body: COMMENT
		});
		expect(comment.status).toBe(200);
		const plain = squash(pdfText((await owner.download(`${base}/report.pdf?lang=en`)).bytes));
		expect(plain).not.toContain(squash(COMMENT));
		const withComments = await owner.download(`${base}/report.pdf?lang=en&comments=true`);
		expect(withComments.status).toBe(200);
		const commented = squash(pdfText(withComments.bytes));
		expect(commented).toContain(squash(COMMENT));
		expect(commented).toContain(squash('Review comments'));
		const apiDocx = await api.get(`/assessments/${id}/report.docx?lang=en&comments=true`);
		expect(strFromU8(unzipSync(apiDocx.bytes)['word/document.xml']!)).toContain(COMMENT);
		const printed = await owner.get(`${base}/print?lang=en&comments=true`);
		expect(printed.text).toContain(COMMENT);

		// Finalised with the comments chosen: the issued report prints them; the default does not.
		expect((await owner.post(`${base}/review?/submit`, {})).status).toBe(200);
		expect(
			(await owner.post(`${base}/review?/finalise`, { ...FINALISE_OVER, comments: 'on' })).status
		).toBe(200);
		const issued = await owner.download(`${base}/report.pdf?lang=en&comments=true`);
		expect(issued.headers.get('server-timing')).toContain('issued');
		expect(squash(pdfText(issued.bytes))).toContain(squash(COMMENT));
		expect(squash(pdfText(issued.bytes))).toContain(hash);
		const issuedPlain = await owner.download(`${base}/report.pdf?lang=en`);
		expect(squash(pdfText(issuedPlain.bytes))).not.toContain(squash(COMMENT));
		// Each variant is kept as issued: the same bytes again.
		const again = await owner.download(`${base}/report.pdf?lang=en&comments=true`);
		expect(again.headers.get('etag')).toBe(issued.headers.get('etag'));
	});
});
