import { email, password, z } from './zod';

/** The code mailed to verify an address: eight letters and digits, typed with or without spaces. */
export const verifyCodeSchema = z.object({
	code: z
		.string()
		.trim()
		.transform((v) => v.replace(/\s+/g, '').toUpperCase())
		.pipe(z.string().regex(/^[A-Z2-7]{8}$/))
});

/** A second factor: six digits from the app, or a recovery code. */
export const secondFactorSchema = z.object({
	code: z.string().trim().min(6).max(40)
});

export const enableTwoFactorSchema = z.object({
	key: z.string().min(20).max(60),
	// Turning two-factor on is re-authentication: a session left open is not enough (it would let
	// whoever holds it lock the owner out and make tokens with a key of their own).
	currentPassword: z.string().max(200).default(''),
	code: z
		.string()
		.trim()
		.regex(/^\d{6}$/)
});

export const resetRequestSchema = z.object({ email: email() });

export const resetPasswordSchema = z.object({
	newPassword: password(),
	secondFactor: z.string().trim().max(40).default('')
});

export const mailLanguageSchema = z.object({ language: z.enum(['zh', 'en']) });

export const changeEmailSchema = z.object({
	newEmail: email(),
	emailPassword: z.string().min(1).max(200)
});

export const deleteAccountSchema = z.object({ deletePassword: z.string().min(1).max(200) });

export const requireTwoFactorSchema = z.object({ required: z.boolean().default(false) });

export const memberTwoFactorSchema = z.object({ memberId: z.uuid() });
