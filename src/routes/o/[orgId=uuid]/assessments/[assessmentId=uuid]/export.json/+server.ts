import { error } from '@sveltejs/kit';
import { requireAssessment } from '$lib/server/web/guards/assessment';
import { exportAssessment } from '$lib/server/assessments/transfer';
import { namedAttachment, safeFileName } from '$lib/server/web/downloads/content-disposition';
import { runtime } from '$lib/server/web/runtime';
import { heavyReadWait, rememberedHeavyReadWait } from '$lib/server/web/throttle';
import { m } from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

const tooMany = (seconds: number) =>
	new Response(m.heavy_read_too_many({ seconds }), {
		status: 429,
		headers: { 'content-type': 'text/plain; charset=utf-8' }
	});

export const GET: RequestHandler = async (event) => {
	const remembered = rememberedHeavyReadWait(event);
	if (remembered !== null) return tooMany(remembered);
	const { assessment, membership, user } = await requireAssessment(
		event,
		event.params.orgId,
		event.params.assessmentId,
		'view',
		{ wholeAssessment: true }
	);
	const wait = await heavyReadWait(event, { userId: user.id, orgId: membership.orgId });
	if (wait !== null) return tooMany(wait);
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
};
