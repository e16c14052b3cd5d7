import { Skeleton, Typography } from 'antd';
import { useMemo } from 'react';
import { ErrorState } from '../../components/ErrorState.tsx';
import { formatMonth } from '../../format.ts';
import { formatNumber, useLocale, useT } from '../../i18n/index.tsx';
import { EChart } from '../dashboard/charts/EChart.tsx';
import { useScoreHistory } from './queries.ts';

/** One agency's total score (and rank in the tooltip) month by month. */
export function ScoreHistoryChart({ orgId, period, directiveId }: { orgId: number; period: string; directiveId?: number }) {
  const t = useT('scores');
  const { locale } = useLocale();
  const history = useScoreHistory(orgId, period, directiveId);
  const points = useMemo(() => (history.data ?? []).filter((h) => h.score !== null), [history.data]);
  const option = useMemo(
    () => ({
      tooltip: {
        trigger: 'axis',
        formatter: (params: { dataIndex: number }[]) => {
          const p = points[params[0]?.dataIndex ?? -1];
          return p ? `${formatMonth(p.period)}<br/>${t('history.total')}: ${formatNumber(p.score?.total ?? 0, locale, 1)}<br/>${t('history.rank')}: ${p.rank ?? '—'}` : '';
        },
      },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: points.map((p) => formatMonth(p.period)), boundaryGap: false },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: [
        { type: 'line', name: t('history.total'), data: points.map((p) => p.score?.total ?? null), itemStyle: { color: '#0b5cad' }, symbolSize: 7 },
      ],
    }),
    [points, t, locale],
  );
  if (history.isPending) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  if (points.length < 2) return <Typography.Text type="secondary">{t('history.empty')}</Typography.Text>;
  return <EChart option={option} height={200} label={t('history.chartLabel')} />;
}
