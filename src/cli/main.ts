import { runCommand } from './commands';

// A reader that stops early (`| head`) closes the pipe: stop writing, without a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	if (error.code !== 'EPIPE') throw error;
	process.exit(process.exitCode ?? 0);
});

// Exit codes: 0 done, 1 a check failed, 2 bad input or arguments.
const code = await runCommand(process.argv.slice(2), {
	out: (s) => process.stdout.write(s),
	err: (s) => process.stderr.write(s)
});
process.exitCode = code;
