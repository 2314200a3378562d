import { TEMPLATE_LIMITS, type UploadLimit } from '../documents/uploads/limits';
import { m } from '../../paraglide/messages';

/** The refusal for an upload that hit a limit, naming the limit, in the reader's language. */
export function uploadLimitMessage(hit: UploadLimit | { limit: 'time' | 'memory' }): string {
	switch (hit.limit) {
		case 'sheets':
			return m.hostile_limit_sheets({ max: hit.max });
		case 'rows':
			return m.hostile_limit_rows({ max: hit.max });
		case 'cells':
			return m.hostile_limit_cells({ max: hit.max });
		case 'entries':
			return m.hostile_limit_entries({ max: hit.max });
		case 'decompressed_bytes':
			return m.hostile_limit_decompressed({ mb: Math.round(hit.max / 1024 / 1024) });
		case 'time':
			return m.hostile_limit_time({ seconds: Math.round(TEMPLATE_LIMITS.ms / 1000) });
		case 'memory':
			return m.hostile_limit_memory();
	}
}
