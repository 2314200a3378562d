import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/cli/commands';

function run(args: string[]) {
	let out = '';
	let err = '';
	const code = runCommand(args, { out: (s) => (out += s), err: (s) => (err += s) });
	return code.then((c) => ({ code: c, out, err }));
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'assess-'));
function writeJson(dir: string, name: string, value: unknown): string {
	const file = path.join(dir, name);
	fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
	return file;
}

describe('cli assess', () => {
	it('scores the examples and writes result.json', async () => {
		const dir = tmp();
		const out = path.join(dir, 'result.json');
		const r = await run([
			'assess',
			'--profile',
			'examples/profile.json',
			'--answers',
			'examples/answers.json',
			'--out-json',
			out
		]);
		expect(r.code).toBe(0);
		const result = JSON.parse(fs.readFileSync(out, 'utf8'));
		expect(result.questionnaire_version).toMatch(/^[0-9a-f]{64}$/);
		expect(result.verdict).toBe('not_ready');
		expect(result.verdict_reasons[0].code).toBe('critical_not_compliant');
		expect(result.findings).toEqual([
			expect.objectContaining({
				fields: ['registered_name'],
				term: '财富管理',
				provisions: ['ifcr2024.a50.p3']
			})
		]);
		expect(result.applicable).toContain('LIC-001');
		expect(result.excluded).toContainEqual({
			item_id: 'FND-001',
			reason: expect.objectContaining({ en: expect.stringContaining('customer funds') })
		});
		expect(result.gaps[0]).toEqual(
			expect.objectContaining({ severity: 'critical', provisions: expect.any(Array) })
		);
		expect(result.gaps.map((g: { item_id: string }) => g.item_id)).toContain('NAM-001');
		expect(result.gaps.map((g: { item_id: string }) => g.item_id)).not.toContain('LIC-001');
		// ESG-002 (answered N/A) is good practice: scored apart, with the opportunities listed apart.
		expect(result.scores.overall.notApplicable).toBe(0);
		expect(result.good_practice.scores.notApplicable).toBe(1);
		expect(result.good_practice.items.length).toBeGreaterThan(0);
		expect(result.gaps.every((g: { basis: string }) => g.basis !== 'good_practice')).toBe(true);
		expect(result.unanswered.length).toBeGreaterThan(0);
		expect(result.complete).toBe(false);
	});

	it('writes the gap report as PDF with --out-pdf', async () => {
		const dir = tmp();
		const out = path.join(dir, 'report.pdf');
		const r = await run([
			'assess',
			'--profile',
			'examples/profile.json',
			'--answers',
			'examples/answers.json',
			'--out-json',
			path.join(dir, 'result.json'),
			'--out-pdf',
			out,
			'--lang',
			'both'
		]);
		expect(r.code).toBe(0);
		const bytes = fs.readFileSync(out);
		expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' });
		expect(text).toContain('尚未就绪 / Not ready');
		// No person is known on the command line: no assessor row, never "CLI" on the cover.
		const coverPage = execFileSync('pdftotext', ['-l', '1', out, '-'], { encoding: 'utf8' });
		expect(coverPage).not.toContain('CLI');
		expect(coverPage).not.toContain('评估人');
		expect(coverPage).toContain('草稿 / Draft');
		expect(text).toContain('上海浦江财富管理科技有限公司');
	}, 60_000);

	it('writes the gap report as an editable Word file with --out-docx', async () => {
		const dir = tmp();
		const out = path.join(dir, 'report.docx');
		const r = await run([
			'assess',
			'--profile',
			'examples/profile.json',
			'--answers',
			'examples/answers.json',
			'--out-json',
			path.join(dir, 'result.json'),
			'--out-docx',
			out,
			'--lang',
			'zh'
		]);
		expect(r.code).toBe(0);
		const document = strFromU8(unzipSync(fs.readFileSync(out))['word/document.xml']!);
		expect(document).toContain('<w:pStyle w:val="Heading1"/>');
		expect(document).toContain('尚未就绪');
		expect(document).toContain('上海浦江财富管理科技有限公司');
		expect(document).not.toContain('CLI');
	}, 60_000);

	it.each([
		[
			'an unknown item id',
			{ 'XYZ-001': { status: 'compliant' } },
			/answers\.json: XYZ-001: unknown item/
		],
		['an invalid status', { 'LIC-001': { status: 'maybe' } }, /answers\.json: LIC-001: status: /],
		[
			'N/A without a reason',
			{ 'ESG-002': { status: 'not_applicable' } },
			/answers\.json: ESG-002: not_applicable needs a reason/
		],
		[
			'N/A on an item that forbids it',
			{ 'LIC-001': { status: 'not_applicable', note: 'x' } },
			/answers\.json: LIC-001: this item cannot be answered not_applicable/
		],
		['malformed JSON', '{"LIC-001": ', /answers\.json: not valid JSON/],
		[
			'a bad due date',
			{ 'LIC-001': { status: 'partial', due: '2026-02-30x' } },
			/answers\.json: LIC-001: due: /
		]
	])('refuses %s with exit 2, one message, and no output file', async (_name, answers, message) => {
		const dir = tmp();
		const answersFile = writeJson(dir, 'answers.json', answers);
		const out = path.join(dir, 'result.json');
		const r = await run([
			'assess',
			'--profile',
			'examples/profile.json',
			'--answers',
			answersFile,
			'--out-json',
			out
		]);
		expect(r.code).toBe(2);
		expect(r.err).toMatch(message);
		expect(r.err.trim().split('\n')).toHaveLength(1);
		expect(fs.existsSync(out)).toBe(false);
	});

	it('refuses a missing file and a bad profile value', async () => {
		const missing = await run([
			'assess',
			'--profile',
			'/nonexistent/profile.json',
			'--answers',
			'examples/answers.json'
		]);
		expect(missing.code).toBe(2);
		expect(missing.err).toMatch(/\/nonexistent\/profile\.json: file not found/);
		const dir = tmp();
		const profile = writeJson(dir, 'profile.json', {
			...JSON.parse(fs.readFileSync('examples/profile.json', 'utf8')),
			client_funds: 'yes'
		});
		const bad = await run(['assess', '--profile', profile, '--answers', 'examples/answers.json']);
		expect(bad.code).toBe(2);
		expect(bad.err).toMatch(/profile\.json: client_funds: /);
		const contradictory = writeJson(dir, 'contradictory.json', {
			...JSON.parse(fs.readFileSync('examples/profile.json', 'utf8')),
			retail_customers: true,
			personal_information: 'none',
			personal_information_role: undefined
		});
		const refused = await run([
			'assess',
			'--profile',
			contradictory,
			'--answers',
			'examples/answers.json'
		]);
		expect(refused.code).toBe(2);
		expect(refused.err).toMatch(
			/contradictory\.json: retail_customers = true contradicts personal_information = "none"/
		);
	});

	it('prints pure JSON on stdout through npm run --silent', { timeout: 30_000 }, () => {
		const out = execFileSync(
			'npm',
			[
				'run',
				'--silent',
				'cli',
				'--',
				'assess',
				'--profile',
				'examples/profile.json',
				'--answers',
				'examples/answers.json'
			],
			{ encoding: 'utf8' }
		);
		expect(JSON.parse(out).verdict).toBe('not_ready');
	});

	it('exits 2 on unknown arguments', async () => {
		// In-process: the exit status of the process itself is checked where the CLI is spawned
		// (data-dir-lock.test.ts, and api-admin.test.ts against both databases).
		const r = await run(['assess', '--frobnicate']);
		expect(r.code).toBe(2);
		expect(r.err).toContain('unknown argument: --frobnicate');
		expect(r.out).toBe('');
	});
});

