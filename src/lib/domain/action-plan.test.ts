import { describe, expect, it } from 'vitest';
import { actionPlanColumns, actionPlanHeader, actionPlanRows } from './action-plan';
import type { ReportModel } from './report-model';

const t = (main: string) => ({ main, alt: null });

function gap(itemId: string, extra: Partial<ReportModel['gaps'][number]> = {}) {
	return {
		itemId,
		severity: 'critical' as const,
		severityLabel: t('关键'),
		status: 'non_compliant' as const,
		statusLabel: t('不符合'),
		domain: t('牌照'),
		question: t(`问题 ${itemId}`),
		note: '',
		evidence: [],
		owner: null,
		due: null,
		provisions: [],
		relatedRules: [],
		remediation: t(`整改 ${itemId}`),
		...extra
	};
}

const labels = new Proxy({}, { get: (_, key) => t(`[${String(key)}]`) }) as ReportModel['labels'];

describe('action plan rows', () => {
	it('follow the action plan’s order (by due date, then severity), as the PDF does', () => {
		const model = {
			labels,
			gaps: [gap('LIC-001', { due: '2027-03-01' }), gap('DAT-002', { due: '2027-01-01' })],
			actions: [
				{ itemId: 'DAT-002', statusLabel: t('进行中'), overdue: true },
				{ itemId: 'LIC-001', statusLabel: t('已完成'), overdue: false }
			]
		} as unknown as ReportModel;
		const rows = actionPlanRows(model);
		expect(rows.map((r) => r.item)).toEqual(['DAT-002', 'LIC-001']);
		// The action's status, flagged overdue while it is past its date and not done.
		expect(rows.map((r) => r.actionStatus)).toEqual(['进行中 · [overdue]', '已完成']);
	});

	it('keep the report’s gap order and take every column from the gap', () => {
		const model = {
			labels,
			gaps: [
				gap('LIC-001', {
					note: ' 无牌照 ',
					owner: '合规部',
					due: '2027-01-31',
					provisions: [
						{ citation: '条例 第五条', id: 'a' },
						{ citation: '办法 第九条', id: 'b' }
					] as ReportModel['gaps'][number]['provisions']
				}),
				gap('DAT-002', { status: 'partial', statusLabel: t('部分合规') })
			]
		} as unknown as ReportModel;
		expect(actionPlanRows(model)).toEqual([
			{
				item: 'LIC-001',
				question: '问题 LIC-001',
				provision: '条例 第五条\n办法 第九条',
				severity: '关键',
				finding: '无牌照',
				remediation: '整改 LIC-001',
				owner: '合规部',
				due: '2027-01-31',
				status: '不符合',
				actionStatus: ''
			},
			{
				item: 'DAT-002',
				question: '问题 DAT-002',
				provision: '',
				severity: '关键',
				finding: '部分合规',
				remediation: '整改 DAT-002',
				owner: '',
				due: null,
				status: '部分合规',
				actionStatus: ''
			}
		]);
	});

	it('label the header in column order with the report’s words', () => {
		const header = actionPlanHeader({ labels } as ReportModel, 'Finding');
		expect(header).toHaveLength(actionPlanColumns.length);
		expect(header[0]).toBe('[item]');
		expect(header[actionPlanColumns.indexOf('finding')]).toBe('Finding');
		expect(header[actionPlanColumns.indexOf('due')]).toBe('[due]');
	});
});
