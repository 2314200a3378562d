import fs from 'node:fs';
import { seedsVersion } from '../lib/corpus/seeds-corpus';
import type { Corpus } from '../lib/domain/corpus';
import type { Profile } from '../lib/domain/profile';
import { evaluateAssessment, type Evaluation } from '../lib/domain/result';
import type { Answer } from '../lib/domain/scoring';
import { parseAnswers, parsePackInput, parseProfile, readJsonFile } from './assess-input';
import { EMPTY_PACK_INPUT, type PackInput } from '../lib/domain/pack-input';
import { UsageError, printJson, type CliIo } from './io';

export interface AssessOptions {
	profile: string;
	answers: string;
	outJson: string | null;
	outPdf: string | null;
	outDocx: string | null;
	/** The filing pack: Word, or PDF when the name ends in .pdf. */
	outPack: string | null;
	packInput: string | null;
	lang: 'zh' | 'en' | 'both';
}

export function parseAssessArgs(args: string[]): AssessOptions {
	const options: Partial<AssessOptions> = {
		outJson: null,
		outPdf: null,
		outDocx: null,
		outPack: null,
		packInput: null,
		lang: 'both'
	};
	for (let i = 0; i < args.length; i++) {
		const flag = args[i];
		const value = args[i + 1];
		const need = () => {
			if (value === undefined || value.startsWith('--'))
				throw new UsageError(`${flag} needs a value`);
			i++;
			return value;
		};
		switch (flag) {
			case '--profile':
				options.profile = need();
				break;
			case '--answers':
				options.answers = need();
				break;
			case '--out-json':
				options.outJson = need();
				break;
			case '--out-pdf':
				options.outPdf = need();
				break;
			case '--out-docx':
				options.outDocx = need();
				break;
			case '--out-pack':
				options.outPack = need();
				break;
			case '--pack-input':
				options.packInput = need();
				break;
			case '--lang': {
				const lang = need();
				if (lang !== 'zh' && lang !== 'en' && lang !== 'both')
					throw new UsageError('--lang must be zh, en or both');
				options.lang = lang;
				break;
			}
			default:
				throw new UsageError(`unknown argument: ${flag}`);
		}
	}
	if (!options.profile) throw new UsageError('--profile is required');
	if (!options.answers) throw new UsageError('--answers is required');
	if (options.packInput && !options.outPack) throw new UsageError('--pack-input needs --out-pack');
	return options as AssessOptions;
}

/** Writes the gap report (or, for `pack`, the filing pack) as a PDF or an editable Word file. */
export type ReportWriter = (input: {
	format: 'pdf' | 'docx';
	/** The filing pack instead of the gap report, with its form (null: unknowns to be completed). */
	pack?: { input: PackInput } | null;
	corpus: Corpus;
	evaluation: Evaluation;
	profile: Profile;
	answers: Answer[];
	lang: AssessOptions['lang'];
	/** When the input last changed: dates the report, so the same files give the same PDF. */
	updatedAt: Date;
}) => Promise<Uint8Array>;

/** Scores a profile and answers with the same domain code as the app; writes nothing on bad input. */
export async function assessCommand(
	args: string[],
	io: CliIo,
	writeReport?: ReportWriter
): Promise<number> {
	const options = parseAssessArgs(args);
	const { corpus, hash } = seedsVersion();
	const profile = parseProfile(
		options.profile,
		readJsonFile(options.profile),
		corpus.profileQuestions
	);
	const locale = options.lang === 'zh' ? 'zh' : 'en';
	const answers = parseAnswers(
		options.answers,
		readJsonFile(options.answers, locale),
		corpus,
		locale
	);
	const evaluation = evaluateAssessment(corpus, hash, profile, answers);
	const packInput = options.packInput
		? parsePackInput(options.packInput, readJsonFile(options.packInput, locale), locale)
		: EMPTY_PACK_INPUT;
	const outputs = (
		[
			['pdf', options.outPdf, null],
			['docx', options.outDocx, null],
			[
				options.outPack?.toLowerCase().endsWith('.pdf') ? 'pdf' : 'docx',
				options.outPack,
				{ input: packInput }
			]
		] as const
	).filter(
		(o): o is readonly ['pdf' | 'docx', string, { input: PackInput } | null] => o[1] !== null
	);
	if (outputs.length && !writeReport)
		throw new UsageError(
			`--out-${outputs[0]![2] ? 'pack' : outputs[0]![0]} is not available in this build`
		);
	const updatedAt = new Date(
		Math.max(
			...[options.profile, options.answers, options.packInput]
				.filter((f): f is string => f !== null)
				.map((f) => fs.statSync(f).mtimeMs)
		)
	);
	// Every file rendered before any is written: bad input writes nothing.
	const files: [string, Uint8Array][] = [];
	for (const [format, file, pack] of outputs)
		files.push([
			file,
			await writeReport!({
				format,
				pack,
				corpus,
				evaluation,
				profile,
				answers,
				lang: options.lang,
				updatedAt
			})
		]);
	if (options.outJson)
		fs.writeFileSync(options.outJson, `${JSON.stringify(evaluation.result, null, 2)}\n`);
	for (const [file, bytes] of files) fs.writeFileSync(file, bytes);
	if (!options.outJson) printJson(io, evaluation.result);
	return 0;
}
