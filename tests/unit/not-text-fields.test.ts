import { describe, expect, it } from 'vitest';
import {
	fieldWithInvalidUtf8,
	fieldWithNullCharacter
} from '../../src/lib/server/web/null-characters';

/** A multipart form of text fields and files, as raw bytes, the way a browser sends one. */
function multipart(parts: { name: string; value: Uint8Array | string; filename?: string }[]) {
	const boundary = '----formBoundary7MA4YWxk';
	const chunks = parts.flatMap((p) => [
		Buffer.from(
			`--${boundary}\r\ncontent-disposition: form-data; name="${p.name}"` +
				(p.filename ? `; filename="${p.filename}"\r\ncontent-type: application/octet-stream` : '') +
				'\r\n\r\n'
		),
		Buffer.from(p.value),
		Buffer.from('\r\n')
	]);
	const body = Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]);
	return () =>
		new Request('http://app.test/o/x/assessments/y?/importTemplate', {
			method: 'POST',
			headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
			body
		});
}

const binary = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0xfe, 0x00, 0xc3]);

describe('fields that are not text, in a multipart form', () => {
	it('ignores files, whatever bytes they hold, and passes ordinary text', async () => {
		const form = multipart([
			{ name: 'title', value: '2026 年度自评 ✓' },
			{ name: 'file', value: binary, filename: 'template.xlsx' },
			{ name: 'note', value: '' }
		]);
		expect(await fieldWithNullCharacter(form())).toBeNull();
		expect(await fieldWithInvalidUtf8(form())).toBeNull();
	});

	it('names the text field holding a NUL or bytes that are not UTF-8, beside a file', async () => {
		const nul = multipart([
			{ name: 'file', value: binary, filename: 'template.xlsx' },
			{ name: 'title', value: 'a\u0000b' }
		]);
		expect(await fieldWithNullCharacter(nul())).toBe('title');
		const latin1 = multipart([
			{ name: 'file', value: binary, filename: 'template.xlsx' },
			{ name: 'note', value: 'ok' },
			{ name: '说明', value: new Uint8Array([0x63, 0x61, 0x66, 0xe9]) }
		]);
		expect(await fieldWithInvalidUtf8(latin1())).toBe('说明');
	});
});
