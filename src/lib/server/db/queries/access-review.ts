import type { Database } from '../connection';
import type { Role } from '../schema';

export interface AccessReviewRow {
	userId: string;
	name: string;
	email: string;
	role: Role;
	joinedAt: Date;
	clientName: string | null;
	emailVerifiedAt: Date | null;
	/** The newest log-in in the audit log (any organisation: a sign-in is the person's). */
	lastSignInAt: Date | null;
	/** Whether an authenticator app is set up. */
	secondFactor: boolean;
}

/** The organisation's members with what an access review asks of each, oldest member first. */
export async function listAccessReview(db: Database, orgId: string): Promise<AccessReviewRow[]> {
	const rows = await db
		.selectFrom('memberships as m')
		.innerJoin('users as u', 'u.id', 'm.user_id')
		.leftJoin('clients as c', 'c.id', 'm.client_id')
		.select((eb) => [
			'u.id as userId',
			'u.name as name',
			'u.email as email',
			'm.role as role',
			'm.created_at as joinedAt',
			'c.name as clientName',
			'u.email_verified_at as emailVerifiedAt',
			eb('u.totp_key', 'is not', null).as('secondFactor'),
			eb
				.selectFrom('audit_log as a')
				.select((a) => a.fn.max('a.at').as('at'))
				.whereRef('a.actor_id', '=', 'u.id')
				.where('a.action', '=', 'user.logged_in')
				.as('lastSignInAt')
		])
		.where('m.org_id', '=', orgId)
		.orderBy('m.created_at')
		.execute();
	return rows.map((r) => ({
		...r,
		secondFactor: Boolean(r.secondFactor),
		emailVerifiedAt: r.emailVerifiedAt ? new Date(r.emailVerifiedAt) : null,
		lastSignInAt: r.lastSignInAt ? new Date(r.lastSignInAt as Date | string) : null
	}));
}
