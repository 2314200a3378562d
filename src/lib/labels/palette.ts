import type { Severity } from '../domain/corpus';

/**
 * The colours the web pages and the PDF report share: one source. The severities step down in
 * lightness too, so they stay apart in greyscale (luma 58, 97, 129, 155; tests/documents/report-render.test.ts
 * checks the steps).
 */
export const palette = {
	ink: '#111827',
	muted: '#4b5563',
	rule: '#d1d5db',
	quote: '#f3f4f6',
	accent: '#1d4ed8',
	good: '#047857',
	bad: '#b91c1c'
} as const;

export const severityColour: Record<Severity, string> = {
	critical: '#7f1d1d',
	high: '#c2410c',
	medium: '#b7791f',
	low: '#959ca6'
};

export const verdictColour = {
	ready: palette.good,
	ready_with_conditions: severityColour.medium,
	not_ready: palette.bad,
	not_assessed: palette.muted
} as const;

/** The palette as CSS custom properties (--sev-critical, --verdict-ready, …) for the root layout. */
export function paletteCss(): string {
	const entries = [
		...Object.entries(palette).map(([k, v]) => `--${k}:${v}`),
		...Object.entries(severityColour).map(([k, v]) => `--sev-${k}:${v}`),
		...Object.entries(verdictColour).map(([k, v]) => `--verdict-${k.replace(/_/g, '-')}:${v}`)
	];
	return `:root{${entries.join(';')}}`;
}
