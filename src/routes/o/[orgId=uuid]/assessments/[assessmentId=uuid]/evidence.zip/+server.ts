import { error } from '@sveltejs/kit';
import { requireWholeAssessment } from '$lib/server/web/guards/assessment';
import { exportAssessment } from '$lib/server/assessments/transfer';
import { assessmentEvidenceFiles } from '$lib/server/evidence/files';
import { namedAttachment, safeFileName } from '$lib/server/web/downloads/content-disposition';
import { evidenceBundleStream } from '$lib/server/web/downloads/evidence-bundle';
import { runtime } from '$lib/server/web/runtime';
import { limitedDownload } from '$lib/server/web/throttle';
import type { RequestHandler } from './$types';

/** The assessment's JSON export with every evidence file, one zip: for whoever sees it whole. */
export const GET: RequestHandler = (event) =>
	limitedDownload(
		event,
		() => requireWholeAssessment(event),
		async ({ assessment }) => {
			const db = runtime().db;
			const exportJson = await exportAssessment(db, { orgId: assessment.orgId, id: assessment.id });
			if (!exportJson) error(404, 'Not found');
			const files = await assessmentEvidenceFiles(db, assessment);
			const date = exportJson.exported_at.slice(0, 10);
			return new Response(evidenceBundleStream(db, { exportJson, files }), {
				headers: {
					'content-type': 'application/zip',
					'content-disposition': namedAttachment(
						`evidence-${date}.zip`,
						`佐证材料-${safeFileName(assessment.title)}-${date}.zip`
					),
					'x-content-type-options': 'nosniff',
					'cache-control': 'private, no-store'
				}
			});
		}
	);
