import { z } from 'zod';
import { createApiToken, DEFAULT_TOKEN_LIFETIME_DAYS } from '../lib/server/auth/api-tokens';
import { findUserIdByEmail } from '../lib/server/db/queries/users';
import { signUp } from '../lib/server/auth/accounts';
import { openDatabase, type Database } from '../lib/server/db/connection';
import { migrateToLatest } from '../lib/server/db/migrate';
import { findAssessment } from '../lib/server/db/queries/assessments';
import { firmIdentityJson } from '../lib/domain/identity';
import { listIdentityConflicts, readFirmIdentity } from '../lib/server/identity/service';
import { organisationExists } from '../lib/server/orgs/organisations';
import { readServerEnv } from '../lib/server/env';
import { pendingMails } from '../lib/server/mail/outbox';
import { requestPasswordReset } from '../lib/server/auth/password-reset';
import { printJson, UsageError, type CliIo } from './io';
import { hostname } from 'node:os';
import { runDueJobs } from '../lib/server/jobs/runner';

export const adminUsage = `  admin create-org --name NAME --kind firm|consultancy --owner-email E --owner-password P
                             create an organisation and its owner; prints {"org_id", "user_id"}
  admin create-token --org ORG_ID --as EMAIL [--name LABEL] [--scope role|read_write|read_only] [--days N]
                             create an API token acting for that member of the organisation, with
                             their role (or less), for N days (default 90); prints {"token"} once
  admin firm --org ORG_ID --assessment ID
                             the firm an assessment names, as the report and the API read it
  admin identity-conflicts --org ORG_ID
                             registered names and business scopes waiting for a person to choose
  admin outbox [--org ORG_ID]
                             mails not sent yet (SMTP_URL unset or failing), with their text and links
  admin run-jobs [--now ISO_TIME] [--origin URL]
                             run the scheduled work that is due (the daily digest), once across
                             instances; --now sets the clock (a test, a catch-up); prints {"ran": [...]}
  admin reset-password --email E
                             mail the person a password-reset link (a second factor is still asked);
                             prints {"link"} too, for when mail is not configured
`;

/** `--flag value` pairs; every flag must be one of `known` and have a value. */
function parseFlags(args: string[], known: readonly string[]): Record<string, string> {
	const flags: Record<string, string> = {};
	for (let i = 0; i < args.length; i += 2) {
		const flag = args[i]!;
		const name = flag.startsWith('--') ? flag.slice(2) : '';
		if (!known.includes(name)) throw new UsageError(`unknown argument: ${flag}`);
		const value = args[i + 1];
		if (value === undefined || value.startsWith('--'))
			throw new UsageError(`${flag} needs a value`);
		flags[name] = value;
	}
	return flags;
}

/** The first problem of a zod parse, as `--flag: message`. */
function parseOrThrow<T>(schema: z.ZodType<T>, flags: Record<string, string>): T {
	const parsed = schema.safeParse(flags);
	if (parsed.success) return parsed.data;
	const issue = parsed.error.issues[0]!;
	const flag = issue.path.join('.');
	throw new UsageError(
		flags[flag] === undefined ? `--${flag} is required` : `--${flag}: ${issue.message}`
	);
}

const createOrgArgs = z.object({
	name: z.string().trim().min(1, 'must not be empty').max(200),
	kind: z.enum(['firm', 'consultancy'], 'must be firm or consultancy'),
	'owner-email': z.string().trim().toLowerCase().max(254).pipe(z.email('not an email address')),
	'owner-password': z.string().min(10, 'must have at least 10 characters').max(200)
});

const createTokenArgs = z.object({
	org: z.uuid('not an organisation id'),
	as: z.string().trim().toLowerCase().max(254).pipe(z.email('not an email address')),
	name: z.string().trim().min(1, 'must not be empty').max(100).default('admin'),
	scope: z
		.enum(['role', 'read_write', 'read_only'], 'must be role, read_write or read_only')
		.default('role'),
	days: z.coerce
		.number('must be a whole number of days')
		.int('must be a whole number of days')
		.min(1, 'must be between 1 and 365')
		.max(365, 'must be between 1 and 365')
		.default(DEFAULT_TOKEN_LIFETIME_DAYS)
});

const firmArgs = z.object({
	org: z.uuid('not an organisation id'),
	assessment: z.uuid('not an assessment id')
});

const conflictArgs = z.object({ org: z.uuid('not an organisation id') });

const outboxArgs = z.object({ org: z.uuid('not an organisation id').optional() });

const runJobsArgs = z.object({
	now: z.iso.datetime({ offset: true, message: 'not an ISO time' }).optional(),
	origin: z.url('not a URL').optional()
});

const resetArgs = z.object({
	email: z.string().trim().toLowerCase().max(254).pipe(z.email('not an email address'))
});

/** Opens the app's database (DATA_DIR or DATABASE_URL, and its lock), migrated, for one command. */
async function withDatabase(run: (db: Database) => Promise<number>): Promise<number> {
	const database = await openDatabase(readServerEnv());
	try {
		await migrateToLatest(database.db);
		return await run(database.db);
	} finally {
		await database.close();
	}
}

