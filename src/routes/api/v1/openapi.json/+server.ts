import { jsonResponse } from '$lib/server/api/http';
import { buildOpenApiDocument } from '$lib/server/api/openapi';
import { apiRoutes } from '$lib/server/api/registry';
import type { RequestHandler } from './$types';

/** Public: the document describes the API, it holds no organisation's data. */
export const GET: RequestHandler = () => jsonResponse(buildOpenApiDocument(apiRoutes()));
