import type { Session } from '$lib/server/auth/session';
import type { UserProfile } from '$lib/server/db/queries/users';

declare global {
	namespace App {
		interface Locals {
			requestId: string;
			user: UserProfile | null;
			session: Session | null;
			/** Set when a request failed waiting for a database connection (see db/connection.ts). */
			databaseBusy?: boolean;
		}
		interface Error {
			message: string;
			requestId?: string;
		}
	}
}

export {};