export async function adminCommand(args: string[], io: CliIo): Promise<number> {
	const [sub, ...rest] = args;
	switch (sub) {
		case 'run-jobs': {
			const input = parseOrThrow(runJobsArgs, parseFlags(rest, Object.keys(runJobsArgs.shape)));
			const env = readServerEnv();
			return withDatabase(async (db) => {
				const ran = await runDueJobs(db, {
					holder: `cli:${hostname()}:${process.pid}`,
					now: input.now ? new Date(input.now) : new Date(),
					digestHour: env.digestHour,
					origin: input.origin ?? env.publicOrigin ?? `http://localhost:${env.port}`,
					deletionGraceDays: env.deletionGraceDays
				});
				printJson(io, { ran });
				return 0;
			});
		}
		case 'create-org': {
			const input = parseOrThrow(createOrgArgs, parseFlags(rest, Object.keys(createOrgArgs.shape)));
			return withDatabase(async (db) => {
				const email = input['owner-email'];
				const result = await signUp(db, {
					name: email.split('@')[0]!,
					email,
					password: input['owner-password'],
					orgName: input.name,
					orgKind: input.kind,
					// The operator vouches for the address they typed.
					emailVerifiedAt: new Date()
				});
				if (!result.ok) throw new UsageError(`--owner-email: ${email} already has an account`);
				printJson(io, { org_id: result.orgId, user_id: result.userId });
				return 0;
			});
		}
		case 'create-token': {
			const input = parseOrThrow(
				createTokenArgs,
				parseFlags(rest, Object.keys(createTokenArgs.shape))
			);
			return withDatabase(async (db) => {
				if (!(await organisationExists(db, input.org)))
					throw new UsageError(`--org: no organisation ${input.org}`);
				const userId = await findUserIdByEmail(db, input.as);
				if (!userId) throw new UsageError(`--as: no account ${input.as}`);
				// Made by the administrator (no user as the actor), acting for the member named.
				const created = await createApiToken(
					db,
					{ userId: null },
					{
						orgId: input.org,
						name: input.name,
						userId,
						scope: input.scope,
						lifetimeDays: input.days
					}
				);
				if (!created.ok)
					throw new UsageError(
						created.reason === 'respondent'
							? `--as: ${input.as} is a respondent, whose reach the API does not carry`
							: created.reason === 'two_factor_required'
								? `--as: ${input.as} has no two-factor authentication, which ${input.org} requires of its members`
								: `--as: ${input.as} is not a member of ${input.org}`
					);
				printJson(io, { token: created.token, expires_at: created.expiresAt.toISOString() });
				return 0;
			});
		}
		case 'firm': {
			const input = parseOrThrow(firmArgs, parseFlags(rest, Object.keys(firmArgs.shape)));
			return withDatabase(async (db) => {
				const assessment = await findAssessment(db, { orgId: input.org, id: input.assessment });
				if (!assessment)
					throw new UsageError(`--assessment: no assessment ${input.assessment} in ${input.org}`);
				printJson(io, firmIdentityJson(await readFirmIdentity(db, assessment)));
				return 0;
			});
		}
		case 'identity-conflicts': {
			const input = parseOrThrow(conflictArgs, parseFlags(rest, Object.keys(conflictArgs.shape)));
			return withDatabase(async (db) => {
				if (!(await organisationExists(db, input.org)))
					throw new UsageError(`--org: no organisation ${input.org}`);
				const conflicts = await listIdentityConflicts(db, { orgId: input.org });
				printJson(io, {
					conflicts: conflicts.map((c) => ({
						id: c.id,
						assessment_id: c.assessmentId,
						assessment_title: c.assessmentTitle,
						final: c.final,
						client: c.clientName,
						field: c.field,
						current_value: c.currentValue,
						profile_value: c.profileValue
					}))
				});
				return 0;
			});
		}
		case 'outbox': {
			const input = parseOrThrow(outboxArgs, parseFlags(rest, Object.keys(outboxArgs.shape)));
			return withDatabase(async (db) => {
				const mails = await pendingMails(db, { orgId: input.org, limit: 1000 });
				printJson(io, {
					pending: mails.map((mail) => ({
						id: mail.id,
						to: mail.to,
						language: mail.language,
						template: mail.template,
						subject: mail.subject,
						created_at: mail.createdAt.toISOString(),
						attempts: mail.attempts,
						last_error: mail.lastError,
						text: mail.text
					}))
				});
				return 0;
			});
		}
		case 'reset-password': {
			const input = parseOrThrow(resetArgs, parseFlags(rest, Object.keys(resetArgs.shape)));
			return withDatabase(async (db) => {
				const origin = readServerEnv().publicOrigin;
				if (!origin) throw new UsageError("ORIGIN must be set: the link names the app's address");
				const link = await requestPasswordReset(
					db,
					{ operator: true },
					{ email: input.email, origin }
				);
				if (!link) throw new UsageError(`--email: no account ${input.email}`);
				printJson(io, { link });
				return 0;
			});
		}
		default:
			throw new UsageError(sub ? `unknown admin command: ${sub}` : 'admin needs a command');
	}
}
