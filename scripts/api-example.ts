/**
 * The API end to end with nothing but a token: creates a client and an assessment, answers it,
 * reads the verdict and downloads the PDF report and the XLSX action plan.
 *
 *   API_URL=http://localhost:3000 API_TOKEN=sr_… npx tsx scripts/api-example.ts [OUT_DIR]
 *
 * Prints one JSON line: the ids, the verdict and the files written. Exits 1 on any failure.
 */
import fs from 'node:fs';
import path from 'node:path';

const base = `${(process.env.API_URL ?? 'http://localhost:3000').replace(/\/$/, '')}/api/v1`;
const token = process.env.API_TOKEN;
if (!token)
	throw new Error(
		'set API_TOKEN (an owner creates one in Settings, or: cli admin create-token --as EMAIL)'
	);
const outDir = process.argv[2] ?? '.';

async function call(method: string, route: string, body?: unknown): Promise<Response> {
	const response = await fetch(base + route, {
		method,
		headers: {
			authorization: `Bearer ${token}`,
			...(body === undefined ? {} : { 'content-type': 'application/json' })
		},
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	if (!response.ok)
		throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
	return response;
}
const json = async <T>(method: string, route: string, body?: unknown): Promise<T> =>
	(await call(method, route, body)).json() as Promise<T>;

const profile = JSON.parse(fs.readFileSync('examples/profile.json', 'utf8'));
const answers: Record<string, { status: string; note?: string }> = JSON.parse(
	fs.readFileSync('examples/answers.json', 'utf8')
);

const client = await json<{ id: string }>('POST', '/clients', {
	name: '浦江数科',
	registered_name: profile.registered_name
});
const assessment = await json<{ id: string }>('POST', '/assessments', {
	client_id: client.id,
	title: '2026 API 自评',
	profile
});
const before = await json<{ result: { applicable: string[] } }>(
	'GET',
	`/assessments/${assessment.id}`
);
// The example answers where it has one, and "compliant" for every other applicable item.
for (const itemId of before.result.applicable) {
	await call('PUT', `/assessments/${assessment.id}/answers/${itemId}`, {
		status: 'compliant',
		...answers[itemId]
	});
}
const after = await json<{ result: { verdict: string; complete: boolean } }>(
	'GET',
	`/assessments/${assessment.id}`
);

fs.mkdirSync(outDir, { recursive: true });
const files: string[] = [];
for (const [route, name] of [
	[`/assessments/${assessment.id}/report.pdf?lang=both`, 'report.pdf'],
	[`/assessments/${assessment.id}/action-plan.xlsx?lang=zh`, 'action-plan.xlsx']
] as const) {
	const file = path.join(outDir, name);
	fs.writeFileSync(file, new Uint8Array(await (await call('GET', route)).arrayBuffer()));
	files.push(file);
}
console.log(
	JSON.stringify({
		client_id: client.id,
		assessment_id: assessment.id,
		answered: before.result.applicable.length,
		complete: after.result.complete,
		verdict: after.result.verdict,
		files
	})
);
