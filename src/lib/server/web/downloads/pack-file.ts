import { error, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { packQuerySchema } from '$lib/schemas/pack';
import type { Database } from '../../db/connection';
import type { AssessmentRecord } from '../../db/queries/assessments';
import { packFile, type PackFormat } from '../../pack/service';
import { requireAssessment } from '../guards/assessment';
import { runtime } from '../runtime';
import { namedAttachment } from './content-disposition';

const CONTENT_TYPES = {
	pdf: 'application/pdf',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
} as const;

export function parsePackQuery(url: URL) {
	return packQuerySchema.safeParse({
		lang: url.searchParams.get('lang') ?? undefined,
		edition: url.searchParams.get('edition') ?? undefined
	});
}

/** The filing pack as a Word or PDF response, never cached by browsers or proxies. */
export async function packResponse(
	db: Database,
	input: {
		assessment: AssessmentRecord;
		lang: 'zh' | 'en';
		edition: 'full' | 'public';
		format: PackFormat;
	}
): Promise<Response> {
	const file = await packFile(db, input);
	return new Response(file.bytes as Uint8Array<ArrayBuffer>, {
		headers: {
			'content-type': CONTENT_TYPES[input.format],
			'content-length': String(file.bytes.byteLength),
			'content-disposition': namedAttachment(file.asciiName, file.fileName),
			'cache-control': 'private, no-store'
		}
	});
}

/** The web's pack download: whoever may download the gap report (view, whole assessment). */
export async function packDownload(
	event: RequestEvent<{ orgId: string; assessmentId: string }>,
	format: PackFormat
): Promise<Response> {
	const { assessment } = await requireAssessment(
		event,
		event.params.orgId,
		event.params.assessmentId,
		'view',
		{ wholeAssessment: true }
	);
	const query = parsePackQuery(event.url);
	if (!query.success)
		error(
			400,
			query.error.issues[0]?.path[0] === 'edition' ? m.report_err_edition() : m.report_err_lang()
		);
	return packResponse(runtime().db, { assessment, ...query.data, format });
}
