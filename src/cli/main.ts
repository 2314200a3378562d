import { runCommand } from './commands';

// Exit codes: 0 done, 1 a check failed, 2 bad input or arguments.
const code = await runCommand(process.argv.slice(2), {
	out: (s) => process.stdout.write(s),
	err: (s) => process.stderr.write(s)
});
process.exitCode = code;
