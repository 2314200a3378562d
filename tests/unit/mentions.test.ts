import { describe, expect, it } from 'vitest';
import { mentionedMembers } from '../../src/lib/domain/mentions';

const members = [
	{ name: '王芳', email: 'wang.fang@example.com' },
	{ name: 'Li Lei', email: 'li@example.com' },
	{ name: 'Li', email: 'li.other@example.com' },
	{ name: '李雷', email: 'lilei@example.com' },
	{ name: '李', email: 'li.surname@example.com' }
];

describe('mentionedMembers', () => {
	it('matches a member by email or by name, any case', () => {
		expect(mentionedMembers('@WANG.FANG@example.com 请补充', members)).toEqual([members[0]]);
		expect(mentionedMembers('请 @王芳 上传董事会决议', members)).toEqual([members[0]]);
		expect(mentionedMembers('cc @li lei, thanks', members)).toEqual([members[1]]);
	});

	it('matches a Chinese name followed directly by text, the longest that fits', () => {
		expect(mentionedMembers('@李雷请补充证据', members)).toEqual([members[3]]);
		expect(mentionedMembers('@李雷 请补充', members)).toEqual([members[3]]);
		expect(mentionedMembers('请@王芳和@李雷核对', members)).toEqual([members[0], members[3]]);
		expect(mentionedMembers('@李先生请补充', members)).toEqual([members[4]]);
		expect(mentionedMembers('@韩梅梅请补充', members)).toEqual([]);
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
