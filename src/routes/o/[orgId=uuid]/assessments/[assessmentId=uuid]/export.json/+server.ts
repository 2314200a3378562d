import { error } from '@sveltejs/kit';
import { requireWholeAssessment } from '$lib/server/web/guards/assessment';
import { exportAssessment } from '$lib/server/assessments/transfer';
import { namedAttachment, safeFileName } from '$lib/server/web/downloads/content-disposition';
import { runtime } from '$lib/server/web/runtime';
import { limitedDownload } from '$lib/server/web/throttle';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	limitedDownload(
		event,
		() => requireWholeAssessment(event),
		async ({ assessment }) => {
			const data = await exportAssessment(runtime().db, {
				orgId: assessment.orgId,
				id: assessment.id
			});
			if (!data) error(404, 'Not found');
			const date = data.exported_at.slice(0, 10);
			return new Response(JSON.stringify(data, null, 2), {
				headers: {
					'content-type': 'application/json; charset=utf-8',
					'content-disposition': namedAttachment(
						`assessment-${date}.json`,
						`评估-${safeFileName(assessment.title)}-${date}.json`
					),
					'cache-control': 'private, no-store'
				}
			});
		}
	);
