/**
 * Checks a provision's English label against its Chinese one by writing the English back in the
 * Chinese shape (Article 50(3) → 第五十条第三款) and comparing. The English labels are kept by hand in
 * the seeds; this only catches a number or a shape that does not match.
 */
const units = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const romans = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
const ordinals = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh'];

/** 1 … 99 in Chinese numerals as the sources print them: 十, 十四, 二十, 三十一. */
export function chineseNumeral(n: number): string {
	if (n < 10) return units[n]!;
	const tens = Math.floor(n / 10);
	return `${tens === 1 ? '' : units[tens]}十${units[n % 10]}`;
}

const backToChinese: [RegExp, (g: string[]) => string][] = [
	[/^Article (\d+)$/, ([a]) => `第${chineseNumeral(+a!)}条`],
	[/^Article (\d+)\((\d+)\)$/, ([a, p]) => `第${chineseNumeral(+a!)}条第${chineseNumeral(+p!)}款`],
	[/^\((\d+)\)$/, ([n]) => `(${chineseNumeral(+n!)})`],
	[
		/^\((\d+)\), (\w+) sentence$/,
		([n, s]) => `(${chineseNumeral(+n!)})第${chineseNumeral(ordinals.indexOf(s!))}句`
	],
	[
		/^([IVX]+)\((\d+)\)$/,
		([r, n]) => `${chineseNumeral(romans.indexOf(r!))}、(${chineseNumeral(+n!)})`
	],
	[/^Item (\d+)$/, ([n]) => `${n}.`],
	[/^Paragraph (\d+)$/, ([n]) => `第${n}段`],
	[/^Preamble$/, () => '序言'],
	[/^Commencement and term$/, () => '施行与有效期']
];

/** Full-width brackets and stops as half-width: the sources print both. */
const normalise = (label: string) =>
	label.replace(/（/g, '(').replace(/）/g, ')').replace(/．/g, '.');

export function englishLabelMatches(label: string, labelEn: string): boolean {
	for (const [shape, write] of backToChinese) {
		const match = shape.exec(labelEn);
		if (match) return write(match.slice(1)) === normalise(label);
	}
	return false;
}
