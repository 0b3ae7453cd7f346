import type { EChartsCoreOption } from 'echarts/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Shared pieces of the analytics charts: option parts, and the disclosure a chart's long table folds into. */

export const grid = { containLabel: true, left: 8, right: 24, top: 40, bottom: 8 };
/** A fresh object each time: ECharts may write into the option it is given. */
export const shadowTooltip = () => ({ trigger: 'axis', axisPointer: { type: 'shadow' } });
/** Category labels get at most a third of a phone's width (the full names are in the tables). */
export const labelWidth = () => Math.min(180, Math.round(window.innerWidth * 0.3));

/** Horizontal bars: one category per row, top to bottom, long names cut. */
export const categoryAxis = (data: string[], width = labelWidth()) => ({
  type: 'category',
  inverse: true,
  data,
  axisLabel: { width, overflow: 'truncate' },
});

/** Bars per dimension on a 0–100 points axis (dimension means; T0 against T1). */
export function dimensionBars(
  names: string[],
  axisName: string,
  top: number,
  series: object[],
): EChartsCoreOption {
  return {
    grid: { ...grid, top, bottom: 32 },
    tooltip: shadowTooltip(),
    xAxis: { type: 'value', max: 100, name: axisName, nameLocation: 'middle', nameGap: 28 },
    yAxis: categoryAxis(names),
    series,
  };
}

/** A long table folded behind "표로 보기" under its chart. */
export function ShowTable({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <details className="app-disclosure dxs-data">
      <summary>{t('diagnosisStats.showTable')}</summary>
      {children}
    </details>
  );
}
