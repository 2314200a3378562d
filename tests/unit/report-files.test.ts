import { describe, expect, it } from 'vitest';
import { reportContentDisposition } from '../../src/lib/server/web/downloads/content-disposition';
import { textRuns } from '../../src/lib/server/documents/pdf/text-runs';
import { joinInlines } from '../../src/lib/server/documents/pdf/pdfmake-patches/join-inlines';
import { breakLines, columnWidths, lineMemoSize } from '../../src/lib/server/documents/pdf/typeset';

describe('report file name', () => {
	it('gives an ASCII name and an RFC 5987 UTF-8 name without path or quote characters', () => {
		const cover = { firm: '浦江/数科 "A" 公司', date: '2026-11-22' };
		const header = reportContentDisposition({ lang: 'zh', edition: 'summary', cover });
		expect(header).toMatch(
			/^attachment; filename="gap-report-2026-11-22\.pdf"; filename\*=UTF-8''/
		);
		const encoded = header.split("UTF-8''")[1]!;
		expect(encoded).toMatch(/^[A-Za-z0-9%._~-]+$/);
		expect(decodeURIComponent(encoded)).toBe('差距报告-浦江_数科 _A_ 公司-2026-11-22.pdf');
	});

	it('names the file in the report’s language, both words in a bilingual one, and marks the full edition', () => {
		const cover = { firm: 'Pujiang Tech', date: '2026-11-22' };
		const utf8 = (h: string) => decodeURIComponent(h.split("UTF-8''")[1]!);
		expect(utf8(reportContentDisposition({ lang: 'en', edition: 'summary', cover }))).toBe(
			'gap-report-Pujiang Tech-2026-11-22.pdf'
		);
		expect(utf8(reportContentDisposition({ lang: 'both', edition: 'summary', cover }))).toBe(
			'差距报告-gap-report-Pujiang Tech-2026-11-22.pdf'
		);
		const full = reportContentDisposition({ lang: 'zh', edition: 'full', cover });
		expect(utf8(full)).toBe('差距报告-Pujiang Tech-2026-11-22-完整版.pdf');
		expect(full).toContain('filename="gap-report-2026-11-22-full.pdf"');
	});
});

describe('text runs', () => {
	it('keeps every character, in order, and breaks only where Unicode allows', () => {
		const text =
			'本机构已开展及拟开展的每一项金融业务，是否均在牌照范围内？Does every line operate under a licence?\n第二行';
		const runs = textRuns(text);
		expect(runs.map((r) => r.text).join('')).toBe(text);
		expect(runs.some((r) => r.text.startsWith('，') || r.text.startsWith('？'))).toBe(false);
		expect(runs.length).toBeLessThan(text.length / 3);
		expect(runs.find((r) => r.text.endsWith('\n'))).toMatchObject({ noWrap: false });
	});

	it('lets a word too wide for any column break anywhere', () => {
		expect(textRuns('x'.repeat(5000))).toEqual([
			{ text: 'x'.repeat(5000), wordBreak: 'break-all' }
		]);
		expect(textRuns('internationalisation ')).toEqual([
			{ text: 'internationalisation ', noWrap: false }
		]);
	});
});

describe('joining inlines', () => {
	const font = {};
	const inline = (text: string, x: number, extra = {}) => ({
		text,
		x,
		width: 10,
		font,
		fontSize: 9,
		color: '#000',
		link: null,
		...extra
	});
	it('draws adjacent same-style inlines as one and keeps differently styled ones apart', () => {
		const joined = joinInlines([
			inline('上', 0),
			inline('海', 10),
			inline('市', 20, { color: '#f00' }),
			inline('x', 40)
		]);
		expect(joined.map((i) => [i.text, i.x, i.width])).toEqual([
			['上海', 0, 20],
			['市', 20, 10],
			['x', 40, 10]
		]);
	});
});

describe('breaking lines', () => {
	it('remembers lines within a bound of characters, however many long notes pass through', () => {
		const note = (i: number) => `${i} ${'合规备注'.repeat(500)}`;
		for (let i = 0; i < 1_100; i++) breakLines(note(i), 300, 9);
		const { entries, chars } = lineMemoSize();
		expect(chars).toBeLessThanOrEqual(4_000_000);
		expect(entries).toBeLessThan(1_100);
		// The latest texts are still remembered: the same lines, not broken again.
		expect(breakLines(note(1_099), 300, 9)).toBe(breakLines(note(1_099), 300, 9));
	});

	const text =
		'本机构已开展及拟开展的每一项金融业务（支付、放贷与助贷、理财与财富管理、保险销售），是否均在牌照范围内？Does every line operate under a licence?\n\nA new paragraph.';

	it('keeps every character, fits the width, and never starts a line with closing punctuation', () => {
		const lines = breakLines(text, 200, 9.5);
		expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
		expect(lines.length).toBeGreaterThan(3);
		expect(lines.some((l) => /^[，。、；：？！）」]/.test(l))).toBe(false);
		expect(lines).toContain('');
		expect(lines.at(-1)).toBe('A new paragraph.');
	});

	it('breaks a word wider than the column between its characters', () => {
		const lines = breakLines('x'.repeat(500), 100, 9.5);
		expect(lines.length).toBeGreaterThan(5);
		expect(lines.join('')).toBe('x'.repeat(500));
	});

	it('gives a star column what the fixed columns and paddings leave', () => {
		expect(columnWidths([48, '*', 70], 500)).toEqual([48, 500 - 48 - 70 - 32, 70]);
	});
});

describe('download names and document titles built from stored text', () => {
	it('carry no control or direction character', async () => {
		const { namedAttachment, safeFileName } =
			await import('../../src/lib/server/web/downloads/content-disposition');
		const { xmlSafe } = await import('../../src/lib/server/documents/xml-text');
		for (const mark of ['\u202E', '\u2066', '\u200E', '\u200F', '\u061C'])
			expect(safeFileName(`Pujiang${mark}Tech`)).toBe('PujiangTech');
		const header = namedAttachment('x.pdf', 'report\u202Efdp.exe\n\u0007.pdf');
		expect(decodeURIComponent(header.split("UTF-8''")[1]!)).toBe('reportfdp.exe.pdf');
		expect(xmlSafe('Title\u200F\u061C\u202E 2026')).toBe('Title 2026');
	});
});
