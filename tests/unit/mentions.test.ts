import { describe, expect, it } from 'vitest';
import { mentionedMembers } from '../../src/lib/domain/mentions';

const members = [
	{ name: '王芳', email: 'wang.fang@example.com' },
	{ name: 'Li Lei', email: 'li@example.com' },
	{ name: 'Li', email: 'li.other@example.com' }
];

describe('mentionedMembers', () => {
	it('matches a member by email or by name, any case', () => {
		expect(mentionedMembers('@WANG.FANG@example.com 请补充', members)).toEqual([members[0]]);
		expect(mentionedMembers('请 @王芳 上传董事会决议', members)).toEqual([members[0]]);
		expect(mentionedMembers('cc @li lei, thanks', members)).toEqual([members[1]]);
	});

	it('does not match a longer name or address that only starts like a member’s', () => {
		expect(mentionedMembers('@Lily please check', members)).toEqual([]);
		expect(mentionedMembers('@li@example.com.cn', members)).toEqual([]);
	});

	it('matches nobody for an outsider or plain text', () => {
		expect(mentionedMembers('@stranger@example.com', members)).toEqual([]);
		expect(mentionedMembers('wang.fang@example.com without the at sign', members)).toEqual([]);
	});
});
