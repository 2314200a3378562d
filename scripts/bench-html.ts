// Loaded through vite's SSR loader by bench-pdf.ts: renders the print view's component to HTML.
import { render } from 'svelte/server';
import ReportDocument from '../src/lib/components/report/ReportDocument.svelte';
import type { ReportModel } from '../src/lib/domain/report-model';

export function reportHtml(model: ReportModel): string {
	return render(ReportDocument, { props: { model } }).body;
}
