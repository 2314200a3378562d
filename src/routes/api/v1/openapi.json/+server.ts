import { jsonResponse } from '$lib/server/web/api/http';
import { buildOpenApiDocument } from '$lib/server/web/api/openapi';
import { apiRoutes } from '$lib/server/web/api/registry';
import type { RequestHandler } from './$types';

/** Public: the document describes the API, it holds no organisation's data. */
export const GET: RequestHandler = () => jsonResponse(buildOpenApiDocument(apiRoutes()));
