import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { Api, apiAssessment, apiOrganisation } from '../helpers/api';
import type { Browser } from '../helpers/browser';
import { saveAnswer } from '../helpers/assessment';
import { rawRequest } from '../helpers/raw-http';
import {
	assessmentIdOf,
	consultancy,
	createClient,
	FINALISE_OVER,
	inviteRespondent,
	joinByInvitation,
	startClientAssessment
} from '../helpers/consultancy';

/** A loaded machine makes a multi-step journey slow; the steps themselves are quick. */
const SLOW = 180_000;

const baseUrl = inject('baseUrl');
const ITEM = 'CMP-001';
/** "pay" then, displayed right to left, "eerf": reads "pay free" but is stored otherwise. */
const SPOOF = 'pay \u202Eeerf\u202C';

/** Posts an evidence form to the item's upload endpoint, in the browser's session. */
function postEvidence(browser: Browser, path: string, form: FormData, accept: string) {
	return fetch(`${baseUrl}${path}`, {
		method: 'POST',
		headers: {
			accept,
			'accept-language': 'en',
			origin: baseUrl,
			cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
			'x-forwarded-for': browser.address
		},
		body: form
	});
}

async function uploadEvidence(browser: Browser, base: string, itemId: string, name: string) {
	const form = new FormData();
	form.append('file', new Blob(['evidence of ' + name], { type: 'application/pdf' }), name);
	const response = await postEvidence(
		browser,
		`${base}/items/${itemId}/evidence`,
		form,
		'application/json'
	);
	expect(response.status).toBe(201);
	return ((await response.json()) as { files: { id: string }[] }).files[0]!.id;
}

describe('accepted evidence and final assessments', () => {
	it(
		'keeps a file a reviewer accepted from being removed by a respondent',
		async () => {
			const made = await consultancy();
			const client = await createClient(made.owner, made.orgId, { name: 'Evidence client' });
			const base = await startClientAssessment(made.owner, made.orgId, client);
			const respondent = await joinByInvitation(
				await inviteRespondent(made.owner, made.orgId, client, {
					assessmentId: assessmentIdOf(base)
				})
			);
			const fileId = await uploadEvidence(respondent, base, ITEM, 'policy.pdf');
			const accepted = await made.owner.post(`${base}/items/${ITEM}?/reviewEvidence`, {
				itemId: ITEM,
				fileId,
				status: 'accepted'
			});
			expect(accepted.status).toBe(200);
			const page = await respondent.get(`${base}/items/${ITEM}`);
			expect(page.text).toContain('Only a reviewer can remove an accepted file');
			expect(page.body).not.toContain('action="?/removeEvidence"');

			const refused = await respondent.post(`${base}/items/${ITEM}?/removeEvidence`, {
				itemId: ITEM,
				fileId
			});
			expect(refused.status).toBe(409);
			expect(refused.text).toContain('A reviewer has accepted this file');
			expect((await made.owner.get(`${base}/items/${ITEM}`)).text).toContain('policy.pdf');

			// A file not yet accepted is still the respondent's to remove; an accepted one the reviewer's.
			const draft = await uploadEvidence(respondent, base, ITEM, 'draft.pdf');
			const removed = await respondent.post(`${base}/items/${ITEM}?/removeEvidence`, {
				itemId: ITEM,
				fileId: draft
			});
			expect(removed.status).toBe(200);
			const byReviewer = await made.owner.post(`${base}/items/${ITEM}?/removeEvidence`, {
				itemId: ITEM,
				fileId
			});
			expect(byReviewer.status).toBe(200);
			expect((await made.owner.get(`${base}/items/${ITEM}`)).text).not.toContain('policy.pdf');
		},
		SLOW
	);

	it(
		'refuses a comment on a final assessment with 409 and a message, as it refuses an answer',
		async () => {
			const made = await consultancy();
			const client = await createClient(made.owner, made.orgId, { name: 'Final client' });
			const base = await startClientAssessment(made.owner, made.orgId, client);
			const comment = (body: string) =>
				made.owner.post(`${base}/items/${ITEM}?/comment`, {
					__superform_id: 'comment',
					itemId: ITEM,
					body
				});
			expect((await comment('before')).status).toBe(200);
			expect((await made.owner.post(`${base}/review?/submit`, {})).status).toBe(200);
			expect((await made.owner.post(`${base}/review?/finalise`, FINALISE_OVER)).status).toBe(200);

			const refused = await comment('after the sign-off');
			expect(refused.status).toBe(409);
			expect(refused.text).toContain('This assessment is final, so no more comments can be added');
			const page = await made.owner.get(`${base}/items/${ITEM}`);
			expect(page.text).toContain('before');
			expect(page.text).not.toContain('after the sign-off');
			expect(page.body).not.toContain('action="?/comment"');
			// As an answer is.
			expect((await saveAnswer(made.owner, base, ITEM, 0, { status: 'compliant' })).status).toBe(
				409
			);
		},
		SLOW
	);
});

