// Renders the filing packs of the three firms of tests/helpers/pack-fixture.ts (a bank's
// wealth-management subsidiary applying alone, a technology company with a technology product, a
// technology company applying with a licensed payment institution) as PDF and Word, and the first
// pages of each PDF as small PNGs: `npx tsx scripts/pack-samples.ts [dir]` (default docs/pack).
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { loadCorpus } from '../src/lib/corpus/load';
import { corpusPaths } from '../src/lib/corpus/paths';
import { renderPackDocx } from '../src/lib/server/documents/pack/pack-docx';
import { renderPackPdf } from '../src/lib/server/documents/pack/pack-pdf';
import { firmPack, packFirms, sampleVoice } from '../tests/helpers/pack-fixture';

const dir = process.argv[2] ?? 'docs/pack';
const files = path.join('/tmp', 'pack-samples');
fs.mkdirSync(dir, { recursive: true });
fs.mkdirSync(files, { recursive: true });
const corpus = loadCorpus(corpusPaths().seedsDir);
const samples = [
	['bank', firmPack(corpus, packFirms.bank), 3],
	['tech-product', firmPack(corpus, packFirms.techProduct), 2],
	['joint', firmPack(corpus, packFirms.joint), 2],
	['joint-en', firmPack(corpus, packFirms.joint, { lang: 'en' }), 2],
	['bank-public', firmPack(corpus, packFirms.bank, { edition: 'public' }), 2]
] as const;
for (const [name, model, pages] of samples) {
	const pdf = path.join(files, `${name}.pdf`);
	fs.writeFileSync(pdf, await renderPackPdf(model));
	fs.writeFileSync(path.join(files, `${name}.docx`), await renderPackDocx(model));
	execFileSync('pdftoppm', ['-png', '-r', '50', '-l', String(pages), pdf, path.join(dir, name)]);
	const blockers = model.sections.reduce((n, s) => n + s.blockers.length, 0);
	console.log(`${name}: ${model.sections.length} sections, ${blockers} blockers → ${pdf}`);
}
// The trace annex of the bank's pack: its last page.
const info = execFileSync('pdfinfo', [path.join(files, 'bank.pdf')], { encoding: 'utf8' });
const last = info.match(/Pages:\s+(\d+)/)![1]!;
execFileSync('pdftoppm', [
	'-png',
	'-r',
	'50',
	'-f',
	last,
	'-l',
	last,
	path.join(files, 'bank.pdf'),
	path.join(dir, 'bank-trace')
]);

// The consultant's text in its section, and the support measures with the one that is policy
// background only: the first page showing each, from the bank's pack with a consultant's words.
const gap = firmPack(corpus, packFirms.bank)
	.sections.flatMap((s) => s.blockers)
	.find((b) => b.status !== 'unanswered')!;
const voiced = path.join(files, 'bank-voice.pdf');
fs.writeFileSync(
	voiced,
	await renderPackPdf(firmPack(corpus, packFirms.bank, { voice: sampleVoice(gap.itemId) }))
);
const pageCount = Number(
	execFileSync('pdfinfo', [voiced], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)![1]
);
const pageText = (page: number) =>
	execFileSync('pdftotext', ['-f', String(page), '-l', String(page), voiced, '-'], {
		encoding: 'utf8'
	}).replace(/\s+/g, '');
for (const [name, marker] of [
	['bank-voice', '总体意见（顾问撰写）'],
	['bank-support', '仅作政策背景']
] as const) {
	const page = Array.from({ length: pageCount }, (_, i) => i + 1).find((p) =>
		pageText(p).includes(marker)
	)!;
	execFileSync('pdftoppm', [
		'-png',
		'-r',
		'50',
		'-f',
		String(page),
		'-l',
		String(page),
		voiced,
		path.join(dir, name)
	]);
	console.log(`${name}: page ${page} of ${pageCount}`);
}
