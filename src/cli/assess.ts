import fs from 'node:fs';
import { loadCorpus } from '../lib/corpus/load';
import { corpusPaths } from '../lib/corpus/paths';
import { corpusHash } from '../lib/corpus/version';
import { evaluateAssessment } from '../lib/domain/result';
import { parseAnswers, parseProfile, readJsonFile } from './assess-input';
import { UsageError, printJson, type CliIo } from './io';

export interface AssessOptions {
	profile: string;
	answers: string;
	outJson: string | null;
	outPdf: string | null;
	lang: 'zh' | 'en' | 'both';
}

export function parseAssessArgs(args: string[]): AssessOptions {
	const options: Partial<AssessOptions> = { outJson: null, outPdf: null, lang: 'both' };
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
	return options as AssessOptions;
}

export type PdfWriter = (input: {
	result: ReturnType<typeof evaluateAssessment>;
	lang: AssessOptions['lang'];
}) => Promise<Uint8Array>;

/** Scores a profile and answers with the same domain code as the app; writes nothing on bad input. */
export async function assessCommand(
	args: string[],
	io: CliIo,
	writePdf?: PdfWriter
): Promise<number> {
	const options = parseAssessArgs(args);
	const corpus = loadCorpus(corpusPaths().seedsDir);
	const profile = parseProfile(
		options.profile,
		readJsonFile(options.profile),
		corpus.profileQuestions
	);
	const answers = parseAnswers(options.answers, readJsonFile(options.answers), corpus);
	const evaluation = evaluateAssessment(corpus, corpusHash(corpus), profile, answers);
	const pdf =
		options.outPdf && writePdf ? await writePdf({ result: evaluation, lang: options.lang }) : null;
	if (options.outPdf && !writePdf) throw new UsageError('--out-pdf is not available in this build');
	if (options.outJson)
		fs.writeFileSync(options.outJson, `${JSON.stringify(evaluation.result, null, 2)}\n`);
	if (options.outPdf && pdf) fs.writeFileSync(options.outPdf, pdf);
	if (!options.outJson) printJson(io, evaluation.result);
	return 0;
}
