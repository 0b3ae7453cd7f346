import type { EChartsCoreOption } from 'echarts/core';
import { type ReactNode, useEffect, useRef } from 'react';

/** KRDS-friendly series colours (primary blue, secondary orange, then neutrals). */
export const CHART_COLORS = ['#256ef4', '#e07a10', '#0b50d0', '#6d7882', '#00a06b', '#b15ad6'];

interface ChartInstance {
  setOption(o: EChartsCoreOption, notMerge?: boolean): void;
  dispose(): void;
  resize(): void;
}

const withDefaults = (option: EChartsCoreOption): EChartsCoreOption => ({
  color: CHART_COLORS,
  textStyle: { fontFamily: 'inherit' },
  animation: false,
  ...option,
});

/**
 * One chart, drawn by ECharts (loaded on first use, SVG). Charts are pictures to screen readers: `label`
 * says what it shows, and the page gives the same numbers as text or a table (`children`, shown under
 * the chart) so nothing is available only as a picture.
 */
export function Chart({
  option,
  label,
  height = 320,
  children,
}: {
  option: EChartsCoreOption;
  label: string;
  height?: number;
  /** the data as text/table, shown below the chart */
  children?: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ChartInstance | null>(null);
  const latest = useRef(option);
  latest.current = option;

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    void import('./echarts').then(({ echarts }) => {
      if (disposed || !ref.current) return;
      const c = echarts.init(ref.current, undefined, { renderer: 'svg' });
      chart.current = c;
      c.setOption(withDefaults(latest.current), true);
      observer = new ResizeObserver(() => c.resize());
      observer.observe(ref.current);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(withDefaults(option), true);
  }, [option]);

  return (
    <figure className="app-chart">
      <div ref={ref} role="img" aria-label={label} className="app-chart__canvas" style={{ height }} />
      {children && <figcaption className="app-chart__data">{children}</figcaption>}
    </figure>
  );
}
