import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { Migrator } from 'kysely';
import { migrations } from '../../migrations/index';
import { openDatabase, type OpenedDatabase } from '../../src/lib/server/db/connection';
import { currentQuestionnaire, importCorpus } from '../../src/lib/server/corpus';
import { testCorpusCacheDir } from '../setup/databases';
import { findAssessment, type AssessmentRecord } from '../../src/lib/server/db/queries/assessments';
import { findClient } from '../../src/lib/server/db/queries/clients';
import { loadReportModel } from '../../src/lib/server/report/load-report';
import { loadAssessmentView } from '../../src/lib/server/assessments/service';
import { moveAssessment } from '../../src/lib/server/assessments/review';
import { editClient } from '../../src/lib/server/clients/service';
import { exportAssessment, importAssessment } from '../../src/lib/server/assessments/transfer';
import {
	listIdentityConflicts,
	resolveIdentityConflict
} from '../../src/lib/server/identity/service';
import { createScratchDatabase, testDbKind, type ScratchDatabase } from '../setup/databases';
import { baseProfile } from '../helpers/assessment';
import { createTokenInSettings, Api } from '../helpers/api';
import { consultancy, createClient, FINALISE_OVER } from '../helpers/consultancy';

// The case of issue 12: a client registered as the first name, an assessment profile saying the
// second. Before, the report's cover printed the first and its name check read the second.
const REGISTERED = '上海浦江互联网金融信息服务有限公司';
const PROFILE_NAME = '浦江数科';
const NAME_FINDING = '登记名称含有“互联网金融”。';

const BEFORE = '2026_11_22_000600_review';

