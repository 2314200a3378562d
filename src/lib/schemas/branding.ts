import { m } from '$lib/paraglide/messages';
import { z } from './zod';

export const LOGO_MAX_BYTES = 512 * 1024;

/** The logo upload; its content (PNG or JPEG by magic bytes) is checked on the server after this. */
export const logoSchema = z.object({
	logo: z
		.instanceof(File, { error: () => m.branding_err_required() })
		.refine((f) => f.size > 0, { error: () => m.branding_err_required() })
		.refine((f) => f.size <= LOGO_MAX_BYTES, { error: () => m.branding_err_size() })
});
