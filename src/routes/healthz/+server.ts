import { json } from '@sveltejs/kit';
import { runtime } from '$lib/server/web/runtime';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => {
	const up = await runtime().ping();
	return json({ status: up ? 'ok' : 'unavailable', database: up }, { status: up ? 200 : 503 });
};
