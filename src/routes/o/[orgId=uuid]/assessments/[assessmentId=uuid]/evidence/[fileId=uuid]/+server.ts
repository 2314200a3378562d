import { downloadEvidenceEndpoint } from '$lib/server/web/evidence/endpoints';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = downloadEvidenceEndpoint;
