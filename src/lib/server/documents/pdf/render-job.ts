import { renderReportDocx } from '../docx/render-docx';
import { renderPackDocx } from '../pack/pack-docx';
import { renderPackPdf } from '../pack/pack-pdf';
import { renderReportPdf } from './render-pdf';
import type { RenderJob } from './render-worker';

/** Draws one job: what a render worker does, and the request thread where no worker can start. */
export function renderJob(job: RenderJob): Promise<Uint8Array> {
	switch (job.kind) {
		case 'report':
			return renderReportPdf(job.model);
		case 'pack':
			return renderPackPdf(job.model);
		case 'report-docx':
			return renderReportDocx(job.model);
		case 'pack-docx':
			return renderPackDocx(job.model);
	}
}
