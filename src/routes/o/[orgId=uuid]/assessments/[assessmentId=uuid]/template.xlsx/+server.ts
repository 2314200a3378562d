import { error } from '@sveltejs/kit';
import { requireWholeAssessment } from '$lib/server/web/guards/assessment';
import { questionnaireTemplateXlsx } from '$lib/server/assessments/template';
import { namedAttachment, safeFileName } from '$lib/server/web/downloads/content-disposition';
import { requireReportLang } from '$lib/server/web/downloads/report-request';
import { runtime } from '$lib/server/web/runtime';
import { limitedDownload } from '$lib/server/web/throttle';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	limitedDownload(
		event,
		() => requireWholeAssessment(event),
		async ({ assessment }) => {
			const bytes = await questionnaireTemplateXlsx(runtime().db, {
				orgId: assessment.orgId,
				id: assessment.id,
				lang: requireReportLang(event)
			});
			if (!bytes) error(404, 'Not found');
			return new Response(bytes as Uint8Array<ArrayBuffer>, {
				headers: {
					'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
					'content-disposition': namedAttachment(
						'questionnaire-template.xlsx',
						`问卷模板-${safeFileName(assessment.title)}.xlsx`
					),
					'cache-control': 'private, no-store'
				}
			});
		}
	);
