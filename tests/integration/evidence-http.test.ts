import { createHash, randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { Api, apiAssessment, apiOrganisation } from '../helpers/api';
import type { Browser } from '../helpers/browser';
import {
	assessmentIdOf,
	consultancy,
	createClient,
	inviteRespondent,
	joinByInvitation,
	startClientAssessment
} from '../helpers/consultancy';

/**
 * Evidence files over HTTP against the built server: multipart bodies made by a real client
 * (undici's FormData and fetch), the worst files people send, and who may download what.
 */
const baseUrl = inject('baseUrl');
const ITEM = 'CMP-001';
const OTHER_DOMAIN_ITEM = 'LIC-001';
const MB = 1024 * 1024;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function cookieOf(browser: Browser): string {
	return [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
}

/** Uploads files as the page's script does (FormData through fetch, JSON back). */
async function upload(
	browser: Browser,
	base: string,
	itemId: string,
	files: { name: string; type: string; bytes: Uint8Array | string }[],
	fields: Record<string, string> = {}
) {
	const form = new FormData();
	for (const [k, v] of Object.entries(fields)) form.append(k, v);
	for (const f of files)
		form.append('file', new Blob([f.bytes as BlobPart], { type: f.type }), f.name);
	const response = await fetch(`${baseUrl}${base}/items/${itemId}/evidence`, {
		method: 'POST',
		headers: {
			accept: 'application/json',
			origin: baseUrl,
			cookie: cookieOf(browser),
			'x-forwarded-for': browser.address
		},
		body: form
	});
	return { status: response.status, json: await response.json().catch(() => null) };
}

async function download(browser: Browser, path: string) {
	const response = await fetch(`${baseUrl}${path}`, {
		headers: { cookie: cookieOf(browser), 'x-forwarded-for': browser.address }
	});
	return {
		status: response.status,
		headers: response.headers,
		bytes: new Uint8Array(await response.arrayBuffer())
	};
}

async function healthy() {
	expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
}

describe('evidence files over HTTP', () => {
	let owner: Browser;
	let base: string;

	beforeAll(async () => {
		const made = await consultancy();
		owner = made.owner;
		const client = await createClient(owner, made.orgId, { name: 'Evidence client' });
		base = await startClientAssessment(owner, made.orgId, client);
	});

	it('stores several files of one upload and gives each back byte for byte, as an attachment', async () => {
		const pdf = randomBytes(300_000);
		const png = randomBytes(70_000);
		const sent = await upload(owner, base, ITEM, [
			{ name: '信息安全制度.pdf', type: 'application/pdf', bytes: pdf },
			{ name: 'screenshot.png', type: 'image/png', bytes: png }
		]);
		expect(sent.status).toBe(201);
		expect(sent.json.files.map((f: { sha256: string }) => f.sha256)).toEqual([
			sha256(pdf),
			sha256(png)
		]);
		const got = await download(owner, `${base}/evidence/${sent.json.files[0].id}`);
		expect(got.status).toBe(200);
		expect(Buffer.from(got.bytes).equals(pdf)).toBe(true);
		expect(got.headers.get('content-type')).toBe('application/pdf');
		expect(got.headers.get('content-disposition')).toMatch(/^attachment; filename="/);
		expect(got.headers.get('content-disposition')).toContain(
			encodeURIComponent('信息安全制度.pdf')
		);
		expect(got.headers.get('x-content-type-options')).toBe('nosniff');
		expect(got.headers.get('content-security-policy')).toMatch(/^sandbox/);
	});

	it('serves an HTML or SVG file as bytes to save, never as a page or an image that runs', async () => {
		for (const file of [
			{ name: 'evil.html', type: 'text/html', bytes: '<script>parent.alert(1)</script>' },
			{
				name: 'evil.svg',
				type: 'image/svg+xml',
				bytes: '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
			}
		]) {
			const sent = await upload(owner, base, ITEM, [file]);
			expect(sent.status).toBe(201);
			const got = await download(owner, `${base}/evidence/${sent.json.files[0].id}`);
			expect(got.headers.get('content-type')).toBe('application/octet-stream');
			expect(got.headers.get('content-disposition')).toMatch(/^attachment;/);
			expect(got.headers.get('content-security-policy')).toContain('sandbox');
			expect(new TextDecoder().decode(got.bytes)).toBe(file.bytes);
		}
	});

	it('types a download by its name, not by what the uploader declared', async () => {
		const sent = await upload(owner, base, ITEM, [
			{ name: 'contract.pdf', type: 'text/html', bytes: '%PDF-1.7 not really' }
		]);
		const got = await download(owner, `${base}/evidence/${sent.json.files[0].id}`);
		expect(got.headers.get('content-type')).toBe('application/pdf');
	});

	it('keeps a hostile name as a plain file name: no folders, no direction overrides, at most 200 characters', async () => {
		const name = `../../etc/${'ملف'.repeat(50)}\u202Egpj.${'x'.repeat(150)}.pdf`;
		const sent = await upload(owner, base, ITEM, [{ name, type: 'application/pdf', bytes: 'x' }]);
		expect(sent.status).toBe(201);
		const stored: string = sent.json.files[0].fileName;
		expect(stored).not.toContain('/');
		expect(stored).not.toContain('\u202E');
		expect(stored.startsWith('ملف')).toBe(true);
		expect([...stored].length).toBeLessThanOrEqual(200);
		expect(stored.endsWith('.pdf')).toBe(true);
		const got = await download(owner, `${base}/evidence/${sent.json.files[0].id}`);
		expect(got.headers.get('content-disposition')).not.toContain('..');
		await healthy();
	});

	it('refuses an empty file, and an upload without a file, naming the file field', async () => {
		const empty = await upload(owner, base, ITEM, [
			{ name: 'empty.pdf', type: 'application/pdf', bytes: '' }
		]);
		expect(empty.status).toBe(400);
		expect(empty.json.error.fields.file).toMatch(/empty/);
		const none = await upload(owner, base, ITEM, [], { effective_on: '2026-12-01' });
		expect(none.status).toBe(400);
		expect(none.json.error.fields.file).toBeTruthy();
		const badDate = await upload(
			owner,
			base,
			ITEM,
			[{ name: 'a.pdf', type: 'application/pdf', bytes: 'a' }],
			{
				effective_on: '2026-02-30'
			}
		);
		expect(badDate.status).toBe(400);
		expect(Object.keys(badDate.json.error.fields)).toEqual(['effective_on']);
	});

	it('refuses a 26 MB file with 413 and keeps none of it; the server stays healthy', async () => {
		const before = await listFiles(owner, base);
		const sent = await upload(owner, base, ITEM, [
			{ name: 'huge.zip', type: 'application/zip', bytes: new Uint8Array(26 * MB) }
		]);
		expect(sent.status).toBe(413);
		expect(await listFiles(owner, base)).toEqual(before);
		await healthy();
	}, 300_000);

	it('refuses a streamed body past the limit mid-stream (no length declared) with 413', async () => {
		const boundary = 'evidence-boundary';
		const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="stream.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`;
		let sent = 0;
		const piece = new Uint8Array(MB);
		const body = new ReadableStream<Uint8Array>({
			start(controller) {
				controller.enqueue(new TextEncoder().encode(head));
			},
			pull(controller) {
				if (sent >= 27) {
					controller.enqueue(new TextEncoder().encode(`\r\n--${boundary}--\r\n`));
					controller.close();
					return;
				}
				sent++;
				controller.enqueue(piece);
			}
		});
		const response = await fetch(`${baseUrl}${base}/items/${ITEM}/evidence`, {
			method: 'POST',
			headers: {
				accept: 'application/json',
				origin: baseUrl,
				cookie: cookieOf(owner),
				'x-forwarded-for': owner.address,
				'content-type': `multipart/form-data; boundary=${boundary}`
			},
			body,
			duplex: 'half'
		} as RequestInit);
		expect(response.status).toBe(413);
		await healthy();
	}, 300_000);

	it('shows a respondent the files of their domains only: another domain’s file is not found', async () => {
		const made = await consultancy();
		const client = await createClient(made.owner, made.orgId, { name: 'Scoped client' });
		const scopedBase = await startClientAssessment(made.owner, made.orgId, client);
		const respondent = await joinByInvitation(
			await inviteRespondent(made.owner, made.orgId, client, {
				assessmentId: assessmentIdOf(scopedBase),
				domains: ['complaints']
			})
		);
		const theirs = await upload(made.owner, scopedBase, ITEM, [
			{ name: 'complaints.pdf', type: 'application/pdf', bytes: 'c' }
		]);
		const other = await upload(made.owner, scopedBase, OTHER_DOMAIN_ITEM, [
			{ name: 'licence.pdf', type: 'application/pdf', bytes: 'l' }
		]);
		expect(
			(await download(respondent, `${scopedBase}/evidence/${theirs.json.files[0].id}`)).status
		).toBe(200);
		expect(
			(await download(respondent, `${scopedBase}/evidence/${other.json.files[0].id}`)).status
		).toBe(404);
		// … and they may not upload to it either.
		expect(
			(
				await upload(respondent, scopedBase, OTHER_DOMAIN_ITEM, [
					{ name: 'x.pdf', type: 'application/pdf', bytes: 'x' }
				])
			).status
		).toBe(404);
		// A person of another organisation gets 404 for the same link.
		const stranger = (await consultancy()).owner;
		expect(
			(await download(stranger, `${scopedBase}/evidence/${theirs.json.files[0].id}`)).status
		).toBe(404);
	});
});

/** The files on the item page (their ids), as the owner sees it. */
async function listFiles(browser: Browser, base: string): Promise<string[]> {
	const page = await browser.get(`${base}/items/${ITEM}`);
	return [...page.body.matchAll(/data-file-id="([0-9a-f-]{36})"/g)].map((m) => m[1]!);
}

describe('evidence files through /api/v1', () => {
	it('uploads (multipart), lists and downloads, answering the SHA-256; another organisation gets 404', async () => {
		const { api, token } = await apiOrganisation();
		const { id, applicable } = await apiAssessment(api);
		const itemId = applicable[0]!;
		const bytes = randomBytes(600_000);
		const form = new FormData();
		form.append('effective_on', '2026-11-01');
		form.append('expires_on', '2027-11-01');
		form.append('file', new Blob([bytes], { type: 'application/pdf' }), 'audit-report.pdf');
		const response = await fetch(`${baseUrl}/api/v1/assessments/${id}/answers/${itemId}/evidence`, {
			method: 'POST',
			headers: { authorization: `Bearer ${token}` },
			body: form
		});
		expect(response.status).toBe(201);
		const uploaded = await response.json();
		expect(uploaded.files[0].sha256).toBe(sha256(bytes));

		const listed = await api.get(`/assessments/${id}/answers/${itemId}/evidence`);
		expect(listed.status).toBe(200);
		expect(listed.json.files).toMatchObject([
			{
				id: uploaded.files[0].id,
				file_name: 'audit-report.pdf',
				size: bytes.length,
				sha256: sha256(bytes),
				effective_on: '2026-11-01',
				expires_on: '2027-11-01',
				review_status: 'pending',
				version: 1
			}
		]);
		const got = await api.get(`/assessments/${id}/evidence/${uploaded.files[0].id}`);
		expect(got.status).toBe(200);
		expect(Buffer.from(got.bytes).equals(bytes)).toBe(true);
		expect(got.headers.get('content-disposition')).toMatch(/^attachment;/);

		const stranger = (await apiOrganisation({ orgName: 'Elsewhere' })).api;
		expect((await stranger.get(`/assessments/${id}/evidence/${uploaded.files[0].id}`)).status).toBe(
			404
		);
		expect((await stranger.get(`/assessments/${id}/answers/${itemId}/evidence`)).status).toBe(404);
		const strangerUpload = await fetch(
			`${baseUrl}/api/v1/assessments/${id}/answers/${itemId}/evidence`,
			{
				method: 'POST',
				headers: { authorization: `Bearer ${(stranger as Api).token}` },
				body: form
			}
		);
		expect(strangerUpload.status).toBe(404);
	});
});
