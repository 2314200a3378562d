import { describe, expect, it } from 'vitest';
import { Browser, PASSWORD, signUp } from '../helpers/browser';
import { Api, createTokenInSettings } from '../helpers/api';
import { useTestDatabase } from '../helpers/database';
import { enableTwoFactor, totpCode } from '../helpers/totp';
import { linkIn, mailTo } from '../helpers/mail';
import { consultancy } from '../helpers/seed-assessment';
import { inviteMember, joinByInvitation } from '../helpers/consultancy';
import { authenticateApiToken, createApiToken } from '../../src/lib/server/auth/api-tokens';
import { changePassword } from '../../src/lib/server/auth/accounts';
import { hashPassword } from '../../src/lib/server/auth/password';
import { setRequireTwoFactor } from '../../src/lib/server/auth/org-policy';
import { audited } from '../../src/lib/server/db/audited';
import { updatePasswordHash } from '../../src/lib/server/db/queries/users';
import { insertMembership } from '../../src/lib/server/db/queries/organisations';

/** A loaded machine makes a multi-step journey slow; the steps themselves are quick. */
const SLOW = 180_000;

const NEW_PASSWORD = 'new horse battery staple';

describe('API tokens and the organisation’s two-factor requirement', () => {
	it(
		'refuses a token whose member has no two-factor once the organisation requires it',
		async () => {
			const owner = new Browser(undefined, { lang: 'en' });
			const { orgId } = await signUp(owner, { orgName: 'Two-factor Firm' });
			const token = await createTokenInSettings(owner, orgId, 'nightly');
			const api = new Api(token);
			expect((await api.get('/clients')).status).toBe(200);

			await enableTwoFactor(owner);
			const required = await owner.post(`/o/${orgId}/settings?/twoFactorPolicy`, {
				required: 'on'
			});
			expect(required.status).toBe(200);
			// With two-factor, the member's token works under the requirement.
			expect((await api.get('/clients')).status).toBe(200);

			// A second owner resets the first one's second factor (a lost phone): the member has none
			// now, and the requirement stands.
			const second = await joinByInvitation(await inviteMember(owner, orgId, 'owner'));
			await enableTwoFactor(second);
			const members = await second.get(`/o/${orgId}/members`);
			const memberId = members.body.match(/name="memberId" value="([0-9a-f-]{36})"/)![1]!;
			const reset = await second.post(`/o/${orgId}/members?/resetTwoFactor`, { memberId });
			expect(reset.status).toBe(200);
			const refused = await api.request('GET', '/clients', undefined, { 'accept-language': 'en' });
			expect(refused.status).toBe(403);
			expect(refused.json.error.code).toBe('two_factor_required');
			expect(refused.json.error.message).toContain('Two-factor Firm');
			expect(refused.json.error.message).toContain('two-factor authentication');
			const zh = await api.request('GET', '/clients', undefined, { 'accept-language': 'zh-CN' });
			expect(zh.status).toBe(403);
			expect(zh.json.error.code).toBe('two_factor_required');
			expect(zh.json.error.message).toContain('两步验证');
		},
		SLOW
	);
});

describe('making an API token asks the person to prove it is them', () => {
	it(
		'wants the current password, and refuses a missing or wrong one',
		async () => {
			const owner = new Browser(undefined, { lang: 'en' });
			const { orgId } = await signUp(owner);
			const settings = await owner.get(`/o/${orgId}/settings`);
			expect(settings.body).toContain('name="currentPassword"');
			const missing = await owner.post(`/o/${orgId}/settings?/createToken`, { name: 'x' });
			expect(missing.status).toBe(400);
			expect(missing.text).toContain('The current password is wrong.');
			expect(missing.body).not.toMatch(/sr_[a-z2-7]{52}/);
			const wrong = await owner.post(`/o/${orgId}/settings?/createToken`, {
				name: 'x',
				currentPassword: 'not the password at all'
			});
			expect(wrong.status).toBe(400);
			expect(wrong.body).not.toMatch(/sr_[a-z2-7]{52}/);
			expect(wrong.body).not.toContain('not the password at all');
			expect(await createTokenInSettings(owner, orgId, 'ok')).toMatch(/^sr_/);
		},
		SLOW
	);

	it(
		'wants a current code from a person with two-factor; the password alone is not enough',
		async () => {
			const owner = new Browser(undefined, { lang: 'en' });
			const { orgId } = await signUp(owner);
			const { key } = await enableTwoFactor(owner);
			const settings = await owner.get(`/o/${orgId}/settings`);
			expect(settings.body).toContain('name="code"');
			expect(settings.body).not.toContain('name="currentPassword"');
			const passwordOnly = await owner.post(`/o/${orgId}/settings?/createToken`, {
				name: 'x',
				currentPassword: PASSWORD
			});
			expect(passwordOnly.status).toBe(400);
			expect(passwordOnly.text).toContain('That code or recovery code is not right.');
			expect(passwordOnly.body).not.toMatch(/sr_[a-z2-7]{52}/);
			const token = await createTokenInSettings(owner, orgId, 'with code', {
				code: totpCode(key, 1)
			});
			expect((await new Api(token).get('/clients')).status).toBe(200);
		},
		SLOW
	);
});

