import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { apiOrganisation } from '../helpers/api';
import { saveAnswer } from '../helpers/assessment';
import { consultancy, createClient, startClientAssessment } from '../helpers/consultancy';
import { postFile } from '../helpers/upload';

describe('JSON export version 2', () => {
	it('describes the evidence files (not their bytes); import restores those whose bytes the organisation holds and lists the rest; version 1 still imports', async () => {
		const c = await consultancy('en');
		const clientId = await createClient(c.owner, c.orgId, { name: 'Export Client' });
		const base = await startClientAssessment(c.owner, c.orgId, clientId, 'Export 2026');
		expect(
			(
				await saveAnswer(c.owner, base, 'CMP-001', 0, {
					status: 'partial',
					note: 'Weekdays only',
					evidence: '投诉处理制度 v3\nhttps://intranet.example/policy'
				})
			).status
		).toBe(200);
		const bytes = '%PDF-1.4 complaints policy v3';
		const up = await postFile(c.owner, `${base}/items/CMP-001/evidence`, {
			name: '投诉制度.pdf',
			type: 'application/pdf',
			bytes
		});
		expect(up.status).toBe(303);

		const file = JSON.parse(
			new TextDecoder().decode((await c.owner.download(`${base}/export.json`)).bytes)
		);
		expect(file.format_version).toBe(2);
		expect(file.answers['CMP-001'].evidence).toEqual([
			'投诉处理制度 v3',
			'https://intranet.example/policy'
		]);
		expect(file.evidence_files).toEqual([
			expect.objectContaining({
				item_id: 'CMP-001',
				file_name: '投诉制度.pdf',
				size: bytes.length,
				sha256: createHash('sha256').update(bytes).digest('hex'),
				version: 1
			})
		]);
		expect(JSON.stringify(file)).not.toContain('complaints policy v3');

		// The same organisation holds the bytes: the file is restored, nothing listed.
		const same = await postFile(
			c.owner,
			`/o/${c.orgId}/assessments?/import`,
			{ name: 'e.json', type: 'application/json', bytes: JSON.stringify(file) },
			{ clientId }
		);
		expect(same.status).toBe(303);
		const copy = same.location!.replace(/\/result$/, '');
		const item = await c.owner.get(`${copy}/items/CMP-001`);
		expect(item.text).toContain('投诉制度.pdf');
		const download = item.body.match(/href="([^"]+\/evidence\/[0-9a-f-]{36})"/)?.[1];
		expect(download).toBeDefined();
		const got = await c.owner.download(download!);
		expect(new TextDecoder().decode(got.bytes)).toBe(bytes);

		// Another organisation does not: imported, the file listed as not restored.
		const other = await apiOrganisation();
		const imported = await other.api.post('/assessments/import?confirm_other_client=true', file);
		expect(imported.status).toBe(201);
		expect(imported.json.evidence_not_restored).toEqual([
			{ item_id: 'CMP-001', file_name: '投诉制度.pdf', sha256: file.evidence_files[0].sha256 }
		]);
		const v1 = { ...file, format_version: 1 };
		delete v1.evidence_files;
		// Version 1 files never carried the client's id (written with version 2's evidence files).
		delete v1.client_id;
		const old = await other.api.post('/assessments/import?confirm_other_client=true', v1);
		expect(old.status).toBe(201);
		expect(old.json.evidence_not_restored).toEqual([]);
		// A version 1 file with version 2's field is refused, naming it.
		const mixed = await other.api.post('/assessments/import?confirm_other_client=true', {
			...file,
			format_version: 1
		});
		expect(mixed.status).toBe(400);

		// The web import lists what it could not restore, with a link to the new draft.
		const listed = await postFile(
			other.owner,
			`/o/${other.orgId}/assessments?/import`,
			{ name: 'e.json', type: 'application/json', bytes: JSON.stringify(file) },
			{ confirmOtherClient: 'on' }
		);
		expect(listed.status).toBe(200);
		expect(listed.text).toContain('so they were not restored');
		expect(listed.text).toContain(`CMP-001 · 投诉制度.pdf · ${file.evidence_files[0].sha256}`);
		expect(listed.body).toMatch(/href="\/o\/[0-9a-f-]{36}\/assessments\/[0-9a-f-]{36}\/result"/);
	}, 120_000);
});
