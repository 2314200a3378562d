import { seedsCorpus } from '../../src/lib/corpus/seeds-corpus';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAnswers, parseProfile } from '../../src/cli/assess-input';
import { buildReportModel, type ReportModel } from '../../src/lib/domain/report-model';
import { evaluateAssessment } from '../../src/lib/domain/result';
import { reportWords } from '../../src/lib/labels/report-words';
import { fonts } from '../../src/lib/server/documents/pdf/fonts';
import { styles } from '../../src/lib/server/documents/pdf/pdf-text';
import {
	assertPdfmakeVersion,
	PATCHED_FOR,
	pdfmakePatches,
	pdfmakePatchStatus
} from '../../src/lib/server/documents/pdf/pdfmake-patches';
import { fastItemStylePatch } from '../../src/lib/server/documents/pdf/pdfmake-patches/fast-item-style';
import { fastStyleLookupPatch } from '../../src/lib/server/documents/pdf/pdfmake-patches/fast-style-lookup';
import {
	definePatch,
	isPatched,
	pdfmakeClass
} from '../../src/lib/server/documents/pdf/pdfmake-patches/patch';
import { joinedStreamWritesPatch } from '../../src/lib/server/documents/pdf/pdfmake-patches/joined-stream-writes';
import { parsedColoursPatch } from '../../src/lib/server/documents/pdf/pdfmake-patches/parsed-colours';
import { rememberedBreaksPatch } from '../../src/lib/server/documents/pdf/pdfmake-patches/remembered-breaks';
import { measureOncePatch } from '../../src/lib/server/documents/pdf/pdfmake-patches/measure-once';
import { sharedLayoutRuns } from '../../src/lib/server/documents/pdf/pdfmake-patches/shared-layout-cache';
import {
	activePdfmakePatches,
	renderReportPdf
} from '../../src/lib/server/documents/pdf/render-pdf';
import { pdfFonts, pdfPages, pdfText, pdfTextObjects } from '../helpers/pdf';
import { formXObjects, streamsFilling, streamsPlacingFormIn } from '../helpers/report-pdf';
import { renderUnpatched } from '../helpers/unpatched-pdf';
import { WATERMARK_COLOUR } from '../../src/lib/server/documents/pdf/pdf-watermark';

const SLOW = 180_000;

/**
 * The bilingual report of examples/, full edition (every answer, the profile): a tech firm, most
 * items in scope, some answered.
 */
function exampleReport(): ReportModel {
	const corpus = seedsCorpus();
	const read = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));
	const profile = parseProfile('profile', read('examples/profile.json'), corpus.profileQuestions);
	const answers = parseAnswers('answers', read('examples/answers.json'), corpus);
	return buildReportModel(
		{
			corpus,
			evaluation: evaluateAssessment(corpus, 'a'.repeat(64), profile, answers),
			profile,
			answers,
			lang: 'both',
			firm: String(profile.registered_name),
			consultancy: null,
			assessor: 'Test',
			assessmentTitle: null,
			updatedAt: new Date('2026-11-22T00:00:00Z'),
			edition: 'full'
		},
		reportWords()
	);
}

/** pdffonts' table without its last column, the object number of each font. */
const withoutObjectIds = (table: string) => table.replace(/\s+\d+\s+\d+$/gm, '');

