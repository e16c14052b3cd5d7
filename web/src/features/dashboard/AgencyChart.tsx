import { Grid, Typography } from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import type { StatusClass } from '../../api/types.ts';
import { STATUS_COLORS } from '../../components/StatusTag.tsx';
import { useT } from '../../i18n/index.tsx';
import { type ChartClick, EChart } from './charts/EChart.tsx';
import { type DashboardFilters, taskListLink } from './filters.ts';
import type { AgencyCounts } from './types.ts';

const SERIES: { key: 'completedOnTime' | 'completedLate' | 'overdue'; status: StatusClass; label: 'agencies.onTime' | 'agencies.late' | 'agencies.overdue' }[] = [
  { key: 'overdue', status: 'overdue', label: 'agencies.overdue' },
  { key: 'completedLate', status: 'completed_late', label: 'agencies.late' },
  { key: 'completedOnTime', status: 'completed_on_time', label: 'agencies.onTime' },
];

/** Agencies (most overdue first, top to bottom) with their on-time, late and overdue counts; a bar opens its tasks. */
export function AgencyChart({ agencies, filters }: { agencies: AgencyCounts[]; filters: DashboardFilters }) {
  const t = useT('dashboard');
  const navigate = useNavigate();
  const phone = !(Grid.useBreakpoint().md ?? true);
  // echarts draws the first category at the bottom: reverse so the worst agency is on top.
  const rows = useMemo(() => [...agencies].reverse(), [agencies]);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 4, right: 16, top: phone ? 56 : 36, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        data: rows.map((a) => a.orgName),
        axisLabel: { width: phone ? 120 : 230, overflow: 'break', lineHeight: 14, fontSize: phone ? 11 : 12 },
      },
      series: SERIES.map((s) => ({ type: 'bar', stack: 'all', name: t(s.label), itemStyle: { color: STATUS_COLORS[s.status] }, barMaxWidth: 22, data: rows.map((a) => a[s.key]) })),
    }),
    [rows, phone, t],
  );
  if (!agencies.length) return <Typography.Text type="secondary">{t('agencies.empty')}</Typography.Text>;
  const open = (item: ChartClick) => {
    const agency = rows[item.dataIndex];
    const series = SERIES.find((s) => t(s.label) === item.seriesName);
    if (agency && series) void navigate(taskListLink(filters, { orgId: agency.orgId, statusClass: series.status }));
  };
  return (
    <>
      <EChart option={option} height={Math.max(200, rows.length * (phone ? 40 : 32) + 60)} label={t('agencies.chartLabel')} onItemClick={open} />
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {t('agencies.hint')}
      </Typography.Text>
    </>
  );
}