describe('an evidence upload over the total limit', () => {
	it('names the limit per upload, not the limit per file', async () => {
		const { owner, orgId } = await apiOrganisation();
		const clientId = await createClient(owner, orgId, { name: 'Big files' });
		const base = await startClientAssessment(owner, orgId, clientId);
		// Each under the 25 MB per file; together over what one upload takes (51 MB), and over
		// adapter-node's own BODY_SIZE_LIMIT. Sent over a plain socket, to see how the connection ends.
		const boundary = 'harden-boundary';
		const part = (name: string) =>
			Buffer.concat([
				Buffer.from(
					`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${name}"\r\n` +
						'content-type: application/pdf\r\n\r\n'
				),
				Buffer.alloc(20 * 1024 * 1024, 65),
				Buffer.from('\r\n')
			]);
		const body = Buffer.concat([
			...['board-minutes.pdf', 'policy.pdf', 'audit-report.pdf'].map(part),
			Buffer.from(`--${boundary}--\r\n`)
		]);
		const response = await rawRequest(baseUrl, {
			method: 'POST',
			path: `${base}/items/${ITEM}/evidence`,
			headers: {
				accept: 'application/json',
				'accept-language': 'en',
				origin: baseUrl,
				cookie: [...owner.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
				'x-forwarded-for': owner.address,
				'content-type': `multipart/form-data; boundary=${boundary}`
			},
			body
		});
		expect(response.status).toBe(413);
		// The server read the body to its end before closing: a reset would have lost the answer.
		expect(response.socketError).toBeNull();
		const message = (JSON.parse(response.body) as { error: { message: string } }).error.message;
		// Its declared length is over the limit: refused before any file is read, so unnamed (the
		// page's script names the files before sending).
		expect(message).toContain('51 MB per upload');
		expect(message).not.toContain('per file');
		expect(message).not.toContain('not valid');
		expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
	}, 300_000);
});

describe('issue #19: a refused upload names its field', () => {
	it(
		'says which date is wrong when the page shows the message alone',
		async () => {
			const { owner, orgId } = await apiOrganisation();
			const clientId = await createClient(owner, orgId, { name: 'Dates' });
			const base = await startClientAssessment(owner, orgId, clientId);
			const form = new FormData();
			form.append('expires_on', '2026-02-30');
			form.append('file', new Blob(['x'], { type: 'application/pdf' }), 'a.pdf');
			const response = await postEvidence(
				owner,
				`${base}/items/${ITEM}/evidence`,
				form,
				'text/html'
			);
			expect(response.status).toBe(400);
			expect(await response.text()).toMatch(/^Expiry date \(optional\): /);
		},
		SLOW
	);
});

describe('text-direction controls in notes are refused on the web, in the API and in imports', () => {
	it(
		'refuses them on the web and through the API with a message on the note',
		async () => {
			const { owner, orgId, api } = await apiOrganisation();
			const clientId = await createClient(owner, orgId, { name: 'Bidi client' });
			const base = await startClientAssessment(owner, orgId, clientId);
			const web = await saveAnswer(owner, base, ITEM, 0, { status: 'partial', note: SPOOF });
			expect(web.status).toBe(400);
			expect(web.text).toContain('text-direction control characters');
			const id = assessmentIdOf(base);
			const viaApi = await api.request(
				'PUT',
				`/assessments/${id}/answers/${ITEM}`,
				{ status: 'partial', note: SPOOF },
				{ 'accept-language': 'en' }
			);
			expect(viaApi.status).toBe(400);
			expect(viaApi.json.error.fields.note).toContain('text-direction control characters');
			const exported = await api.get(`/assessments/${id}/export`);
			expect(exported.status).toBe(200);
			const body = structuredClone(exported.json);
			body.answers = {
				[ITEM]: {
					status: 'partial',
					note: SPOOF,
					evidence: [],
					owner: null,
					due: null,
					carried_over: false
				}
			};
			const imported = await api.request('POST', '/assessments/import', body, {
				'accept-language': 'en'
			});
			expect(imported.status).toBe(400);
			expect(imported.json.error.fields[`answers.${ITEM}.note`]).toContain(
				'text-direction control characters'
			);
			// The note without them is saved.
			expect(
				(await saveAnswer(owner, base, ITEM, 0, { status: 'partial', note: 'pay free' })).status
			).toBe(200);
		},
		SLOW
	);

	it(
		'refuses them in every other text people read back: evidence notes, owner, a client, a comment',
		async () => {
			const { owner, orgId, api } = await apiOrganisation();
			const clientId = await createClient(owner, orgId, { name: 'Bidi texts' });
			const base = await startClientAssessment(owner, orgId, clientId);
			const id = assessmentIdOf(base);
			for (const field of ['evidence', 'owner'] as const) {
				const web = await saveAnswer(owner, base, ITEM, 0, {
					status: 'non_compliant',
					[field]: SPOOF
				});
				expect(web.status, field).toBe(400);
				expect(web.text, field).toContain('text-direction control characters');
			}
			const viaApi = await api.request(
				'PUT',
				`/assessments/${id}/answers/${ITEM}`,
				{ status: 'non_compliant', evidence: ['board minutes', SPOOF], owner: SPOOF },
				{ 'accept-language': 'en' }
			);
			expect(viaApi.status).toBe(400);
			expect(JSON.stringify(viaApi.json.error.fields)).toContain('text-direction control');
			const client = await owner.post(`/o/${orgId}/clients?/create`, {
				name: `Acme ${SPOOF}`,
				notes: ''
			});
			expect(client.status).toBe(400);
			expect(client.text).toContain('text-direction control characters');
			const comment = await owner.post(`${base}/items/${ITEM}?/comment`, {
				__superform_id: 'comment',
				itemId: ITEM,
				body: SPOOF
			});
			expect(comment.status).toBe(400);
			expect(comment.text).toContain('text-direction control characters');
			// Nothing of it was stored.
			const exported = await api.get(`/assessments/${id}/export`);
			expect(exported.status).toBe(200);
			expect(exported.json.answers[ITEM]).toBeUndefined();
			expect(JSON.stringify(exported.json)).not.toContain('\u202E');
		},
		SLOW
	);
});

describe('odd keys in API input', () => {
	it(
		'names answers.constructor in our words and refuses a __proto__ key',
		async () => {
			const { api } = await apiOrganisation();
			const { id } = await apiAssessment(api, { title: 'Keys' });
			const exported = (await api.get(`/assessments/${id}/export`)).json;
			const body = { ...exported, answers: JSON.parse('{"constructor":{"status":"compliant"}}') };
			const odd = await api.request('POST', '/assessments/import', body, {
				'accept-language': 'en'
			});
			expect(odd.status).toBe(400);
			expect(odd.json.error.fields['answers.constructor']).toBe('This name is not allowed here.');
			const proto = await new Api(api.token).request(
				'POST',
				'/assessments/import',
				JSON.stringify(exported).replace('{', '{"__proto__":{"polluted":true},'),
				{ 'accept-language': 'en' }
			);
			expect(proto.status).toBe(400);
			expect(proto.json.error.message).toContain('__proto__');
			expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
		},
		SLOW
	);
});

describe('issue #17: the consultant’s statement', () => {
	it(
		'says “Saved as version N” once after a save',
		async () => {
			const made = await consultancy();
			const clientId = await createClient(made.owner, made.orgId, { name: 'Voice client' });
			const base = await startClientAssessment(made.owner, made.orgId, clientId);
			await saveAnswer(made.owner, base, 'LIC-001', 0, {
				status: 'non_compliant',
				note: 'Not yet'
			});
			const saved = await made.owner.post(`${base}/result?/reportStatement`, {
				__superform_id: 'report-statement',
				version: '0',
				opinion_zh: '',
				opinion_en: 'We advise waiting.',
				scope_zh: '',
				scope_en: ''
			});
			expect(saved.status).toBe(200);
			expect(saved.text.split('Saved as version 1.').length - 1).toBe(1);
		},
		SLOW
	);
});
