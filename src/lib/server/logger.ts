import pino from 'pino';
import { readServerEnv } from './env';

/** Structured logs. Secrets are never passed in, and redaction is a second line of defence. */
export const logger = pino({
	level: readServerEnv().logLevel,
	redact: {
		paths: [
			'password',
			'*.password',
			'token',
			'*.token',
			'cookie',
			'*.cookie',
			'headers.cookie',
			'headers.authorization'
		],
		censor: '[redacted]'
	}
});
