import { Skeleton } from 'antd';
import { Suspense, lazy } from 'react';
import type { EChartsCoreOption } from 'echarts/core';

export interface ChartClick {
  name: string;
  seriesName: string;
  dataIndex: number;
  seriesIndex: number;
}

export interface EChartProps {
  option: EChartsCoreOption;
  height: number;
  /** What the chart shows, for screen readers (the same figures are also in the lists and links beside it). */
  label: string;
  onItemClick?: (item: ChartClick) => void;
  onReady?: () => void;
}

// echarts is loaded on demand: only pages that draw a chart pay for it, after their data is on screen.
const EChartCore = lazy(() => import('./EChartCore.tsx'));

export function EChart(props: EChartProps) {
  return (
    <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: props.height }} />}>
      <EChartCore {...props} />
    </Suspense>
  );
}
