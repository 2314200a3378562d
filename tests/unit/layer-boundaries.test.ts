import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// Each fixture breaks (or, named allowed-*, keeps) one boundary of DESIGN.md's layers. Its first
// line names the path it is linted as, so the project's own ESLint config decides.
const dir = path.join(import.meta.dirname, 'boundary-fixtures');
const root = path.resolve(import.meta.dirname, '../..');

const eslint = new ESLint({
	cwd: root,
	// Only the import rules are under test; without type information the typed rules cannot run.
	ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports',
	overrideConfig: { languageOptions: { parserOptions: { projectService: false } } }
});

function fixture(name: string) {
	const text = fs.readFileSync(path.join(dir, name), 'utf8');
	const as = /lint as: (\S+)/.exec(text.split('\n')[0]!)?.[1];
	if (!as) throw new Error(`${name} does not say what to lint it as`);
	return { text, filePath: path.join(root, as) };
}

async function importErrors(name: string) {
	const { text, filePath } = fixture(name);
	const [result] = await eslint.lintText(text, { filePath });
	const fatal = result!.messages.filter((m) => m.fatal);
	expect(fatal, `${name} must parse`).toEqual([]);
	return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports');
}

const fixtures = fs.readdirSync(dir).filter((f) => f.endsWith('.txt'));
const breaking = fixtures.filter((f) => !f.startsWith('allowed-'));
const allowed = fixtures.filter((f) => f.startsWith('allowed-'));

describe('layer boundaries', () => {
	// The first lint loads the config and its plugins (seconds on a busy machine): once, up front.
	beforeAll(
		() => eslint.calculateConfigForFile(path.join(root, 'src/lib/domain/scoring.ts')),
		60_000
	);

	it('has a fixture for every boundary', () => {
		expect(breaking.length).toBeGreaterThanOrEqual(12);
		expect(allowed.length).toBeGreaterThanOrEqual(4);
	});

	it.each(breaking)('refuses %s', async (name) => {
		const errors = await importErrors(name);
		expect(errors.length, `${name}: expected an import error`).toBeGreaterThan(0);
	});

	it.each(allowed)('accepts %s', async (name) => {
		expect(await importErrors(name)).toEqual([]);
	});
});
