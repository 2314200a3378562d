import { requiredText, uuid, z } from './zod';

export const createApiTokenSchema = z.object({ name: requiredText(100) });
export const revokeApiTokenSchema = z.object({ tokenId: uuid() });
