/**
 * Scale: 1,000 organisations, 20,000 assessments, 2 million answers on PostgreSQL, seeded with bulk
 * SQL; then the server's time for the main pages (Server-Timing) and the query plans behind them.
 *
 *   npm run build && npm run bench:scale
 *
 * A scratch database is created on TEST_POSTGRES_URL's server (default 127.0.0.1:5432) and dropped.
 */
import pg from 'pg';
import { Browser, signUp } from '../tests/helpers/browser';
import { saveProfile, startAssessment } from '../tests/helpers/assessment';
import { benchServer, figures, machine, ms, serverTime } from './bench-common';

const ORGS = Number(process.env.BENCH_ORGS ?? 1000);
const ASSESSMENTS_PER_ORG = Number(process.env.BENCH_ASSESSMENTS_PER_ORG ?? 20);
const ANSWERS_PER_ASSESSMENT = Number(process.env.BENCH_ANSWERS_PER_ASSESSMENT ?? 100);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 30);
/** The bench user's consultancy: its clients, each with this many assessments (latest is shown). */
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const ASSESSMENTS_PER_CLIENT = Number(process.env.BENCH_ASSESSMENTS_PER_CLIENT ?? 3);

interface Scene {
	orgId: string;
	base: string;
	assessmentId: string;
	/** The ids the assessments list shows, whose answers it reads in one query. */
	listedIds: string[];
	/** A consultancy (seeded) the bench user owns, with CLIENTS clients. */
	consultancyId: string;
}

/** The pages timed. Another page is one more line. */
const PAGES: { name: string; path: (s: Scene) => string }[] = [
	{ name: 'assessments list', path: (s) => `/o/${s.orgId}/assessments` },
	{ name: 'organisation home', path: (s) => `/o/${s.orgId}` },
	{ name: 'questionnaire', path: (s) => `${s.base}/questionnaire` },
	{ name: 'item page', path: (s) => `${s.base}/items/LIC-001` },
	{ name: 'result', path: (s) => `${s.base}/result` },
	{ name: 'consultancy dashboard', path: (s) => `/o/${s.consultancyId}` }
];

/** The main queries behind those pages, as Kysely sends them, for EXPLAIN (ANALYZE). */
const QUERIES: { name: string; sql: (s: Scene) => string; params: (s: Scene) => unknown[] }[] = [
	{
		name: 'assessments of an organisation (list)',
		sql: () => 'select * from assessments where org_id = $1 order by created_at desc',
		params: (s) => [s.orgId]
	},
	{
		name: 'answers of the listed assessments (list figures)',
		sql: (s) =>
			`select * from answers where assessment_id in (${s.listedIds.map((_, i) => `$${i + 1}`).join(', ')}) order by item_id`,
		params: (s) => s.listedIds
	},
	{
		name: 'one assessment, scoped to its organisation',
		sql: () => 'select * from assessments where org_id = $1 and id = $2',
		params: (s) => [s.orgId, s.assessmentId]
	},
	{
		name: 'answers of one assessment (questionnaire, result)',
		sql: () => 'select * from answers where assessment_id = $1 order by item_id',
		params: (s) => [s.assessmentId]
	},
	{
		name: 'one answer (save)',
		sql: () => `select * from answers where assessment_id = $1 and item_id = 'LIC-001'`,
		params: (s) => [s.assessmentId]
	},
	{
		name: 'clients of a consultancy (dashboard)',
		sql: () => 'select * from clients where org_id = $1 order by name',
		params: (s) => [s.consultancyId]
	},
	{
		name: 'memberships of a user (every page)',
		sql: () =>
			'select * from memberships where user_id = (select user_id from memberships where org_id = $1 limit 1)',
		params: (s) => [s.orgId]
	}
];

