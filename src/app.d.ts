import type { Session } from '$lib/server/auth/session';
import type { UserProfile } from '$lib/server/db/queries/users';

declare global {
	namespace App {
		interface Locals {
			requestId: string;
			user: UserProfile | null;
			session: Session | null;
		}
		interface Error {
			message: string;
			requestId?: string;
		}
	}
}

export {};
