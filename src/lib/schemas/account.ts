import { m } from '$lib/paraglide/messages';
import { email, optionalText, password, requiredText, z } from './zod';

export const orgKinds = ['firm', 'consultancy'] as const;
export const roles = ['owner', 'consultant', 'respondent', 'viewer'] as const;

export const signUpSchema = z.object({
	name: requiredText(100),
	email: email(),
	password: password(),
	// Empty only for someone joining by an invitation link (the action checks which).
	orgName: optionalText(200),
	orgKind: z.enum(orgKinds).default('firm')
});

export const logInSchema = z.object({
	email: email(),
	password: z.string().min(1).max(200)
});

export const changePasswordSchema = z
	.object({
		currentPassword: z.string().min(1).max(200),
		newPassword: password(),
		confirmPassword: z.string().min(1).max(200)
	})
	.refine((v) => v.newPassword === v.confirmPassword, {
		path: ['confirmPassword'],
		error: () => m.err_password_mismatch()
	});

export const createOrgSchema = z.object({
	name: requiredText(200),
	kind: z.enum(orgKinds).default('firm')
});

export const inviteSchema = z.object({
	role: z.enum(roles).default('respondent'),
	// An invitation is for one person: accepting it takes an account with this verified address.
	email: email(),
	// The language of the invitation mail.
	language: z.enum(['zh', 'en']).default('zh'),
	// A respondent's reach; the service checks that they belong to the organisation.
	clientId: z.union([z.literal(''), z.uuid()]).default(''),
	assessmentId: z.union([z.literal(''), z.uuid()]).default(''),
	domains: z
		.array(z.string().regex(/^[a-z_]{2,50}$/))
		.max(50)
		.default([])
});

export const memberRoleSchema = z.object({
	userId: z.uuid(),
	role: z.enum(roles)
});

export const memberSchema = z.object({ userId: z.uuid() });
export const revokeInviteSchema = z.object({ invitationId: z.uuid() });
export const resendInviteSchema = z.object({ invitationId: z.uuid() });
export const switchOrgSchema = z.object({ orgId: z.uuid() });

export const languageSchema = z.object({
	lang: z.enum(['zh', 'en']),
	/** Whether the Chinese interface shows the corpus's English summaries; absent leaves it as it is. */
	english: z.enum(['show', 'hide']).optional(),
	redirectTo: z.string().max(2000).default('/')
});
