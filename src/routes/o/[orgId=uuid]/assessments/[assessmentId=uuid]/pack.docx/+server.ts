import { packDownload } from '$lib/server/web/downloads/pack-file';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => packDownload(event, 'docx');
