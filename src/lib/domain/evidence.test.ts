import { describe, expect, it } from 'vitest';
import {
	cleanContentType,
	cleanFileName,
	downloadContentType,
	evidenceExpiry,
	latestVersions,
	type EvidenceFile
} from './evidence';

describe('evidence file names', () => {
	it('keeps the last part of a path only', () => {
		expect(cleanFileName('../../etc/passwd')).toBe('passwd');
		expect(cleanFileName('C:\\Users\\王芳\\合同.pdf')).toBe('合同.pdf');
	});

	it('drops controls and direction overrides but keeps letters of any script', () => {
		expect(cleanFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
		expect(cleanFileName('ملف-שלום-文件.pdf')).toBe('ملف-שלום-文件.pdf');
		expect(cleanFileName('a\u0000b\nc.txt')).toBe('abc.txt');
	});

	it('shortens a long name to 200 characters, extension kept', () => {
		const name = cleanFileName(`${'长'.repeat(300)}.docx`);
		expect([...name].length).toBe(200);
		expect(name.endsWith('.docx')).toBe(true);
	});

	it('names what is left with nothing as "file", and hides nothing behind a leading dot', () => {
		expect(cleanFileName('../')).toBe('file');
		expect(cleanFileName('.htaccess')).toBe('htaccess');
	});
});

describe('evidence download types', () => {
	it('types by extension among evidence kinds, anything else as bytes', () => {
		expect(downloadContentType('a.PDF')).toBe('application/pdf');
		expect(downloadContentType('a.xlsx')).toMatch(/spreadsheetml/);
		expect(downloadContentType('a.html')).toBe('application/octet-stream');
		expect(downloadContentType('a.svg')).toBe('application/octet-stream');
		expect(downloadContentType('noext')).toBe('application/octet-stream');
	});

	it('keeps a declared type only when it looks like one', () => {
		expect(cleanContentType('Application/PDF; charset=x')).toBe('application/pdf');
		expect(cleanContentType('<script>')).toBe('application/octet-stream');
		expect(cleanContentType(undefined)).toBe('application/octet-stream');
	});
});

describe('evidence expiry', () => {
	it('is expired the day after its date, expiring within 30 days, valid otherwise', () => {
		expect(evidenceExpiry(null, '2026-12-01')).toBe('valid');
		expect(evidenceExpiry('2026-11-30', '2026-12-01')).toBe('expired');
		expect(evidenceExpiry('2026-12-01', '2026-12-01')).toBe('expiring');
		expect(evidenceExpiry('2026-12-31', '2026-12-01')).toBe('expiring');
		expect(evidenceExpiry('2027-01-01', '2026-12-01')).toBe('valid');
	});

	it('lists the latest version of each document', () => {
		const file = (id: string, lineageId: string, version: number, at: number) =>
			({ id, lineageId, version, uploadedAt: new Date(at) }) as EvidenceFile;
		const latest = latestVersions([
			file('a1', 'a', 1, 1),
			file('a2', 'a', 2, 3),
			file('b1', 'b', 1, 2)
		]);
		expect(latest.map((f) => f.id)).toEqual(['a2', 'b1']);
	});
});
