import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/cli/commands';

const exampleProfile = JSON.parse(fs.readFileSync('examples/profile.json', 'utf8')) as Record<
	string,
	unknown
>;
const exampleAnswers = JSON.parse(fs.readFileSync('examples/answers.json', 'utf8')) as Record<
	string,
	Record<string, unknown>
>;

const oddValue = fc.oneof(
	fc.anything({ maxDepth: 2, withNullPrototype: true, withBigInt: false }),
	fc.string({ unit: 'grapheme', maxLength: 30 }),
	fc.string({ minLength: 501, maxLength: 6000 }),
	fc.constantFrom('compliant', 'not_applicable', '2026-02-30', '', null, true, [], {}, '\u0000')
);

/** An example file with fields dropped, replaced, or added: near enough to valid to get far. */
function mutated(example: Record<string, unknown>): fc.Arbitrary<unknown> {
	const keys = Object.keys(example);
	return fc
		.record({
			drop: fc.subarray(keys, { maxLength: Math.min(3, keys.length) }),
			replace: fc.dictionary(fc.constantFrom(...keys), oddValue, { maxKeys: 3 }),
			add: fc.dictionary(fc.string({ maxLength: 10 }), oddValue, { maxKeys: 2 })
		})
		.map(({ drop, replace, add }) => {
			const copy: Record<string, unknown> = { ...example, ...replace, ...add };
			for (const key of drop) delete copy[key];
			return copy;
		});
}

const answersFile = fc.oneof(
	mutated(exampleAnswers),
	fc
		.tuple(
			fc.constantFrom(...Object.keys(exampleAnswers)),
			mutated({ status: 'partial', note: 'x' })
		)
		.map(([item, answer]) => ({ ...exampleAnswers, [item]: answer })),
	fc.anything({ maxDepth: 3 })
);
const profileFile = fc.oneof(mutated(exampleProfile), fc.anything({ maxDepth: 3 }));
/** What ends up on disk: JSON, or something that is not JSON at all. */
const contents = (value: fc.Arbitrary<unknown>) =>
	fc.oneof(
		{ weight: 5, arbitrary: value.map((v) => JSON.stringify(v) ?? 'undefined') },
		{ weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
		{ weight: 1, arbitrary: fc.constant('') }
	);

describe('the CLI with fuzzed input files (fast-check)', () => {
	it(
		'answers a result or exit 2 with a one-line message; never a crash, never a stack trace, never a half-written file',
		{ timeout: 60_000 },
		async () => {
			const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-fuzz-'));
			try {
				await fc.assert(
					fc.asyncProperty(
						contents(profileFile),
						contents(answersFile),
						async (profile, answers) => {
							const files = {
								profile: path.join(dir, 'profile.json'),
								answers: path.join(dir, 'answers.json'),
								out: path.join(dir, 'result.json')
							};
							fs.writeFileSync(files.profile, profile);
							fs.writeFileSync(files.answers, answers);
							fs.rmSync(files.out, { force: true });
							let err = '';
							const code = await runCommand(
								[
									'assess',
									'--profile',
									files.profile,
									'--answers',
									files.answers,
									'--out-json',
									files.out
								],
								{ out: () => undefined, err: (s) => (err += s) }
							);
							expect([0, 2]).toContain(code);
							if (code === 2) {
								expect(err).toMatch(/^\S*(profile|answers)\.json: /);
								expect(err).not.toMatch(/\n\s+at /);
								expect(fs.existsSync(files.out)).toBe(false);
							} else {
								expect(JSON.parse(fs.readFileSync(files.out, 'utf8'))).toHaveProperty('verdict');
							}
						}
					),
					{ numRuns: Number(process.env.FUZZ_RUNS ?? 40) }
				);
			} finally {
				fs.rmSync(dir, { recursive: true, force: true });
			}
		}
	);
});
