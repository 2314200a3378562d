import type { Kysely } from 'kysely';

/**
 * An assessment's due date (when the engagement should be done, a calendar date) and the
 * consultant or owner who answers for it. Both optional; the responsible person's account may go
 * (set null), the assessment stays.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('assessments')
		.addColumn('due_date', 'date')
		.addColumn('responsible_user_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('assessments')
		.dropColumn('due_date')
		.dropColumn('responsible_user_id')
		.execute();
}
