import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/cli/commands';

/**
 * The CLI refuses input that is not text as the web and the API do: the item, and the field by the
 * label the app shows (in Chinese with --lang zh), exit 2, one line, nothing written.
 */
async function assess(answers: Buffer, lang: string[] = []) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'not-text-'));
	const file = path.join(dir, 'answers.json');
	fs.writeFileSync(file, answers);
	const out = path.join(dir, 'result.json');
	let err = '';
	const code = await runCommand(
		['assess', '--profile', 'examples/profile.json', '--answers', file, '--out-json', out, ...lang],
		{ out: () => undefined, err: (s) => (err += s) }
	);
	return { code, err, written: fs.existsSync(out) };
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value));

describe('cli assess: input that is not text', () => {
	it.each([
		[
			'a NUL character',
			json({ 'LIC-001': { status: 'partial', note: 'a\u0000b' } }),
			[],
			/answers\.json: LIC-001: The field “Note” contains a null character/
		],
		[
			'half a surrogate pair',
			json({ 'LIC-001': { status: 'partial', owner: 'x\ud800' } }),
			[],
			/answers\.json: LIC-001: The field “Owner” contains a broken character/
		],
		[
			'half a surrogate pair in evidence, in Chinese',
			Buffer.from('{"LIC-001": {"status": "partial", "evidence": ["ok", "\\udc00"]}}'),
			['--lang', 'zh'],
			/answers\.json: LIC-001: 字段“佐证材料说明”含有无法保存的残缺字符/
		],
		[
			'bytes that are not UTF-8',
			Buffer.concat([
				Buffer.from('{"LIC-001": {"status": "partial", "note": "'),
				Buffer.from([0xd6, 0xd0, 0xce]),
				Buffer.from('"}}')
			]),
			[],
			/answers\.json: LIC-001: The field “Note” contains bytes that are not text/
		]
	])('refuses %s, naming the item and the field', async (_name, answers, lang, message) => {
		const r = await assess(answers, lang);
		expect(r.code).toBe(2);
		expect(r.err).toMatch(message);
		expect(r.err.trim().split('\n')).toHaveLength(1);
		expect(r.written).toBe(false);
	});
});
