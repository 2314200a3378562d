import { requiredText, uuid, z } from './zod';

export const apiTokenScopes = ['role', 'read_write', 'read_only'] as const;
/** The lifetimes offered, in days; 90 by default. */
export const apiTokenLifetimes = ['7', '30', '90', '180', '365'] as const;

export const createApiTokenSchema = z.object({
	name: requiredText(100),
	scope: z.enum(apiTokenScopes).default('role'),
	lifetimeDays: z.enum(apiTokenLifetimes).default('90'),
	/** Re-authentication: the password, or with two-factor a current code (the server says which). */
	currentPassword: z.string().max(200).default(''),
	code: z.string().trim().max(40).default('')
});
export const revokeApiTokenSchema = z.object({ tokenId: uuid() });
