import { isCalendarDate } from '../domain/calendar-date';
import { m } from '$lib/paraglide/messages';
import { z } from 'zod';

const itemId = z.string().regex(/^[A-Z]{2,5}-\d{3}$/);
const date = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/)
	.refine(isCalendarDate, { error: () => m.err_date() });

export const evidenceFileParamsSchema = z.object({ id: z.uuid(), file_id: z.uuid() });

const evidenceFileSchema = z
	.object({
		id: z.uuid(),
		item_id: itemId,
		lineage_id: z.uuid(),
		version: z.number().int(),
		file_name: z.string(),
		content_type: z
			.string()
			.meta({ description: 'As declared by the uploader; downloads are typed by extension' }),
		size: z.number().int(),
		sha256: z.string().regex(/^[0-9a-f]{64}$/),
		uploaded_by: z.uuid().nullable(),
		uploaded_at: z.iso.datetime({ offset: true }),
		effective_on: date,
		expires_on: date.nullable(),
		review_status: z.enum(['pending', 'accepted', 'rejected']),
		needs_reconfirmation: z.boolean()
	})
	.meta({ id: 'EvidenceFile' });

export const evidenceFileListSchema = z
	.object({ files: z.array(evidenceFileSchema) })
	.meta({ id: 'EvidenceFileList' });

export const evidenceUploadedSchema = z
	.object({
		files: z.array(
			z.object({
				id: z.uuid(),
				file_name: z.string(),
				size: z.number().int(),
				sha256: z.string().regex(/^[0-9a-f]{64}$/),
				version: z.number().int()
			})
		)
	})
	.meta({ id: 'EvidenceUploaded' });

/** The multipart form of an upload, for the OpenAPI document (busboy reads it, not this schema). */
export const evidenceUploadFormSchema = z
	.object({
		file: z.array(z.string().meta({ format: 'binary' })).meta({
			description: 'One or more files (parts named `file`), up to EVIDENCE_SIZE_LIMIT each'
		}),
		effective_on: date.optional().meta({ description: 'YYYY-MM-DD; today when absent' }),
		expires_on: date.optional(),
		replaces: z.uuid().optional().meta({ description: 'A new version of this evidence file' })
	})
	.meta({ id: 'EvidenceUploadForm' });
