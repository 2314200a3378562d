import { sql, type Kysely } from 'kysely';

/**
 * One source per fact: the firm's registered name and business scope move out of each assessment's
 * profile onto the client record (a consultancy's client) or the organisation (its own assessments).
 * A final assessment gets a frozen copy, so its signed report does not change with the record.
 *
 * Where the profiles and the record disagree nothing is picked: the record keeps its value and each
 * differing profile value is kept in identity_conflicts for a person to resolve. A record with no
 * value takes the profiles' value when they all agree; when they do not, it stays empty and every
 * profile value is listed. Spellings that differ only in blanks or full-width forms agree.
 *
 * Self-contained on purpose (no app imports): a migration must do the same thing forever.
 */

const FIELDS = [
	{ field: 'registered_name', column: 'registered_name', frozen: 'registeredName' },
	{ field: 'business_scope', column: 'business_scope', frozen: 'businessScope' }
] as const;

const text = (v: unknown): string | null =>
	typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
const same = (a: string | null, b: string | null) => {
	const norm = (s: string | null) => (s ?? '').normalize('NFKC').replace(/\s+/g, ' ').trim();
	return norm(a) === norm(b);
};
const parse = (v: unknown): Record<string, unknown> =>
	(typeof v === 'string' ? JSON.parse(v) : v) ?? {};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('clients').addColumn('business_scope', 'text').execute();
	await db.schema.alterTable('organisations').addColumn('registered_name', 'text').execute();
	await db.schema.alterTable('organisations').addColumn('business_scope', 'text').execute();
	// {registeredName, businessScope, name} as they stood when the assessment was finalised.
	await db.schema.alterTable('assessments').addColumn('frozen_identity', 'jsonb').execute();

	await db.schema
		.createTable('identity_conflicts')
		.addColumn('id', 'uuid', (c) => c.primaryKey())
		.addColumn('org_id', 'uuid', (c) =>
			c.notNull().references('organisations.id').onDelete('cascade')
		)
		.addColumn('assessment_id', 'uuid', (c) =>
			c.notNull().references('assessments.id').onDelete('cascade')
		)
		// The record the value belongs on: the client, or (null) the organisation itself.
		.addColumn('client_id', 'uuid', (c) => c.references('clients.id').onDelete('cascade'))
		.addColumn('field', 'text', (c) =>
			c.notNull().check(sql`field in ('registered_name', 'business_scope')`)
		)
		// What the record held when the difference was found (null: nothing).
		.addColumn('record_value', 'text')
		// The assessment's own differing value.
		.addColumn('profile_value', 'text', (c) => c.notNull())
		.addColumn('found_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('resolved_at', 'timestamptz')
		.addColumn('resolved_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('resolution', 'text', (c) => c.check(sql`resolution in ('record', 'profile')`))
		.execute();
	await db.schema
		.createIndex('identity_conflicts_open_idx')
		.on('identity_conflicts')
		.columns(['org_id', 'assessment_id'])
		.where(sql.ref('resolved_at'), 'is', null)
		.execute();

	const assessments = (
		await db
			.selectFrom('assessments')
			.select(['id', 'org_id', 'client_id', 'state', 'profile'])
			.orderBy('created_at')
			.orderBy('id')
			.execute()
	).map((a) => ({ ...a, profile: parse(a.profile) }));
	const clients = await db
		.selectFrom('clients')
		.select(['id', 'name', 'registered_name'])
		.execute();
	const orgs = await db.selectFrom('organisations').select(['id', 'name']).execute();

	// Each record with its current values; business scope was never on a record before.
	type IdentityRecord = {
		table: 'clients' | 'organisations';
		id: string;
		name: string;
		values: Record<string, string | null>;
	};
	const records = new Map<string, IdentityRecord>();
	for (const c of clients)
		records.set(`c:${c.id}`, {
			table: 'clients',
			id: c.id,
			name: c.name,
			values: { registered_name: text(c.registered_name), business_scope: null }
		});
	for (const o of orgs)
		records.set(`o:${o.id}`, {
			table: 'organisations',
			id: o.id,
			name: o.name,
			values: { registered_name: null, business_scope: null }
		});
	const recordOf = (a: (typeof assessments)[number]) =>
		records.get(a.client_id ? `c:${a.client_id}` : `o:${a.org_id}`)!;

	// An empty record takes its profiles' value when they all agree.
	for (const record of records.values()) {
		const mine = assessments.filter((a) => recordOf(a) === record);
		for (const { field, column } of FIELDS) {
			if (record.values[field] !== null) continue;
			const given = mine.map((a) => text(a.profile[field])).filter((v) => v !== null);
			const first = given[0];
			if (first === undefined || !given.every((v) => same(v, first))) continue;
			record.values[field] = first;
			await db
				.updateTable(record.table)
				.set({ [column]: first })
				.where('id', '=', record.id)
				.execute();
		}
	}

	for (const a of assessments) {
		const record = recordOf(a);
		const given = Object.fromEntries(FIELDS.map(({ field }) => [field, text(a.profile[field])]));
		const conflicts: string[] = [];
		for (const { field } of FIELDS) {
			const value = given[field] ?? null;
			if (value === null || same(value, record.values[field] ?? null)) continue;
			conflicts.push(field);
			await db
				.insertInto('identity_conflicts')
				.values({
					id: crypto.randomUUID(),
					org_id: a.org_id,
					assessment_id: a.id,
					client_id: a.client_id,
					field,
					record_value: record.values[field],
					profile_value: value
				})
				.execute();
		}
		const had = FIELDS.some(({ field }) => field in a.profile);
		const scope = { ...a.profile };
		for (const { field } of FIELDS) delete scope[field];
		await db
			.updateTable('assessments')
			.set({
				profile: JSON.stringify(scope),
				frozen_identity:
					a.state === 'final'
						? JSON.stringify({
								registeredName: record.values.registered_name,
								businessScope: record.values.business_scope,
								name: record.name
							})
						: null
			})
			.where('id', '=', a.id)
			.execute();
		if (had)
			await db
				.insertInto('audit_log')
				.values({
					org_id: a.org_id,
					assessment_id: a.id,
					item_id: null,
					actor_id: null,
					action: 'identity.moved_to_record',
					old_value: JSON.stringify(given),
					new_value: JSON.stringify({
						record: record.table === 'clients' ? 'client' : 'organisation',
						recordId: record.id,
						conflicts
					})
				})
				.execute();
	}
}

/** Puts each assessment's identity back in its profile: its own differing value where it had one. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	const rows = await db
		.selectFrom('assessments as a')
		.innerJoin('organisations as o', 'o.id', 'a.org_id')
		.leftJoin('clients as c', 'c.id', 'a.client_id')
		.select([
			'a.id',
			'a.profile',
			'a.frozen_identity',
			'a.client_id',
			'c.registered_name as c_registered_name',
			'c.business_scope as c_business_scope',
			'o.registered_name as o_registered_name',
			'o.business_scope as o_business_scope'
		])
		.execute();
	const conflicts = await db
		.selectFrom('identity_conflicts')
		.select(['assessment_id', 'field', 'profile_value'])
		.where('resolved_at', 'is', null)
		.execute();
	for (const r of rows) {
		const profile = parse(r.profile);
		const frozen = r.frozen_identity ? parse(r.frozen_identity) : null;
		for (const { field, frozen: key } of FIELDS) {
			const own = conflicts.find((c) => c.assessment_id === r.id && c.field === field);
			const value =
				own?.profile_value ??
				(frozen ? text(frozen[key]) : text(r.client_id ? r[`c_${field}`] : r[`o_${field}`]));
			if (value !== null) profile[field] = value;
		}
		await db
			.updateTable('assessments')
			.set({ profile: JSON.stringify(profile) })
			.where('id', '=', r.id)
			.execute();
	}
	await db.schema.dropTable('identity_conflicts').execute();
	await db.schema.alterTable('assessments').dropColumn('frozen_identity').execute();
	await db.schema.alterTable('organisations').dropColumn('business_scope').execute();
	await db.schema.alterTable('organisations').dropColumn('registered_name').execute();
	await db.schema.alterTable('clients').dropColumn('business_scope').execute();
}
