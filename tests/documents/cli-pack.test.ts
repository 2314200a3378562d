import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/cli/commands';
import { pdfText, squash } from '../helpers/pdf';

function run(args: string[]) {
	let out = '';
	let err = '';
	const code = runCommand(args, { out: (s) => (out += s), err: (s) => (err += s) });
	return code.then((c) => ({ code: c, out, err }));
}

const base = ['assess', '--profile', 'examples/profile.json', '--answers', 'examples/answers.json'];
const docxText = (file: string) =>
	strFromU8(unzipSync(fs.readFileSync(file))['word/document.xml']!)
		.replace(/<w:p[ >]/g, '\n$&')
		.replace(/<[^>]+>/g, '');

describe('cli assess --out-pack', { timeout: 120_000 }, () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pack-'));

	it('writes the filing pack as Word with unknowns to be completed when no pack input is given', async () => {
		const out = path.join(dir, 'pack.docx');
		const r = await run([...base, '--out-pack', out, '--out-json', path.join(dir, 'r.json')]);
		expect(r.code).toBe(0);
		const text = docxText(out);
		expect(text).toContain('创新应用声明书');
		expect(text).toMatch(/服务名称：待补充/);
		expect(text).toContain('附录：来源追溯');
	});

	it('fills the pack form from --pack-input, and writes a PDF for a .pdf name', async () => {
		const input = path.join(dir, 'pack.json');
		fs.writeFileSync(
			input,
			JSON.stringify({
				service_name: '智能适当性匹配服务',
				planned_filing_date: '2027-02-01',
				validity_months: 6
			})
		);
		const out = path.join(dir, 'pack.pdf');
		const r = await run([
			...base,
			'--out-pack',
			out,
			'--pack-input',
			input,
			'--out-json',
			path.join(dir, 'r.json')
		]);
		expect(r.code).toBe(0);
		const text = squash(pdfText(fs.readFileSync(out)));
		expect(text).toContain(squash('服务名称：智能适当性匹配服务'));
		expect(text).toContain(squash('有效期 6 个月'));
	});

	it('refuses a bad pack input, naming the field, and writes nothing', async () => {
		const input = path.join(dir, 'bad.json');
		fs.writeFileSync(input, JSON.stringify({ planned_filing_date: '2027-02-30' }));
		const out = path.join(dir, 'never.docx');
		const r = await run([...base, '--out-pack', out, '--pack-input', input]);
		expect(r.code).toBe(2);
		expect(r.err).toContain('planned_filing_date');
		expect(fs.existsSync(out)).toBe(false);
		fs.writeFileSync(input, JSON.stringify({ service_nmae: 'x' }));
		expect((await run([...base, '--out-pack', out, '--pack-input', input])).err).toContain(
			'service_nmae'
		);
	});
});
