import { sql, type Kysely } from 'kysely';

/**
 * Evidence files, stored in the database so that a backup of it is a backup of the evidence and
 * every instance reads the same files.
 *
 * - evidence_blobs: the bytes of one file, once per organisation (deduplicated by SHA-256 within it,
 *   never across organisations), with the number of evidence_files rows that use it. A blob is
 *   pending (sha256 null) while its upload streams in; it becomes a stored blob, or is deleted, when
 *   the upload ends.
 * - evidence_chunks: the bytes, 256 KB a row, written and read one row at a time (never the whole
 *   file in memory).
 * - evidence_files: a file attached to an answer (name, type, version, uploader, dates, review).
 *   assessment_id has no cascade: an assessment is purged by releasing its evidence first
 *   (evidence/purge.ts), so the reference counts stay exact.
 * - evidence_requests: a reviewer asking for evidence on an item by a date; fulfilled by a file.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('evidence_blobs')
		.addColumn('id', 'uuid', (c) => c.primaryKey())
		.addColumn('org_id', 'uuid', (c) =>
			c.notNull().references('organisations.id').onDelete('cascade')
		)
		.addColumn('sha256', 'text')
		.addColumn('size', 'bigint', (c) => c.notNull().defaultTo(0))
		.addColumn('ref_count', 'integer', (c) =>
			c
				.notNull()
				.defaultTo(0)
				.check(sql`ref_count >= 0`)
		)
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema
		.createIndex('evidence_blobs_org_sha256_idx')
		.on('evidence_blobs')
		.columns(['org_id', 'sha256'])
		.unique()
		.where(sql.ref('sha256'), 'is not', null)
		.execute();
	await db.schema
		.createTable('evidence_chunks')
		.addColumn('blob_id', 'uuid', (c) =>
			c.notNull().references('evidence_blobs.id').onDelete('cascade')
		)
		.addColumn('seq', 'integer', (c) => c.notNull())
		.addColumn('data', 'bytea', (c) => c.notNull())
		.addPrimaryKeyConstraint('evidence_chunks_pk', ['blob_id', 'seq'])
		.execute();
	await db.schema
		.createTable('evidence_files')
		.addColumn('id', 'uuid', (c) => c.primaryKey())
		.addColumn('org_id', 'uuid', (c) =>
			c.notNull().references('organisations.id').onDelete('cascade')
		)
		.addColumn('assessment_id', 'uuid', (c) => c.notNull().references('assessments.id'))
		.addColumn('item_id', 'text', (c) => c.notNull())
		.addColumn('blob_id', 'uuid', (c) => c.notNull().references('evidence_blobs.id'))
		// The first version's id: every version of one document shares it.
		.addColumn('lineage_id', 'uuid', (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('file_name', 'text', (c) => c.notNull())
		.addColumn('content_type', 'text', (c) => c.notNull())
		.addColumn('size', 'bigint', (c) => c.notNull())
		.addColumn('sha256', 'text', (c) => c.notNull())
		.addColumn('uploaded_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('uploaded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('effective_on', 'date', (c) => c.notNull())
		.addColumn('expires_on', 'date')
		.addColumn('review_status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('pending')
				.check(sql`review_status in ('pending', 'accepted', 'rejected')`)
		)
		.addColumn('reviewed_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('reviewed_at', 'timestamptz')
		// Carried from a previous assessment after it expired: to be confirmed or replaced.
		.addColumn('needs_reconfirmation', 'boolean', (c) => c.notNull().defaultTo(false))
		.execute();
	await db.schema
		.createIndex('evidence_files_item_idx')
		.on('evidence_files')
		.columns(['assessment_id', 'item_id'])
		.execute();
	await db.schema
		.createIndex('evidence_files_blob_idx')
		.on('evidence_files')
		.column('blob_id')
		.execute();
	await db.schema
		.createTable('evidence_requests')
		.addColumn('id', 'uuid', (c) => c.primaryKey())
		.addColumn('org_id', 'uuid', (c) =>
			c.notNull().references('organisations.id').onDelete('cascade')
		)
		.addColumn('assessment_id', 'uuid', (c) =>
			c.notNull().references('assessments.id').onDelete('cascade')
		)
		.addColumn('item_id', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull())
		.addColumn('due_on', 'date')
		.addColumn('requested_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('requested_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('fulfilled_at', 'timestamptz')
		.addColumn('fulfilled_by_file_id', 'uuid', (c) =>
			c.references('evidence_files.id').onDelete('set null')
		)
		.execute();
	await db.schema
		.createIndex('evidence_requests_item_idx')
		.on('evidence_requests')
		.columns(['assessment_id', 'item_id'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('evidence_requests').execute();
	await db.schema.dropTable('evidence_files').execute();
	await db.schema.dropTable('evidence_chunks').execute();
	await db.schema.dropTable('evidence_blobs').execute();
}
