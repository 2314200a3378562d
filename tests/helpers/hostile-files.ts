import zlib from 'node:zlib';
import { zipSync, strToU8 } from 'fflate';

/*
 * Hostile uploads, made in a moment: a workbook's parts are written by hand (the smallest package
 * Excel and exceljs open) and zipped with fflate, so a million-row sheet costs a second, not the
 * minutes exceljs would take to write it.
 */

const CONTENT_TYPES = (sheets: number) =>
	`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${Array.from({ length: sheets }, (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = (sheets: number) =>
	`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${Array.from({ length: sheets }, (_, i) => `<sheet name="S${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`;
const WORKBOOK_RELS = (sheets: number) =>
	`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${Array.from({ length: sheets }, (_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`;
const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
const SHEET_TAIL = `</sheetData></worksheet>`;

function packageParts(sheets: number): Record<string, Uint8Array> {
	return {
		'[Content_Types].xml': strToU8(CONTENT_TYPES(sheets)),
		'_rels/.rels': strToU8(ROOT_RELS),
		'xl/workbook.xml': strToU8(WORKBOOK(sheets)),
		'xl/_rels/workbook.xml.rels': strToU8(WORKBOOK_RELS(sheets))
	};
}

/**
 * A worksheet's XML in pieces: `head`, then `blocks` (each made when needed), then `tail`. Each piece
 * is deflated on its own with a full flush (it refers to nothing before it), so the pieces' bytes
 * joined are one valid deflate stream, and a repeated piece is deflated once.
 */
interface SheetPieces {
	head: string;
	blocks: Iterable<string>;
	tail: string;
}

function deflatePiece(text: string | Buffer, last: boolean): Buffer {
	return zlib.deflateRawSync(text, {
		level: 1,
		finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_FULL_FLUSH
	});
}

/** The package with one worksheet made of repeated pieces, as a ZIP archive written by hand. */
function streamedWorkbook(sheet: SheetPieces): Uint8Array {
	const entries: { name: string; data: Buffer; crc: number; size: number }[] = [];
	for (const [name, bytes] of Object.entries(packageParts(1)))
		entries.push({
			name,
			data: zlib.deflateRawSync(bytes),
			crc: zlib.crc32(bytes),
			size: bytes.byteLength
		});
	const deflated: Buffer[] = [deflatePiece(sheet.head, false)];
	let crc = zlib.crc32(sheet.head);
	let size = Buffer.byteLength(sheet.head);
	const previous = { text: '', deflated: Buffer.alloc(0) };
	for (const text of sheet.blocks) {
		if (previous.text !== text)
			Object.assign(previous, { text, deflated: deflatePiece(text, false) });
		deflated.push(previous.deflated);
		const bytes = Buffer.from(text);
		crc = zlib.crc32(bytes, crc);
		size += bytes.byteLength;
	}
	deflated.push(deflatePiece(sheet.tail, true));
	crc = zlib.crc32(sheet.tail, crc);
	size += Buffer.byteLength(sheet.tail);
	entries.push({ name: 'xl/worksheets/sheet1.xml', data: Buffer.concat(deflated), crc, size });
	const local: Buffer[] = [];
	const central: Buffer[] = [];
	let offset = 0;
	for (const e of entries) {
		const name = Buffer.from(e.name);
		const header = Buffer.alloc(30);
		header.writeUInt32LE(0x04034b50, 0);
		header.writeUInt16LE(20, 4);
		header.writeUInt16LE(8, 8); // deflate
		header.writeUInt32LE(e.crc >>> 0, 14);
		header.writeUInt32LE(e.data.byteLength, 18);
		header.writeUInt32LE(e.size, 22);
		header.writeUInt16LE(name.byteLength, 26);
		local.push(header, name, e.data);
		const entry = Buffer.alloc(46);
		entry.writeUInt32LE(0x02014b50, 0);
		entry.writeUInt16LE(20, 4);
		entry.writeUInt16LE(20, 6);
		entry.writeUInt16LE(8, 10);
		entry.writeUInt32LE(e.crc >>> 0, 16);
		entry.writeUInt32LE(e.data.byteLength, 20);
		entry.writeUInt32LE(e.size, 24);
		entry.writeUInt16LE(name.byteLength, 28);
		entry.writeUInt32LE(offset, 42);
		central.push(entry, name);
		offset += 30 + name.byteLength + e.data.byteLength;
	}
	const directory = Buffer.concat(central);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(directory.byteLength, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...local, directory, end]);
}

const cell = (ref: string, value: string) =>
	`<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;

/**
 * A workbook of `rows` rows below the header; the first 10,000 carry an item id and a status as a
 * template does, the rest only their number (the shortest row, so a million cost ~5 MB zipped).
 */
export function manyRowsWorkbook(rows: number): Uint8Array {
	return streamedWorkbook({
		head: SHEET_HEAD + `<row r="1">${cell('A1', 'item')}</row>`,
		blocks: (function* () {
			for (let start = 2; start <= rows + 1; start += 10_000) {
				const end = Math.min(rows + 1, start + 9_999);
				let block = '';
				for (let n = start; n <= end; n++)
					block +=
						n <= 10_001
							? `<row r="${n}">${cell(`A${n}`, 'LIC-001')}${cell(`E${n}`, 'compliant')}</row>`
							: `<row r="${n}"><c r="A${n}"><v>1</v></c></row>`;
				yield block;
			}
		})(),
		tail: SHEET_TAIL
	});
}

/** A zip bomb: `megabytes` MB of XML whitespace in one worksheet, about a thousandth of it zipped. */
export function zipBombWorkbook(megabytes: number): Uint8Array {
	const blank = ' '.repeat(1024 * 1024);
	return streamedWorkbook({
		head: SHEET_HEAD,
		blocks: Array.from({ length: megabytes }, () => blank),
		tail: SHEET_TAIL
	});
}

/** A workbook of `sheets` worksheets, each with formulas (a HYPERLINK and a sum). */
export function manySheetsWithFormulas(sheets: number): Uint8Array {
	const parts = packageParts(sheets);
	const formulas = `<row r="1"><c r="A1"><f>HYPERLINK("http://evil.example","x")</f><v>x</v></c><c r="B1"><f>SUM(1,1)</f><v>2</v></c></row>`;
	for (let i = 1; i <= sheets; i++)
		parts[`xl/worksheets/sheet${i}.xml`] = strToU8(SHEET_HEAD + formulas + SHEET_TAIL);
	return zipSync(parts, { level: 1 });
}

function pngChunk(type: string, data: Uint8Array): Buffer {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.byteLength);
	const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(zlib.crc32(body));
	return Buffer.concat([length, body, crc]);
}

const pngHeader = (width: number, height: number) => {
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
	return header;
};

const pngFile = (header: Buffer, data: Buffer) =>
	Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		pngChunk('IHDR', header),
		pngChunk('IDAT', data),
		pngChunk('IEND', new Uint8Array(0))
	]);

/** A PNG whose header declares width × height: all a check that reads the header needs. */
export function pngDeclaring(width: number, height: number): Uint8Array {
	return pngFile(pngHeader(width, height), zlib.deflateSync(Buffer.alloc(1 + 3)));
}

/**
 * A real PNG of width × height black pixels, deflated as it is made: an 11000×11000 one is
 * ~470 KB on disk and 363 MB decoded, a decompression bomb.
 */
export async function pngBomb(width: number, height: number): Promise<Uint8Array> {
	const deflate = zlib.createDeflate({ level: 9 });
	const out: Buffer[] = [];
	deflate.on('data', (c: Buffer) => out.push(c));
	const done = new Promise((resolve) => deflate.on('end', resolve));
	const scanline = Buffer.alloc(1 + width * 3);
	for (let y = 0; y < height; y++)
		if (!deflate.write(scanline)) await new Promise((resolve) => deflate.once('drain', resolve));
	deflate.end();
	await done;
	return pngFile(pngHeader(width, height), Buffer.concat(out));
}

/** Deep JSON: `depth` nested arrays, as a body or a file. */
export const deepJson = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
