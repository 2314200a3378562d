import { reportDownload } from '$lib/server/web/downloads/report-file';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => reportDownload(event, 'pdf');