async function seed(client: pg.Client, scene: Scene): Promise<void> {
	const started = performance.now();
	const step = async (label: string, sql: string, params: unknown[] = []) => {
		const t = performance.now();
		const result = await client.query(sql, params);
		console.log(
			`  ${label}: ${result.rowCount ?? 0} rows, ${((performance.now() - t) / 1000).toFixed(1)} s`
		);
	};
	// The bench's own firm keeps its real profile and corpus version; every seeded assessment copies them.
	const items = (
		await client.query<{ ids: string[] }>(
			`select array(select jsonb_array_elements(content->'items')->>'id') as ids
			 from questionnaire_versions where hash = (select version_hash from assessments where id = $1)`,
			[scene.assessmentId]
		)
	).rows[0]!.ids.slice(0, ANSWERS_PER_ASSESSMENT);
	console.log(
		`seeding ${ORGS} organisations × ${ASSESSMENTS_PER_ORG} assessments × ${items.length} answers`
	);
	await client.query('set synchronous_commit = off');
	await step(
		'users',
		`insert into users (id, email, name, password_hash)
		 select gen_random_uuid(), 'seed-' || g || '@example.com', 'Seed ' || g, 'x' from generate_series(1, $1) g`,
		[ORGS - 1]
	);
	await step(
		'organisations',
		`insert into organisations (id, name, kind)
		 select gen_random_uuid(), '种子机构 ' || g, 'firm' from generate_series(1, $1) g`,
		[ORGS - 1]
	);
	await step(
		'memberships',
		`insert into memberships (org_id, user_id, role)
		 select o.id, u.id, 'owner' from
		   (select id, row_number() over (order by id) n from organisations where name like '种子机构 %') o
		   join (select id, row_number() over (order by id) n from users where email like 'seed-%') u using (n)`
	);
	await step(
		'assessments',
		`insert into assessments (id, org_id, title, version_hash, profile, profile_version, created_at, updated_at)
		 select gen_random_uuid(), o.id, '评估 ' || g, a.version_hash, a.profile, 1,
		        now() - g * interval '1 day', now() - g * interval '1 day'
		 from organisations o cross join generate_series(1, $2) g
		 cross join (select version_hash, profile from assessments where id = $1) a
		 where o.name like '种子机构 %'`,
		[scene.assessmentId, ASSESSMENTS_PER_ORG]
	);
	await step(
		"the bench firm's other assessments",
		`insert into assessments (id, org_id, title, version_hash, profile, profile_version)
		 select gen_random_uuid(), a.org_id, '评估 ' || g, a.version_hash, a.profile, 1
		 from generate_series(2, $2) g cross join (select * from assessments where id = $1) a`,
		[scene.assessmentId, ASSESSMENTS_PER_ORG]
	);
	// The bench user also owns a consultancy whose clients each have a few assessments, in one of
	// every state, for the dashboard (its latest per client, scored; overdue actions; in review).
	await step(
		'consultancy',
		`insert into organisations (id, name, kind) values ($1, '规模顾问有限公司', 'consultancy')`,
		[scene.consultancyId]
	);
	await step(
		'consultancy membership',
		`insert into memberships (org_id, user_id, role)
		 select $1, user_id, 'owner' from memberships where org_id = $2`,
		[scene.consultancyId, scene.orgId]
	);
	await step(
		'clients',
		`insert into clients (id, org_id, name)
		 select gen_random_uuid(), $1, '客户 ' || g from generate_series(1, $2) g`,
		[scene.consultancyId, CLIENTS]
	);
	await step(
		'client assessments',
		`insert into assessments (id, org_id, client_id, title, state, version_hash, profile, profile_version,
		                          created_at, updated_at)
		 select gen_random_uuid(), c.org_id, c.id, c.name || ' 评估 ' || g,
		        (array['draft','in_review','final'])[1 + (g % 3)], a.version_hash, a.profile, 1,
		        now() - g * interval '1 day', now() - g * interval '1 day'
		 from clients c cross join generate_series(1, $3) g
		 cross join (select version_hash, profile from assessments where id = $2) a
		 where c.org_id = $1`,
		[scene.consultancyId, scene.assessmentId, ASSESSMENTS_PER_CLIENT]
	);
	await step(
		'answers',
		`insert into answers (assessment_id, item_id, status, note, evidence, owner, due, version)
		 select a.id, i.item_id,
		        (array['compliant','partial','non_compliant','compliant'])[1 + (i.n % 4)],
		        '种子答案 ' || i.n, '[]'::jsonb, case when i.n % 4 in (1, 2) then '合规部' end,
		        case when i.n % 4 in (1, 2) then date '2027-03-31' end, 1
		 from assessments a cross join unnest($1::text[]) with ordinality as i(item_id, n)
		 on conflict do nothing`,
		[items]
	);
	await step('analyze', 'analyze');
	const counts = await client.query(
		`select (select count(*) from organisations) orgs, (select count(*) from assessments) assessments,
		        (select count(*) from answers) answers`
	);
	console.log(
		`  totals: ${JSON.stringify(counts.rows[0])}, ${((performance.now() - started) / 1000).toFixed(0)} s`
	);
}

async function main() {
	console.log(`machine: ${machine()}`);
	const bench = await benchServer('scale');
	const client = new pg.Client({ connectionString: bench.database.env.DATABASE_URL });
	await client.connect();
	try {
		const browser = new Browser(bench.server.baseUrl, { lang: 'zh' });
		const { orgId } = await signUp(browser, { orgName: '规模测试有限公司' });
		const base = await startAssessment(browser, orgId);
		await saveProfile(browser, base, 0);
		const scene: Scene = {
			orgId,
			base,
			assessmentId: base.split('/').pop()!,
			listedIds: [],
			consultancyId: crypto.randomUUID()
		};
		await seed(client, scene);
		scene.listedIds = (
			await client.query<{ id: string }>('select id from assessments where org_id = $1', [orgId])
		).rows.map((r) => r.id);

		console.log(
			`\nserver time (Server-Timing), ${SAMPLES} sequential requests each after 3 warm-ups:`
		);
		console.log('| page | p50 | p95 | max | bytes |\n|---|---|---|---|---|');
		for (const page of PAGES) {
			const times: number[] = [];
			let bytes = 0;
			for (let i = 0; i < SAMPLES + 3; i++) {
				const response = await fetch(bench.server.baseUrl + page.path(scene), {
					headers: { cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ') }
				});
				const body = await response.text();
				if (response.status !== 200) throw new Error(`${page.name}: ${response.status}`);
				if (i >= 3) times.push(serverTime(response.headers));
				bytes = body.length;
			}
			const f = figures(times, 0, 1);
			console.log(
				`| ${page.name} | ${ms(f.p50)} | ${ms(f.p95)} | ${ms(Math.max(...times))} | ${bytes} |`
			);
		}

		console.log('\nquery plans:');
		for (const query of QUERIES) {
			const plan = await client.query<{ 'QUERY PLAN': string }>(
				`explain (analyze, buffers off, costs off) ${query.sql(scene)}`,
				query.params(scene)
			);
			// Long id lists in the plans are cut: the plan's shape is what matters.
			const lines = plan.rows.map((r) =>
				r['QUERY PLAN'].replace(/'\{([^}]{60})[^}]*\}'/g, "'{$1…}'")
			);
			console.log(`\n-- ${query.name}\n${lines.join('\n')}`);
		}
	} finally {
		await client.end();
		await bench.close();
	}
}

await main();