describe('moving the firm’s identity to one record (migration)', () => {
	let scratch: ScratchDatabase;
	let database: OpenedDatabase;
	const db = () => database.db;
	const ids = {
		user: crypto.randomUUID(),
		consultancy: crypto.randomUUID(),
		firm: crypto.randomUUID(),
		pujiang: crypto.randomUUID(),
		lujiazui: crypto.randomUUID(),
		widths: crypto.randomUUID(),
		unnamed: crypto.randomUUID(),
		split: crypto.randomUUID()
	};
	const assessment: Record<string, string> = {};
	const actor = { userId: ids.user };
	const oldConflict = crypto.randomUUID();

	/** An assessment as the old schema stored it: identity inside the profile. */
	async function oldAssessment(
		key: string,
		orgId: string,
		clientId: string | null,
		identity: Record<string, string>,
		state: 'draft' | 'final' = 'draft'
	) {
		const id = crypto.randomUUID();
		assessment[key] = id;
		await db()
			.insertInto('assessments')
			.values({
				id,
				org_id: orgId,
				client_id: clientId,
				title: key,
				version_hash: currentQuestionnaire().hash,
				profile: JSON.stringify({ ...storedScope, ...identity }),
				profile_version: 1,
				state,
				created_by: ids.user
			})
			.execute();
	}
	const storedScope = Object.fromEntries(
		Object.entries(baseProfile)
			.filter(([k]) => k !== 'registered_name' && k !== 'business_scope')
			.map(([k, v]) => [k, v === 'true' ? true : v === 'false' ? false : v])
	);

	beforeAll(async () => {
		scratch = await createScratchDatabase(testDbKind(), 'identity-migration');
		database = await openDatabase({
			databaseUrl: scratch.env.DATABASE_URL ?? null,
			dataDir: scratch.env.DATA_DIR
		});
		const migrator = new Migrator({
			db: db(),
			provider: { getMigrations: async () => migrations }
		});
		const before = await migrator.migrateTo(BEFORE);
		if (before.error) throw before.error;
		await importCorpus(db(), { cacheDir: testCorpusCacheDir() });

		await db()
			.insertInto('users')
			.values({
				id: ids.user,
				email: `u-${ids.user}@example.com`,
				name: '周敏',
				password_hash: 'x'
			})
			.execute();
		await db()
			.insertInto('organisations')
			.values([
				{ id: ids.consultancy, name: '外滩合规咨询', kind: 'consultancy' },
				{ id: ids.firm, name: '浦江数科（自评）', kind: 'firm' }
			])
			.execute();
		const client = (id: string, name: string, registered: string | null) => ({
			id,
			org_id: ids.consultancy,
			name,
			registered_name: registered
		});
		await db()
			.insertInto('clients')
			.values([
				client(ids.pujiang, PROFILE_NAME, REGISTERED),
				client(ids.lujiazui, '陆家嘴智投', '上海陆家嘴智投科技有限公司'),
				client(ids.widths, '浦江数科（上海）', '浦江数科（上海）有限公司'),
				client(ids.unnamed, '临港链数', null),
				client(ids.split, '两个名字', null)
			])
			.execute();
		// Disagrees on the name; the business scope was never on the client.
		await oldAssessment('pujiang', ids.consultancy, ids.pujiang, {
			registered_name: PROFILE_NAME,
			business_scope: '软件开发；信息技术咨询服务'
		});
		await oldAssessment(
			'pujiangFinal',
			ids.consultancy,
			ids.pujiang,
			{ registered_name: PROFILE_NAME, business_scope: '软件开发；信息技术咨询服务' },
			'final'
		);
		// Agrees, but for blanks; agrees, but for full-width brackets.
		await oldAssessment('lujiazui', ids.consultancy, ids.lujiazui, {
			registered_name: ' 上海陆家嘴智投科技有限公司 '
		});
		await oldAssessment('widths', ids.consultancy, ids.widths, {
			registered_name: '浦江数科(上海)有限公司'
		});
		// An empty record and profiles that agree; an empty record and profiles that do not.
		await oldAssessment('unnamed1', ids.consultancy, ids.unnamed, {
			registered_name: '上海临港链数科技有限公司'
		});
		await oldAssessment('unnamed2', ids.consultancy, ids.unnamed, {
			registered_name: '上海临港链数科技有限公司'
		});
		await oldAssessment('splitA', ids.consultancy, ids.split, {
			registered_name: '甲科技有限公司'
		});
		await oldAssessment('splitB', ids.consultancy, ids.split, {
			registered_name: '乙科技有限公司'
		});
		// A firm assessing itself: no client record, its organisation takes the identity.
		await oldAssessment('firm', ids.firm, null, {
			registered_name: '上海浦江财富管理科技有限公司',
			business_scope: '数据处理服务'
		});

		// Rows the identity code wrote before the audit log named its entities (2026_12_01_121300).
		const identity = await migrator.migrateTo('2026_12_01_113000_firm_identity');
		if (identity.error) throw identity.error;
		await sql`
			insert into audit_log (org_id, assessment_id, actor_id, action, old_value, new_value) values
			(${ids.consultancy}, null, ${ids.user}, 'client.identity_updated', null,
				${JSON.stringify({ clientId: ids.lujiazui, registeredName: '上海陆家嘴智投科技有限公司' })}),
			(${ids.firm}, ${assessment.firm}, ${ids.user}, 'organisation.identity_updated', null, null),
			(${ids.consultancy}, ${assessment.pujiang}, ${ids.user}, 'identity.conflict_resolved', null,
				${JSON.stringify({ conflictId: oldConflict, choice: 'record' })})
		`.execute(db());

		const latest = await migrator.migrateToLatest();
		if (latest.error) throw latest.error;
	});
	afterAll(async () => {
		await database?.close();
		await scratch?.drop();
	});

	const client = (id: string) => findClient(db(), { orgId: ids.consultancy, id });
	const record = async (key: string, orgId = ids.consultancy) =>
		(await findAssessment(db(), { orgId, id: assessment[key]! })) as AssessmentRecord;

	it('keeps agreeing values once, on the record, and strips every profile', async () => {
		expect(await client(ids.pujiang)).toMatchObject({
			registeredName: REGISTERED,
			businessScope: '软件开发；信息技术咨询服务'
		});
		expect((await client(ids.lujiazui))?.registeredName).toBe('上海陆家嘴智投科技有限公司');
		expect((await client(ids.widths))?.registeredName).toBe('浦江数科（上海）有限公司');
		expect((await client(ids.unnamed))?.registeredName).toBe('上海临港链数科技有限公司');
		const firm = await db()
			.selectFrom('organisations')
			.select(['registered_name', 'business_scope'])
			.where('id', '=', ids.firm)
			.executeTakeFirstOrThrow();
		expect(firm).toEqual({
			registered_name: '上海浦江财富管理科技有限公司',
			business_scope: '数据处理服务'
		});
		for (const key of Object.keys(assessment)) {
			const a = await record(key, key === 'firm' ? ids.firm : ids.consultancy);
			expect(a.profile, key).not.toHaveProperty('registered_name');
			expect(a.profile, key).not.toHaveProperty('business_scope');
			expect(a.profile.target_sandbox, key).toBe('pboc_joint');
		}
		const moved = await db()
			.selectFrom('audit_log')
			.select('assessment_id')
			.where('action', '=', 'identity.moved_to_record')
			.execute();
		expect(moved).toHaveLength(Object.keys(assessment).length);
	});

	it('names the entity of every row written before the audit log did', async () => {
		const rows = await db()
			.selectFrom('audit_log')
			.select(['action', 'assessment_id', 'entity_type', 'entity_id'])
			.execute();
		for (const r of rows.filter((r) => r.action === 'identity.moved_to_record'))
			expect(r).toMatchObject({ entity_type: 'assessment', entity_id: r.assessment_id });
		const entity = (action: string) =>
			rows.filter((r) => r.action === action).map((r) => [r.entity_type, r.entity_id]);
		expect(entity('client.identity_updated')).toEqual([['client', ids.lujiazui]]);
		expect(entity('organisation.identity_updated')).toEqual([['organisation', ids.firm]]);
		expect(entity('identity.conflict_resolved')).toEqual([['identity_conflict', oldConflict]]);
	});

	it('keeps both values where they disagree and lists them for a person, picking neither', async () => {
		expect((await client(ids.split))?.registeredName).toBeNull();
		const conflicts = await listIdentityConflicts(db(), { orgId: ids.consultancy });
		const summary = conflicts
			.map((c) => [c.assessmentTitle, c.field, c.currentValue, c.profileValue, c.final])
			.sort();
		expect(summary).toEqual(
			[
				['pujiang', 'registered_name', REGISTERED, PROFILE_NAME, false],
				['pujiangFinal', 'registered_name', REGISTERED, PROFILE_NAME, true],
				['splitA', 'registered_name', null, '甲科技有限公司', false],
				['splitB', 'registered_name', null, '乙科技有限公司', false]
			].sort()
		);
		expect(await listIdentityConflicts(db(), { orgId: ids.firm })).toEqual([]);
		// A final assessment froze what its record held.
		expect((await record('pujiangFinal')).frozenIdentity).toEqual({
			registeredName: REGISTERED,
			businessScope: '软件开发；信息技术咨询服务',
			name: PROFILE_NAME,
			source: 'frozen'
		});
	});

	it('prints on the cover the name the name check reads; a rename changes a draft’s report, not a final one', async () => {
		const membership = { orgName: '外滩合规咨询', orgKind: 'consultancy' as const };
		const report = async (key: string) =>
			loadReportModel(db(), { assessment: await record(key), membership, lang: 'zh' });
		const nameChecked = async (key: string) =>
			(await loadAssessmentView(db(), await record(key))).evaluation.result.findings
				.filter((f) => f.fields.includes('registered_name'))
				.map((f) => f.term);

		for (const key of ['pujiang', 'pujiangFinal']) {
			const model = await report(key);
			expect(model.cover.firm, key).toBe(REGISTERED);
			expect(
				model.findings.map((f) => f.text.main),
				key
			).toContain(NAME_FINDING);
			expect(await nameChecked(key), key).toEqual(['互联网金融']);
			const answered = model.profile.find((p) => p.id === 'registered_name')?.answer?.main;
			expect(answered, key).toBe(REGISTERED);
		}

		const pujiang = (await client(ids.pujiang))!;
		await editClient(db(), actor, {
			client: pujiang,
			fields: { ...pujiang, registeredName: '上海浦江数字科技有限公司' }
		});
		const draft = await report('pujiang');
		expect(draft.cover.firm).toBe('上海浦江数字科技有限公司');
		expect(draft.findings.map((f) => f.text.main)).not.toContain(NAME_FINDING);
		expect(await nameChecked('pujiang')).toEqual([]);

		const signed = await report('pujiangFinal');
		expect(signed.cover.firm).toBe(REGISTERED);
		expect(signed.findings.map((f) => f.text.main)).toContain(NAME_FINDING);

		// Re-opening drops the frozen copy: the draft reads the record again; finalising freezes anew.
		const final = await record('pujiangFinal');
		expect(await moveAssessment(db(), actor, { assessment: final, transition: 'reopen' })).toEqual({
			ok: true
		});
		expect((await record('pujiangFinal')).frozenIdentity).toBeNull();
		expect((await report('pujiangFinal')).cover.firm).toBe('上海浦江数字科技有限公司');
		await moveAssessment(db(), actor, {
			assessment: await record('pujiangFinal'),
			transition: 'submit'
		});
		await moveAssessment(db(), actor, {
			assessment: await record('pujiangFinal'),
			transition: 'finalise'
		});
		expect((await record('pujiangFinal')).frozenIdentity?.registeredName).toBe(
			'上海浦江数字科技有限公司'
		);
	});

	it('resolves a conflict when a person chooses, audited; a value the record now holds settles the rest', async () => {
		const open = () => listIdentityConflicts(db(), { orgId: ids.consultancy, clientId: ids.split });
		const [a, b] = (await open()).sort((x, y) =>
			x.assessmentTitle.localeCompare(y.assessmentTitle)
		);
		expect(
			await resolveIdentityConflict(db(), actor, {
				orgId: ids.consultancy,
				conflictId: a!.id,
				choice: 'profile'
			})
		).toBe(true);
		expect((await client(ids.split))?.registeredName).toBe('甲科技有限公司');
		// Both drafts read the record now; the other one's value is still listed.
		expect((await open()).map((c) => [c.id, c.currentValue])).toEqual([[b!.id, '甲科技有限公司']]);
		// Twice, or from another organisation: refused.
		expect(
			await resolveIdentityConflict(db(), actor, {
				orgId: ids.consultancy,
				conflictId: a!.id,
				choice: 'record'
			})
		).toBe(false);
		expect(
			await resolveIdentityConflict(db(), actor, {
				orgId: ids.firm,
				conflictId: b!.id,
				choice: 'record'
			})
		).toBe(false);
		// Renaming the client to the other value settles it too.
		const split = (await client(ids.split))!;
		await editClient(db(), actor, {
			client: split,
			fields: { ...split, registeredName: '乙科技有限公司' }
		});
		expect(await open()).toEqual([]);
		const actions = await db()
			.selectFrom('audit_log')
			.select(['action', 'actor_id'])
			.where('assessment_id', 'in', [assessment.splitA!, assessment.splitB!])
			.where('action', '!=', 'identity.moved_to_record')
			.orderBy('id')
			.execute();
		expect(actions).toEqual([
			{ action: 'client.identity_updated', actor_id: ids.user },
			{ action: 'identity.conflict_resolved', actor_id: ids.user }
		]);

		// A final assessment: the choice corrects its frozen copy only, never the record.
		const [signed] = await listIdentityConflicts(db(), {
			orgId: ids.consultancy,
			assessmentId: assessment.pujiangFinal!
		});
		expect(signed).toMatchObject({
			final: true,
			currentValue: '上海浦江数字科技有限公司',
			profileValue: PROFILE_NAME
		});
		await resolveIdentityConflict(db(), actor, {
			orgId: ids.consultancy,
			conflictId: signed!.id,
			choice: 'profile'
		});
		expect((await record('pujiangFinal')).frozenIdentity?.registeredName).toBe(PROFILE_NAME);
		expect((await client(ids.pujiang))?.registeredName).toBe('上海浦江数字科技有限公司');
		expect((await record('pujiang')).frozenIdentity).toBeNull();
	});
	it('keeps the record and lists the file’s differing value when an export is imported for a client', async () => {
		const data = (await exportAssessment(db(), {
			orgId: ids.consultancy,
			id: assessment.lujiazui!
		}))!;
		expect(data.profile.registered_name).toBe('上海陆家嘴智投科技有限公司');
		const result = await importAssessment(db(), actor, {
			orgId: ids.consultancy,
			clientId: ids.pujiang,
			data,
			confirmOtherClient: true
		});
		expect(result.ok).toBe(true);
		const id = (result as { id: string }).id;
		expect((await client(ids.pujiang))?.registeredName).toBe('上海浦江数字科技有限公司');
		const listed = await listIdentityConflicts(db(), { orgId: ids.consultancy, assessmentId: id });
		expect(listed.map((c) => [c.field, c.currentValue, c.profileValue])).toEqual([
			['registered_name', '上海浦江数字科技有限公司', '上海陆家嘴智投科技有限公司']
		]);

		// Without a client it is the consultancy's own: its record is never filled from a file.
		const own = await importAssessment(db(), actor, {
			orgId: ids.consultancy,
			clientId: null,
			data,
			confirmOtherClient: true
		});
		const ownId = (own as { id: string }).id;
		expect(
			(await listIdentityConflicts(db(), { orgId: ids.consultancy, assessmentId: ownId })).map(
				(c) => [c.field, c.currentValue, c.profileValue]
			)
		).toEqual([['registered_name', null, '上海陆家嘴智投科技有限公司']]);
		const consultancyRecord = await db()
			.selectFrom('organisations')
			.select('registered_name')
			.where('id', '=', ids.consultancy)
			.executeTakeFirstOrThrow();
		expect(consultancyRecord.registered_name).toBeNull();
	});
});

