import type { ReportModel } from './report-model';
import { inlineText, type ReportText } from './report-text';

/** The action plan's columns, in the order the XLSX and CSV files show them. */
export const actionPlanColumns = [
	'item',
	'question',
	'provision',
	'severity',
	'finding',
	'remediation',
	'owner',
	'due',
	'status',
	'actionStatus'
] as const;
export type ActionPlanColumn = (typeof actionPlanColumns)[number];

export type ActionPlanRow = Record<Exclude<ActionPlanColumn, 'due'>, string> & {
	/** YYYY-MM-DD, or null when no due date was set. */
	due: string | null;
};

const text = (t: ReportText) => inlineText(t);

/**
 * One row per gap of the report, in the action plan's order (by due date, then severity), so the
 * PDF's action plan and the XLSX/CSV files cannot disagree. The finding is the answer's note, or
 * its status when the note is empty (an unanswered item has no note).
 */
export function actionPlanRows(model: ReportModel): ActionPlanRow[] {
	const rank = new Map((model.actions ?? []).map((a, i) => [a.itemId, i]));
	const actions = new Map((model.actions ?? []).map((a) => [a.itemId, a]));
	const gaps = [...model.gaps].sort(
		(a, b) => (rank.get(a.itemId) ?? -1) - (rank.get(b.itemId) ?? -1)
	);
	return gaps.map((g) => ({
		item: g.itemId,
		question: text(g.question),
		provision: g.provisions.map((p) => p.citation).join('\n'),
		severity: text(g.severityLabel),
		finding: g.note.trim() === '' ? text(g.statusLabel) : g.note.trim(),
		remediation: text(g.remediation),
		owner: g.owner ?? '',
		due: g.due,
		status: text(g.statusLabel),
		actionStatus: actionStatusText(model, actions.get(g.itemId))
	}));
}

/** The action's status, and "overdue" beside it when it is past its due date and not done. */
function actionStatusText(model: ReportModel, action: ReportModel['actions'][number] | undefined) {
	if (!action) return '';
	const status = text(action.statusLabel);
	return action.overdue ? `${status} · ${text(model.labels.overdue)}` : status;
}

/** The header row, in column order, from the report's own labels plus the word for "finding". */
export function actionPlanHeader(model: ReportModel, finding: string): string[] {
	const l = model.labels;
	const labels: Record<ActionPlanColumn, string> = {
		item: text(l.item),
		question: text(l.question),
		provision: text(l.provision),
		severity: text(l.severity),
		finding,
		remediation: text(l.remediation),
		owner: text(l.owner),
		due: text(l.due),
		status: text(l.status),
		actionStatus: text(l.actionStatus)
	};
	return actionPlanColumns.map((c) => labels[c]);
}
