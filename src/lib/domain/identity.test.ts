import { describe, expect, it } from 'vitest';
import {
	firmName,
	identityOfProfile,
	profileIdentity,
	profileWithIdentity,
	sameIdentityText,
	scopeProfile,
	type FirmIdentity
} from './identity';

const record: FirmIdentity = {
	registeredName: '上海浦江互联网金融信息服务有限公司',
	businessScope: '软件开发',
	name: '浦江数科',
	source: 'client'
};

describe('the firm’s identity', () => {
	it('is named by its registered name, else by the name it goes by', () => {
		expect(firmName(record)).toBe('上海浦江互联网金融信息服务有限公司');
		expect(firmName({ ...record, registeredName: null })).toBe('浦江数科');
	});

	it('fills a profile from the record, whatever the profile said', () => {
		const profile = { org_type: 'tech_company', registered_name: '浦江数科', business_scope: null };
		expect(scopeProfile(profile)).toEqual({ org_type: 'tech_company' });
		expect(profileWithIdentity(profile, record)).toEqual({
			org_type: 'tech_company',
			registered_name: '上海浦江互联网金融信息服务有限公司',
			business_scope: '软件开发'
		});
	});

	it('takes from a profile file only identity given as text', () => {
		expect(profileIdentity({ registered_name: ' 甲公司 ', business_scope: '' })).toEqual({
			registered_name: '甲公司'
		});
		expect(firmName(identityOfProfile({ registered_name: '  ' }, 'CLI'))).toBe('CLI');
	});

	it('treats spellings that differ in blanks or full-width forms as one name, nothing else', () => {
		expect(sameIdentityText('浦江数科（上海）有限公司', '浦江数科(上海)有限公司 ')).toBe(true);
		expect(sameIdentityText('浦江数科', '上海浦江互联网金融信息服务有限公司')).toBe(false);
		expect(sameIdentityText(null, '')).toBe(true);
	});
});
