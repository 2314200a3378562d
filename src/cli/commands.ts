import { forceClass } from '../lib/domain/provision-standing';
import { itemWithRuleStandings } from '../lib/domain/rule-standing';
import { CorpusError } from '../lib/corpus/load';
import { seedsCorpus } from '../lib/corpus/seeds-corpus';
import { DataDirLockedError } from '../lib/server/db/data-dir-lock';
import { InputError } from './assess-input';
import { printJson, UsageError, type CliIo } from './io';
import type { ReportWriter } from './assess';

/*
 * Each command imports what it needs when it runs: pdfmake with its fonts, and the database with the
 * services, take seconds to load, and a corpus listing or a usage message should not wait for them.
 */

const usage = async () => `Usage: npm run --silent cli -- <command>

  provisions --json          the provision corpus as JSON
  items --json               the questionnaire items as JSON
  profile-questions --json   the profile questions as JSON
  corpus-check               coverage figures; exits 1 when the corpus has a problem
  corpus-register            record new provision and item ids in seeds/id-registry.json
  db:migrate                 migrate the database (DATA_DIR or DATABASE_URL)
  assess --profile P.json --answers A.json [--out-json R.json] [--out-pdf R.pdf]
         [--out-docx R.docx] [--lang zh|en|both]
         [--out-pack PACK.docx|PACK.pdf [--pack-input pack.json]]
                             score an assessment without a server; exit 2 on bad input
${(await import('./admin')).adminUsage}`;

const writeReport: ReportWriter = async (input) =>
	(await import('./report-pdf')).writeReport(input);

export async function runCommand(argv: string[], io: CliIo): Promise<number> {
	const [command, ...args] = argv;
	try {
		switch (command) {
			case 'provisions':
				requireJsonFlag(args);
				// `force` as coded (must, must_not, encouraged, permitted, context) and, beside it, the
				// class every page shows: binding, encouraged or context.
				printJson(
					io,
					seedsCorpus().provisions.map((p) => ({
						...p,
						force_class: forceClass(p.force)
					}))
				);
				return 0;
			case 'items':
				requireJsonFlag(args);
				// Each national-rule pointer with its `article_standing`: `article_verified`, or
				// `article_to_confirm` / `unverified` ("article to be confirmed": never an authority).
				printJson(io, seedsCorpus().items.map(itemWithRuleStandings));
				return 0;
			case 'profile-questions':
				requireJsonFlag(args);
				printJson(io, seedsCorpus().profileQuestions);
				return 0;
			case 'corpus-check':
				return (await import('./corpus-check')).corpusCheckCommand(io);
			case 'corpus-register':
				return (await import('./corpus-check')).corpusRegisterCommand(io);
			case 'assess':
				return await (await import('./assess')).assessCommand(args, io, writeReport);
			case 'db:migrate':
				return await (await import('./migrate')).migrateCommand(io);
			case 'admin':
				return await (await import('./admin')).adminCommand(args, io);
			case undefined:
			case 'help':
			case '--help':
				io.out(await usage());
				return command ? 0 : 2;
			default:
				throw new UsageError(`unknown command: ${command}`);
		}
	} catch (error) {
		if (error instanceof InputError) {
			io.err(`${error.message}\n`);
			return 2;
		}
		if (error instanceof UsageError) {
			io.err(`${error.message}\n\n${await usage()}`);
			return 2;
		}
		if (error instanceof DataDirLockedError) {
			io.err(`${error.message}\n`);
			return 2;
		}
		if (error instanceof CorpusError) {
			io.err(`${error.message}\n`);
			return 2;
		}
		throw error;
	}
}

function requireJsonFlag(args: string[]): void {
	const unknown = args.filter((a) => a !== '--json');
	if (unknown.length > 0) throw new UsageError(`unknown argument: ${unknown[0]}`);
}
