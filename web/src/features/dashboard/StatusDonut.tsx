import { Grid } from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { STATUS_COLORS, STATUS_ORDER } from '../../components/StatusTag.tsx';
import { useT } from '../../i18n/index.tsx';
import { type ChartClick, EChart } from './charts/EChart.tsx';
import { type DashboardFilters, taskListLink } from './filters.ts';
import type { Dashboard } from './types.ts';

/** The share of each status class; a slice opens its tasks. */
export function StatusDonut({ data, filters, onReady }: { data: Dashboard; filters: DashboardFilters; onReady?: () => void }) {
  const t = useT('dashboard');
  const tc = useT('common');
  const navigate = useNavigate();
  const phone = !(Grid.useBreakpoint().md ?? true);
  const slices = useMemo(() => STATUS_ORDER.map((s) => ({ status: s, name: tc(`status.${s}`), value: data.byStatus[s] ?? 0 })).filter((s) => s.value > 0), [data.byStatus, tc]);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      // On a phone the legend wraps under the ring (a scrolling legend would cut the Vietnamese labels).
      legend: phone ? { bottom: 0, left: 0, right: 0 } : { orient: 'vertical', right: 0, top: 'middle', type: 'scroll' },
      series: [
        {
          type: 'pie',
          radius: phone ? ['40%', '64%'] : ['45%', '72%'],
          center: phone ? ['50%', '37%'] : ['32%', '50%'],
          avoidLabelOverlap: true,
          label: { show: false },
          data: slices.map((s) => ({ name: s.name, value: s.value, itemStyle: { color: STATUS_COLORS[s.status] } })),
        },
      ],
    }),
    [slices, phone],
  );
  const open = (item: ChartClick) => {
    const slice = slices.find((s) => s.name === item.name);
    if (slice) void navigate(taskListLink(filters, { statusClass: slice.status }));
  };
  return <EChart option={option} height={phone ? 360 : 260} label={t('status.chartLabel')} onItemClick={open} onReady={onReady} />;
}
