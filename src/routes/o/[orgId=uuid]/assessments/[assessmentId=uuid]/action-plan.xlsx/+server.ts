import { actionPlanDownload } from '$lib/server/report/action-plan-download';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => actionPlanDownload(event, 'xlsx');
