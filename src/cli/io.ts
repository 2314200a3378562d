export interface CliIo {
	out(text: string): void;
	err(text: string): void;
}

export class UsageError extends Error {}

export function printJson(io: CliIo, value: unknown): void {
	io.out(`${JSON.stringify(value, null, 2)}\n`);
}
