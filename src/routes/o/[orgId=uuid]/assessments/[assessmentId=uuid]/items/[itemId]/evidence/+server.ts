import { uploadEvidenceEndpoint } from '$lib/server/web/evidence/endpoints';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = uploadEvidenceEndpoint;