describe('pdfmake version fence', () => {
	it('pins pdfmake in package.json and the lock file to the version the patches were written for', () => {
		const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as {
			dependencies: Record<string, string>;
		};
		const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8')) as {
			packages: Record<string, { version: string }>;
		};
		expect(pkg.dependencies.pdfmake).toBe(PATCHED_FOR.pdfmake);
		expect(lock.packages['node_modules/pdfmake']?.version).toBe(PATCHED_FOR.pdfmake);
		expect(lock.packages['node_modules/pdfkit']?.version).toBe(PATCHED_FOR.pdfkit);
		expect(() => assertPdfmakeVersion()).not.toThrow();
	});

	it('refuses another pdfmake, naming the version written for and the one installed', () => {
		expect(() => assertPdfmakeVersion({ pdfmake: '0.3.12', pdfkit: PATCHED_FOR.pdfkit })).toThrow(
			/written for pdfmake 0\.3\.11, but pdfmake 0\.3\.12 is installed/
		);
		expect(() => assertPdfmakeVersion({ pdfmake: PATCHED_FOR.pdfmake, pdfkit: '0.20.0' })).toThrow(
			/written for pdfkit 0\.19\.1, but pdfkit 0\.20\.0 is installed/
		);
	});

	it('refuses to patch a method pdfmake does not have, or internals it no longer keeps', () => {
		const missing = definePatch<{ drawLine(): void }, 'drawLine'>({
			name: 'missing',
			module: 'pdfmake/js/Renderer',
			className: 'Renderer',
			method: 'drawLine',
			why: 'test',
			replace: (original) => original
		});
		expect(() => missing.apply()).toThrow(
			/Renderer\.drawLine does not exist in the installed pdfmake/
		);
		const changed = definePatch<{ renderLine(): void }, 'renderLine'>({
			name: 'changed',
			module: 'pdfmake/js/Renderer',
			className: 'Renderer',
			method: 'renderLine',
			why: 'test',
			assumes: () => 'a Line no longer keeps its `inlines`',
			replace: (original) => original
		});
		expect(() => changed.apply()).toThrow(/a Line no longer keeps its `inlines`/);
		expect(changed.status().active).toBe(false);
	});
});

