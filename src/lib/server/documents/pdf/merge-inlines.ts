import { createRequire } from 'node:module';

interface Inline {
	text: string;
	x: number;
	width: number;
	font: unknown;
	fontSize: number;
	[key: string]: unknown;
}

// Anything here makes an inline draw differently from its neighbour: such inlines stay apart.
const DISTINCT = [
	'link',
	'linkToPage',
	'linkToDestination',
	'_pageNodeRef',
	'decoration',
	'background',
	'sup',
	'sub',
	'fontFeatures'
] as const;
const SAME = ['font', 'fontSize', 'color', 'opacity', 'characterSpacing'] as const;

function canJoin(a: Inline, b: Inline): boolean {
	return (
		SAME.every((k) => a[k] === b[k]) &&
		DISTINCT.every((k) => !a[k] && !b[k]) &&
		Math.abs(a.x + a.width - b.x) < 0.01
	);
}

/** Adjacent inlines of one style on a line, as one run of text. */
export function joinInlines(inlines: Inline[]): Inline[] {
	const joined: Inline[] = [];
	let start = 0;
	for (let i = 1; i <= inlines.length; i++) {
		if (i < inlines.length && canJoin(inlines[i - 1]!, inlines[i]!)) continue;
		const first = inlines[start]!;
		if (i - start === 1) joined.push(first);
		else {
			const group = inlines.slice(start, i);
			joined.push({
				...first,
				text: group.map((g) => g.text).join(''),
				width: group.reduce((sum, g) => sum + g.width, 0)
			});
		}
		start = i;
	}
	return joined;
}

let installed = false;

/**
 * pdfmake breaks Chinese text into one inline per character (every ideograph is a break
 * opportunity) and writes each as its own text object. Drawing a laid-out line's same-style runs as
 * one text object gives the same page with a fraction of the drawing work and content stream size
 * (pdfmake's own Renderer carries this as a TODO).
 */
export function installInlineJoining(): void {
	if (installed) return;
	installed = true;
	const require = createRequire(import.meta.url);
	const Renderer = (
		require('pdfmake/js/Renderer') as {
			default: {
				prototype: { renderLine(line: { inlines: Inline[] }, x: number, y: number): void };
			};
		}
	).default;
	const renderLine = Renderer.prototype.renderLine;
	Renderer.prototype.renderLine = function (line, x, y) {
		const inlines = line.inlines;
		line.inlines = joinInlines(inlines);
		try {
			renderLine.call(this, line, x, y);
		} finally {
			line.inlines = inlines;
		}
	};
}
