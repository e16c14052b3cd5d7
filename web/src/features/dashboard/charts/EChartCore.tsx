import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { EChartProps } from './EChart.tsx';

// Only the charts Năm Rõ draws; this module is its own chunk, loaded by the pages that show a chart.
echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, MarkLineComponent, SVGRenderer]);

const FONT = "'Be Vietnam Pro', system-ui, sans-serif";

export default function EChartCore({ option, height, onItemClick, label, onReady }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onItemClick);
  useEffect(() => {
    clickRef.current = onItemClick;
  }, [onItemClick]);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    // SVG renders crisp text at every zoom and keeps the Vietnamese font of the page.
    const chart = echarts.init(el, undefined, { renderer: 'svg' });
    chartRef.current = chart;
    chart.on('click', (p) => clickRef.current?.({ name: p.name, seriesName: p.seriesName ?? '', dataIndex: p.dataIndex, seriesIndex: p.seriesIndex ?? 0 }));
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    chart.setOption({ textStyle: { fontFamily: FONT }, animationDuration: 300, ...option }, { notMerge: true });
    onReady?.();
  }, [option, onReady]);

  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height }} data-chart-ready />;
}
