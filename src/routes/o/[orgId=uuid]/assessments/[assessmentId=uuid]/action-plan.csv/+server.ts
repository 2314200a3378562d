import { actionPlanDownload } from '$lib/server/web/downloads/action-plan';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => actionPlanDownload(event, 'csv');
