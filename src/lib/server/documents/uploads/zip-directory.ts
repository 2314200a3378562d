import yauzl from 'yauzl';

export interface ZipEntry {
	name: string;
	uncompressedSize: number;
}

/**
 * The entries an archive's central directory declares, read without inflating anything (yauzl
 * reads the directory only). Null when the bytes are not a ZIP archive. A declared size can lie:
 * the reader that inflates an entry is bounded by time and memory too.
 */
export function readZipDirectory(
	bytes: Uint8Array,
	maxEntries: number
): Promise<ZipEntry[] | null> {
	return new Promise((resolve) => {
		yauzl.fromBuffer(
			Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
			{ lazyEntries: true, autoClose: true },
			(error, zip) => {
				if (error || !zip) return resolve(null);
				const entries: ZipEntry[] = [];
				zip.on('entry', (entry: yauzl.Entry) => {
					entries.push({ name: entry.fileName, uncompressedSize: entry.uncompressedSize });
					// Past the bound the count is all that matters: stop reading the directory.
					if (entries.length > maxEntries) {
						zip.close();
						resolve(entries);
					} else zip.readEntry();
				});
				zip.on('end', () => resolve(entries));
				zip.on('error', () => resolve(null));
				zip.readEntry();
			}
		);
	});
}
