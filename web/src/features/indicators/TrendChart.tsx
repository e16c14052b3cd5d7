import { Typography } from 'antd';
import { useMemo } from 'react';
import { formatMonth } from '../../format.ts';
import { useT } from '../../i18n/index.tsx';
import { EChart } from '../dashboard/charts/EChart.tsx';
import { INDICATOR_HEX, type IndicatorColour } from './IndicatorColourTag.tsx';
import type { Indicator } from './types.ts';

/** The numeric values period by period, with the target as a dashed line when it is a number. */
export function TrendChart({ indicator }: { indicator: Indicator }) {
  const t = useT('indicators');
  const points = useMemo(() => indicator.history.filter((h) => h.valueNumber !== null), [indicator.history]);
  const option = useMemo(() => {
    const target = indicator.target.value;
    const colour = INDICATOR_HEX[indicator.colour as IndicatorColour] ?? INDICATOR_HEX.grey;
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: points.map((p) => formatMonth(p.period)), boundaryGap: false },
      yAxis: { type: 'value', scale: true, name: indicator.unit ?? '' },
      series: [
        {
          type: 'line',
          name: indicator.name,
          data: points.map((p) => p.valueNumber),
          itemStyle: { color: colour },
          lineStyle: { width: 3 },
          symbolSize: 8,
          markLine:
            target !== null && indicator.target.operator !== 'rank'
              ? { symbol: 'none', lineStyle: { type: 'dashed', color: '#595959' }, label: { formatter: t('history.target') }, data: [{ yAxis: target }] }
              : undefined,
        },
      ],
    };
  }, [indicator, points, t]);
  if (points.length === 0) return <Typography.Text type="secondary">{t('history.noChart')}</Typography.Text>;
  return <EChart option={option} height={240} label={t('history.chartLabel')} />;
}
