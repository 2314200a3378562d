import { requireComparison } from '$lib/server/web/guards/comparison';
import { comparisonCsv } from '$lib/server/documents/comparison-csv';
import { namedAttachment } from '$lib/server/web/downloads/content-disposition';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const comparison = await requireComparison(event);
	const name = `comparison-${comparison.before.createdAt.slice(0, 10)}-${comparison.after.createdAt.slice(0, 10)}.csv`;
	return new Response(comparisonCsv(comparison), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': namedAttachment(name, name),
			'cache-control': 'private, no-store'
		}
	});
};