describe('cli corpus commands', () => {
	// Three CLI processes, each loading the whole corpus: a process's time, not a unit's.
	it(
		'prints the provisions, items and profile questions as JSON',
		{ timeout: 60_000 },
		async () => {
			const provisions = JSON.parse((await run(['provisions', '--json'])).out);
			expect(provisions.find((p: { id: string }) => p.id === 'ifcr2024.a50.p3')).toMatchObject({
				source: 'sh-ifc-regulation-2024',
				label: '第五十条第三款',
				force: 'must_not',
				force_class: 'binding'
			});
			const items = JSON.parse((await run(['items', '--json'])).out);
			expect(items.length).toBeGreaterThanOrEqual(80);
			expect(items[0]).toHaveProperty('provisions');
			for (const item of items) {
				expect(['obligation', 'entry_condition', 'good_practice']).toContain(item.basis);
				for (const rule of item.related_rules)
					expect(rule.article_standing).toBe(
						rule.verification !== 'verified'
							? 'unverified'
							: rule.article !== null && rule.source !== null
								? 'article_verified'
								: 'article_to_confirm'
					);
				expect(item.criteria).toEqual({
					compliant: { zh: expect.any(String), en: expect.any(String) },
					partial: { zh: expect.any(String), en: expect.any(String) },
					non_compliant: { zh: expect.any(String), en: expect.any(String) }
				});
			}
			const questions = JSON.parse((await run(['profile-questions', '--json'])).out);
			expect(questions.map((q: { id: string }) => q.id)).toEqual(
				expect.arrayContaining([
					'org_type',
					'licences',
					'business_lines',
					'personal_information',
					'cross_border_data',
					'client_funds',
					'retail_customers',
					'elderly_customers',
					'ftz_lingang',
					'registered_name',
					'business_scope',
					'target_sandbox',
					'personal_information_role',
					'ciio'
				])
			);
		}
	);

	it('corpus-check prints the coverage figures and passes', async () => {
		const r = await run(['corpus-check']);
		expect(r.code).toBe(0);
		const report = JSON.parse(r.out);
		expect(report.ok).toBe(true);
		expect(Object.keys(report.itemsByDomain).length).toBeGreaterThanOrEqual(12);
		expect(report.provisionsBySource['sh-ifc-regulation-2024']).toBeGreaterThan(50);
		// Every quote word for word, and coverage by basis.
		expect(report.verbatim).toEqual({
			quotes: report.provisions,
			matching: report.provisions,
			percent: 100
		});
		expect(Object.keys(report.itemsByBasis).sort()).toEqual([
			'entry_condition',
			'good_practice',
			'obligation'
		]);
		expect(report.obligations.unbound).toEqual([]);
	});
});

describe('cli admin arguments', () => {
	// Refused before any database is opened; tests/integration/api-admin.test.ts runs the commands
	// as processes against both databases.
	it('refuses an unknown kind of organisation and a malformed organisation id with exit 2', async () => {
		const bad = await run(['admin', 'create-org', '--name', 'X', '--kind', 'bank']);
		expect(bad.code).toBe(2);
		expect(bad.err).toContain('--kind: must be firm or consultancy');
		const noOrg = await run(['admin', 'create-token', '--org', 'nope', '--as', 'a@example.com']);
		expect(noOrg.code).toBe(2);
		expect(noOrg.err).toContain('--org: not an organisation id');
		const noMember = await run(['admin', 'create-token', '--org', crypto.randomUUID()]);
		expect(noMember.code).toBe(2);
		expect(noMember.err).toContain('--as is required');
		expect(bad.out + noOrg.out).toBe('');
	});
});