describe('pdfmake patches', () => {
	it('are all active on pdfmake’s own prototypes once the renderer is loaded', () => {
		expect(activePdfmakePatches.map((s) => s.replaces).sort()).toEqual([
			'PDFDocument._normalizeColor',
			'PDFDocument.provideFont',
			'PDFDocument.ref',
			'Renderer.renderLine',
			'Renderer.renderVector',
			'StyleContextStack.getProperty',
			'StyleContextStack.getStyleProperty',
			'TextBreaker.getBreaks',
			'TextInlines.measure'
		]);
		expect(pdfmakePatchStatus().every((s) => s.active)).toBe(true);
		for (const patch of pdfmakePatches) {
			const Class = pdfmakeClass<{ prototype: Record<string, unknown> }>(patch.module);
			const holder = patch.isStatic
				? (Class as unknown as Record<string, unknown>)
				: Class.prototype;
			expect(holder[patch.method], patch.replaces).not.toBe(patch.original());
			expect(isPatched(patch.module, patch.method, patch.isStatic), patch.replaces).toBe(true);
		}
	});

	it('resolve every style property of the report as pdfmake does', () => {
		type Stack = {
			push(style: string | Record<string, unknown>): void;
			getProperty(property: string): unknown;
		};
		const Stack = pdfmakeClass<new (styles: object, defaultStyle: object) => Stack>(
			'pdfmake/js/StyleContextStack'
		);
		const original = fastStyleLookupPatch.original()!;
		// The report's styles, and one that `extends` another (pdfmake's own path).
		const dictionary = { ...styles, derived: { extends: ['h2', 'muted'], fontSize: 7 } };
		const defaultStyle = { font: 'NotoSansSC', fontSize: 9.5, lineHeight: 1.25, color: '#111' };
		const names = [...Object.keys(dictionary), 'unknown'];
		const properties = [
			...new Set([
				...Object.values(dictionary).flatMap((s) => Object.keys(s)),
				...Object.keys(defaultStyle),
				'alignment',
				'italics'
			])
		];
		const overrides: Record<string, unknown>[] = [
			{},
			{ bold: false },
			{ color: null, fontSize: 12 }
		];
		let compared = 0;
		for (const a of names)
			for (const b of names)
				for (const override of overrides) {
					const stack = new Stack(dictionary, defaultStyle);
					stack.push(a);
					stack.push(override);
					stack.push(b);
					for (const property of properties) {
						expect(
							stack.getProperty(property),
							`${a} ${JSON.stringify(override)} ${b} ${property}`
						).toEqual(original.call(stack, property));
						compared++;
					}
				}
		expect(compared).toBeGreaterThan(1000);
	});

	it('resolve every style property of a piece of text as pdfmake does', () => {
		type Stack = { push(style: string | Record<string, unknown>): void };
		type Resolve = (
			item: unknown,
			stack: Stack | null,
			property: string,
			fallback: unknown
		) => unknown;
		const Stack = pdfmakeClass<
			(new (styles: object, defaultStyle: object) => Stack) & { getStyleProperty: Resolve }
		>('pdfmake/js/StyleContextStack');
		const original = fastItemStylePatch.original()! as Resolve;
		const dictionary = { ...styles, derived: { extends: ['h2', 'muted'], fontSize: 7 } };
		const defaultStyle = { font: 'NotoSansSC', fontSize: 9.5, lineHeight: 1.25 };
		const properties = [
			...new Set([...Object.values(dictionary).flatMap((s) => Object.keys(s)), 'noWrap', 'font'])
		];
		const items: unknown[] = [
			'plain words',
			{},
			{ text: 'x', style: 'muted' },
			{ text: 'x', style: ['h2', 'alt'], bold: false },
			{ text: 'x', style: ['unknown', 'small'], color: null },
			{ text: 'x', style: 'derived' },
			{ text: 'x', style: 'h1', section: true },
			{ text: 'x', noWrap: true, fontSize: 0 }
		];
		let compared = 0;
		for (const outer of ['h1', 'label', 'unknown'])
			for (const item of items) {
				const stack = new Stack(dictionary, defaultStyle);
				stack.push(outer);
				stack.push({ color: '#333' });
				for (const property of properties) {
					const label = `${outer} ${JSON.stringify(item)} ${property}`;
					expect(Stack.getStyleProperty(item, stack, property, 'fallback'), label).toEqual(
						original.call(Stack, item, stack, property, 'fallback')
					);
					compared++;
				}
				expect(Stack.getStyleProperty(item, null, 'color', 'fallback')).toEqual(
					original.call(Stack, item, null, 'color', 'fallback')
				);
			}
		expect(compared).toBeGreaterThan(150);
	});

	it('measure every piece of text as pdfmake does, whatever its styles', () => {
		type Piece = Record<string, unknown> & { font?: { name: string } };
		type Stack = { push(style: string | Record<string, unknown>): void };
		const Stack = pdfmakeClass<new (styles: object, defaultStyle: object) => Stack>(
			'pdfmake/js/StyleContextStack'
		);
		const Inlines =
			pdfmakeClass<new (document: unknown) => { measure(pieces: Piece[], stack: Stack): Piece[] }>(
				'pdfmake/js/TextInlines'
			);
		const Breaker =
			pdfmakeClass<new () => { getBreaks(texts: unknown[], stack: Stack): Piece[] }>(
				'pdfmake/js/TextBreaker'
			);
		const Document = pdfmakeClass<new (fonts: object) => unknown>('pdfmake/js/PDFDocument');
		const original = measureOncePatch.original()!;
		const dictionary = { ...styles, derived: { extends: ['h2', 'muted'], fontSize: 7 } };
		const defaultStyle = { font: 'NotoSansSC', fontSize: 9.5, lineHeight: 1.25, color: '#111' };
		const texts: unknown[][] = [
			['合规差距报告 / Compliance gap report\n第二行', { text: ' 部分合规 ', style: 'muted' }],
			[{ text: 'x  ', style: ['h2', 'unknown'], bold: false, color: null }, '\n', 'y'],
			[{ text: '  lead', style: 'derived', leadingIndent: 6, preserveLeadingSpaces: true }],
			[
				{ text: 'sup', sup: true, fontSize: 8 },
				{ text: 'sec', section: true, style: 'h1' }
			],
			[{ text: 'no wrap line', noWrap: true, style: 'label' }, '\n', { text: '', lineHeight: 2 }]
		];
		const seen = (pieces: Piece[]) =>
			pieces.map(({ font, ...rest }) => ({ ...rest, font: font?.name }));
		let compared = 0;
		for (const outer of ['h1', 'label', 'unknown'])
			for (const text of texts) {
				const measured = [original, Inlines.prototype.measure].map((measure) => {
					const document = new Document(fonts);
					const stack = new Stack(dictionary, defaultStyle);
					stack.push(outer);
					stack.push({ color: '#333', bold: true });
					const pieces = new Breaker().getBreaks(structuredClone(text), stack);
					return seen(measure.call(new Inlines(document), pieces, stack) as Piece[]);
				});
				expect(measured[1], `${outer} ${JSON.stringify(text)}`).toEqual(measured[0]);
				compared += measured[0]!.length;
			}
		expect(compared).toBeGreaterThan(40);
	});

	it('break every text into the pieces pdfmake does, with the same styles and joins', () => {
		type Stack = { push(style: string | Record<string, unknown>): void };
		const Stack = pdfmakeClass<new (styles: object, defaultStyle: object) => Stack>(
			'pdfmake/js/StyleContextStack'
		);
		const Breaker =
			pdfmakeClass<new () => { getBreaks(texts: unknown, stack: Stack): unknown[] }>(
				'pdfmake/js/TextBreaker'
			);
		const original = rememberedBreaksPatch.original()!;
		const line = (text: string) => ({ text, noWrap: true, style: 'muted' });
		const inputs: unknown[] = [
			[
				line('已有部分制度，尚需完善并经管理'),
				'\n',
				line('层批准 / drafted; board'),
				'\n',
				line('approval pending.')
			],
			['部分合规 / Partially compliant', { text: 'x', style: 'h2' }, '合规', 'gap report'],
			[{ text: 'https://example.com/a/very/long/path', wordBreak: 'break-all' }, 'tail\r\nnext'],
			['two\nlines\n', '', 'end', 12, null, { text: null }],
			[line('abc'), line('def'), { text: 'ghi jkl', noWrap: false }, line('')],
			'plain string with words',
			{ text: '一个对象', bold: true }
		];
		for (const outer of ['h1', 'label'])
			for (const input of inputs) {
				const broken = [original, Breaker.prototype.getBreaks].map((getBreaks) => {
					const stack = new Stack(styles, { font: 'NotoSansSC', fontSize: 9.5 });
					stack.push(outer);
					return getBreaks.call(new Breaker(), structuredClone(input), stack) as unknown[];
				});
				expect(broken[1], `${outer} ${JSON.stringify(input)}`).toEqual(broken[0]);
				expect(broken[0]!.length).toBeGreaterThan(0);
			}
	});

	it('parse every colour as pdfkit does, each caller getting its own components', () => {
		type Doc = {
			_normalizeColor(color: unknown): unknown;
			addSpotColor(name: string, c: number, m: number, y: number, k: number): void;
		};
		const Document = pdfmakeClass<new (fonts: object) => Doc>('pdfmake/js/PDFDocument');
		const original = parsedColoursPatch.original()!;
		const document = new Document({});
		document.addSpotColor('brand', 10, 20, 30, 40);
		const colours = [
			'#111',
			'#1f6f5c',
			'#ABCDEF',
			'black',
			'red',
			'brand',
			'nonsense',
			'',
			[255, 0, 0],
			[0, 0, 0, 100],
			null
		];
		for (let round = 0; round < 2; round++)
			for (const colour of colours) {
				const patched = document._normalizeColor(colour);
				expect(patched, JSON.stringify(colour)).toEqual(original.call(document, colour));
				if (Array.isArray(patched)) patched[0] = 99;
			}
	});

	it('write the same stream bytes as pdfkit, text and bytes in their order', () => {
		type Reference = {
			data: Record<string, unknown>;
			uncompressedLength: number;
			write(chunk: unknown): void;
			end(chunk?: unknown): void;
		};
		type Doc = { ref(data?: object): Reference; _write(data: unknown): void };
		const Document =
			pdfmakeClass<new (fonts: object, ...rest: object[]) => Doc>('pdfmake/js/PDFDocument');
		const original = joinedStreamWritesPatch.original()!;
		for (const compress of [false, true]) {
			const written = [original, Document.prototype.ref].map((ref) => {
				const document = new Document({}, {}, {}, {}, { compress });
				const out: Buffer[] = [];
				document._write = (data) =>
					out.push(Buffer.isBuffer(data) ? data : Buffer.from(`${String(data)}\n`, 'binary'));
				const reference = ref.call(document, { Type: 'XObject' }) as Reference;
				reference.write('BT');
				reference.write(12.5);
				reference.write(Buffer.from('<0102> Tj\n'));
				reference.write('/F1 9.5 Tf');
				reference.write('ET');
				const lengths = [reference.uncompressedLength, reference.data.Length];
				reference.end('Q');
				return { lengths, bytes: Buffer.concat(out).toString('latin1') };
			});
			expect(written[1]).toEqual(written[0]);
			expect(written[0]!.bytes).toContain(compress ? 'FlateDecode' : '/F1 9.5 Tf');
		}
	});

	it(
		'render a real report with the same text, pages and fonts as pdfmake unpatched, in far fewer text objects and one watermark drawing',
		async () => {
			const model = exampleReport();
			const [unpatched, patched] = await Promise.all([
				renderUnpatched(model),
				renderReportPdf(model)
			]);
			// The comparison is with a pdfmake none of the patches reached.
			expect(unpatched.patched).toEqual([]);

			const pages = pdfPages(patched);
			expect(pages).toBeGreaterThan(50);
			expect(pages).toBe(pdfPages(unpatched.bytes));
			const text = pdfText(patched);
			expect(text).toContain(String(model.cover.firm));
			expect(text).toBe(pdfText(unpatched.bytes));
			// Regular and bold, embedded and subset, as unpatched: no styling dropped.
			// (Object numbers aside: the watermark's form is numbered before the fonts.)
			const fonts = withoutObjectIds(pdfFonts(patched));
			expect(fonts).toMatch(/NotoSansSC-Bold/);
			expect(fonts).toBe(withoutObjectIds(pdfFonts(unpatched.bytes)));

			// join-inlines: each line's same-style characters drawn as one text object.
			const objects = pdfTextObjects(patched);
			const unpatchedObjects = pdfTextObjects(unpatched.bytes);
			expect(objects).toBeGreaterThan(pages);
			// (About half here: the renderer already sets long texts as whole lines, see typeset.ts.)
			expect(objects).toBeLessThan(unpatchedObjects * 0.75);
			expect(patched.byteLength).toBeLessThan(unpatched.bytes.byteLength);
			// shared-vector-form: the draft watermark drawn once, placed on every page.
			expect(model.state.watermark).not.toBeNull();
			expect(formXObjects(patched)).toHaveLength(1);
			expect(formXObjects(unpatched.bytes)).toHaveLength(0);
			expect(streamsPlacingFormIn(patched, WATERMARK_COLOUR)).toBe(pages);
			expect(streamsFilling(unpatched.bytes, WATERMARK_COLOUR)).toBe(pages);
			// shared-layout-cache: the words this report shaped wait for the next one, per font.
			const runs = Object.values(sharedLayoutRuns());
			expect(runs.length).toBeGreaterThanOrEqual(2);
			for (const n of runs) expect(n).toBeGreaterThan(100);
		},
		SLOW
	);
});