describe('one identity for the profile form, the client page, the report and the API', () => {
	it('pre-fills the profile from the client record, saves it there, and every reader agrees', async () => {
		const { owner, orgId } = await consultancy('zh');
		const api = new Api(await createTokenInSettings(owner, orgId));
		const clientId = await createClient(owner, orgId, {
			name: PROFILE_NAME,
			registeredName: REGISTERED
		});
		const started = await owner.post(`/o/${orgId}/clients/${clientId}?/start`, {
			title: '2026 自评'
		});
		expect(started.status).toBe(303);
		const base = started.location!.replace(/\/profile$/, '');
		const id = base.split('/').pop()!;

		const form = await owner.get(`${base}/profile`);
		expect(form.body).toContain(`value="${REGISTERED}"`);
		expect(form.text).toContain(`保存在客户档案「${PROFILE_NAME}」中`);

		// The form posts the name as shown and a business scope typed in: both land on the client.
		const saved = await owner.post(`${base}/profile`, {
			version: '0',
			...baseProfile,
			registered_name: REGISTERED,
			was_registered_name: REGISTERED,
			business_scope: '软件开发；数据处理服务',
			was_business_scope: ''
		});
		expect(saved.status).toBe(303);
		const clientPage = await owner.get(`/o/${orgId}/clients/${clientId}`);
		expect(clientPage.text).toContain('软件开发；数据处理服务');

		const agree = async (name: string, finding: boolean, source: string) => {
			const print = await owner.get(`${base}/print?lang=zh`);
			expect(print.status).toBe(200);
			const cover = print.body.match(/<section class="cover[^"]*"[\s\S]*?<\/section>/)?.[0];
			expect(cover, 'cover').toContain(`>${name}<`);
			expect(print.text.includes(NAME_FINDING), 'name check').toBe(finding);
			const detail = await api.get(`/assessments/${id}`);
			expect(detail.json.firm).toEqual({
				name,
				registered_name: name,
				business_scope: '软件开发；数据处理服务',
				source
			});
			expect(detail.json.profile.registered_name).toBe(name);
			expect(
				detail.json.result.findings.some(
					(f: { fields: string[]; term: string }) =>
						f.fields.includes('registered_name') && f.term === '互联网金融'
				)
			).toBe(finding);
		};
		await agree(REGISTERED, true, 'client');

		// Renamed on the client page: the draft follows.
		const renamed = await owner.post(`/o/${orgId}/clients/${clientId}?/update`, {
			name: PROFILE_NAME,
			registeredName: '上海浦江数字科技有限公司',
			businessScope: '软件开发；数据处理服务',
			contact: '',
			notes: ''
		});
		expect(renamed.status).toBe(200);
		await agree('上海浦江数字科技有限公司', false, 'client');

		// A profile form opened before the rename does not undo it.
		const stale = await owner.post(`${base}/profile`, {
			version: '1',
			...baseProfile,
			registered_name: REGISTERED,
			was_registered_name: REGISTERED,
			business_scope: '软件开发；数据处理服务',
			was_business_scope: '软件开发；数据处理服务'
		});
		expect(stale.status).toBe(200);
		await agree('上海浦江数字科技有限公司', false, 'client');

		// Finalised, then the client renamed: the signed report keeps its name.
		expect((await owner.post(`${base}/review?/submit`, {})).status).toBe(200);
		expect((await owner.post(`${base}/review?/finalise`, FINALISE_OVER)).status).toBe(200);
		await owner.post(`/o/${orgId}/clients/${clientId}?/update`, {
			name: PROFILE_NAME,
			registeredName: REGISTERED,
			businessScope: '软件开发；数据处理服务',
			contact: '',
			notes: ''
		});
		await agree('上海浦江数字科技有限公司', false, 'frozen');
		const reopened = await owner.post(`${base}/review?/reopen`, {
			__superform_id: 'reopen',
			reason: '客户更名'
		});
		expect(reopened.status).toBe(200);
		await agree(REGISTERED, true, 'client');
	});

	it('answers 400 saying what is wrong with a bad choice, and 404 to another organisation', async () => {
		const { owner, orgId } = await consultancy('en');
		const bad = await owner.post(`/o/${orgId}/identity?/resolve`, {
			conflictId: 'nope',
			choice: 'both',
			next: ''
		});
		expect(bad.status).toBe(400);
		// In the reader's words, not the hidden field's key (conflictId): the stale record, the choice.
		expect(bad.text).toContain('This value is not valid.');
		expect(bad.text).toContain('Choose one of the listed options.');
		expect(bad.text).not.toContain('conflictId');
		const other = await consultancy('en');
		expect((await other.owner.get(`/o/${orgId}/identity`)).status).toBe(404);
		const page = await owner.get(`/o/${orgId}/identity`);
		expect(page.status).toBe(200);
		expect(page.text).toContain('No registered details are waiting for a choice.');
	});
});
