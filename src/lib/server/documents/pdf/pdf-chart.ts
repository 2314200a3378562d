import type { Content } from 'pdfmake/interfaces';
import type { ReportModel } from '../../../domain/report-model';
import { MINIMUM_SCORE, READY_SCORE } from '../../../domain/scoring';
import { colours, inline } from './pdf-text';

const BAR_WIDTH = 180;
const BAR_HEIGHT = 10;

function barColour(score: number | null): string {
	if (score === null) return colours.rule;
	return score >= READY_SCORE
		? colours.good
		: score >= MINIMUM_SCORE
			? colours.medium
			: colours.critical;
}

/** One bar drawn as vectors, with the minimum and ready lines dashed across it. */
function bar(score: number | null): Content {
	const tick = (at: number) => ({
		type: 'line' as const,
		x1: at * BAR_WIDTH,
		y1: -2,
		x2: at * BAR_WIDTH,
		y2: BAR_HEIGHT + 2,
		lineWidth: 0.6,
		lineColor: colours.muted,
		dash: { length: 2, space: 1.5 }
	});
	return {
		canvas: [
			{ type: 'rect', x: 0, y: 0, w: BAR_WIDTH, h: BAR_HEIGHT, color: colours.quote },
			{
				type: 'rect',
				x: 0,
				y: 0,
				w: Math.max(0, Math.min(1, score ?? 0)) * BAR_WIDTH,
				h: BAR_HEIGHT,
				color: barColour(score)
			},
			tick(MINIMUM_SCORE),
			tick(READY_SCORE)
		],
		margin: [0, 3, 0, 0]
	};
}

/** Score by domain: a vector bar chart, one row per domain in scope. */
export function domainChart(model: ReportModel): Content {
	const pct = (x: number) => `${Math.round(x * 100)}%`;
	return {
		table: {
			widths: ['*', BAR_WIDTH, 96],
			headerRows: 1,
			body: [
				[
					{ text: inline(model.labels.domain), style: 'tableHeader' },
					{
						text: `0% · ${pct(MINIMUM_SCORE)} · ${pct(READY_SCORE)} · 100%`,
						style: 'label'
					},
					{ text: inline(model.labels.score), style: 'tableHeader', alignment: 'right' }
				],
				...model.domains.map((d) => [
					{ text: inline(d.label), fontSize: 8.5 },
					// A domain not yet assessed draws no bar: an empty one would read as failing.
					bar(d.assessed ? d.score : null),
					{
						text: `${d.scoreText} (${d.answered}/${d.applicable})`,
						fontSize: 8.5,
						color: d.assessed ? colours.ink : colours.muted,
						alignment: 'right' as const
					}
				])
			]
		},
		layout: 'lightHorizontalLines'
	};
}