describe('a new password ends the person’s API tokens', () => {
	it(
		'revokes them when the password is changed, and says so',
		async () => {
			const owner = new Browser(undefined, { lang: 'en' });
			const { orgId } = await signUp(owner);
			const api = new Api(await createTokenInSettings(owner, orgId, 'erp'));
			expect((await api.get('/clients')).status).toBe(200);
			const changed = await owner.post('/account?/password', {
				currentPassword: PASSWORD,
				newPassword: NEW_PASSWORD,
				confirmPassword: NEW_PASSWORD
			});
			expect(changed.status).toBe(200);
			expect(changed.text).toContain('Your API token has been revoked with it');
			expect((await api.get('/clients')).status).toBe(401);
			expect((await owner.get(`/o/${orgId}/settings`)).text).not.toContain('erp');
		},
		SLOW
	);

	it(
		'revokes them when the password is reset through the mailed link, and says so',
		async () => {
			const owner = new Browser(undefined, { lang: 'en' });
			const { orgId, email } = await signUp(owner);
			const first = new Api(await createTokenInSettings(owner, orgId, 'one'));
			const second = new Api(await createTokenInSettings(owner, orgId, 'two'));
			expect((await new Browser().post('/reset-password', { email })).status).toBe(200);
			const link = linkIn(
				await mailTo(email, (m) => m.text.includes('/reset-password/')),
				'/reset-password/'
			);
			const browser = new Browser(undefined, { lang: 'en' });
			const done = await browser.post(link, { newPassword: NEW_PASSWORD });
			expect(done.status).toBe(303);
			expect(done.location).toBe('/account?reset=1&tokens=2');
			expect((await browser.get(done.location!)).text).toContain(
				'Your 2 API tokens have been revoked with it'
			);
			expect((await first.get('/clients')).status).toBe(401);
			expect((await second.get('/clients')).status).toBe(401);
		},
		SLOW
	);
});

describe('token services (PostgreSQL)', () => {
	const database = useTestDatabase('harden_tokens');

	it(
		'makes no token for a member without two-factor where the organisation requires it',
		async () => {
			const { db } = database();
			const { orgId, ownerId } = await consultancy(db, 'Policy Firm');
			const made = await createApiToken(
				db,
				{ userId: null },
				{ orgId, name: 'a', userId: ownerId }
			);
			if (!made.ok) throw new Error(made.reason);
			await setRequireTwoFactor(db, { userId: ownerId }, { orgId, required: true });
			expect(await authenticateApiToken(db, made.token)).toMatchObject({ twoFactorOwed: true });
			expect(
				await createApiToken(db, { userId: null }, { orgId, name: 'b', userId: ownerId })
			).toEqual({ ok: false, reason: 'two_factor_required' });
		},
		SLOW
	);

	it(
		'writes one audit row per token revoked by a password change, in its organisation',
		async () => {
			const { db } = database();
			const { orgId, ownerId } = await consultancy(db, 'Audit Firm');
			const other = await consultancy(db, 'Second Firm');
			const passwordHash = await hashPassword(PASSWORD);
			await audited(db, { userId: ownerId }, async (tx) => {
				await updatePasswordHash(tx, ownerId, passwordHash);
				await insertMembership(tx, { orgId: other.orgId, userId: ownerId, role: 'consultant' });
				tx.record({ action: 'test.setup', orgId: null, entity: { type: 'user', id: ownerId } });
			});
			const ids: string[] = [];
			for (const org of [orgId, other.orgId]) {
				const made = await createApiToken(
					db,
					{ userId: null },
					{ orgId: org, name: 'n', userId: ownerId }
				);
				if (!made.ok) throw new Error(made.reason);
				ids.push(made.id);
			}
			const result = await changePassword(
				db,
				{ userId: ownerId },
				{ currentPassword: PASSWORD, newPassword: NEW_PASSWORD, keepSessionId: 'none' }
			);
			expect(result).toEqual({ ok: true, tokensRevoked: 2 });
			const rows = await db
				.selectFrom('audit_log')
				.select(['entity_id', 'org_id', 'new_value', 'actor_id'])
				.where('action', '=', 'api_token.revoked')
				.where('entity_id', 'in', ids)
				.execute();
			expect(rows.map((r) => r.org_id).sort()).toEqual([orgId, other.orgId].sort());
			for (const row of rows) {
				expect(row.actor_id).toBe(ownerId);
				expect(JSON.stringify(row.new_value)).toContain('password_changed');
			}
		},
		SLOW
	);
});
