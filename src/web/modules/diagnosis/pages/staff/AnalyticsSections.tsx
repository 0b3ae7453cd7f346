import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SMALL_GROUP } from '../../../../../server/modules/diagnosis/contract';
import { KSIC_SECTIONS } from '../../../../../shared/ksic';
import { CaptionedTable } from '../../../../components/CaptionedTable';
import { Chart } from '../../../../components/charts/Chart';
import { Section } from '../../../../components/Page';
import { district } from '../../../../lib/format';
import { pick } from '../../../applications/pages/answer-view';
import type { Analytics } from '../../api/diagnosis';
import { useFormats } from './common';
import { categoryAxis, dimensionBars, grid, labelWidth, ShowTable, shadowTooltip } from './figures';
import { type GroupRow, GroupTable } from './GroupTable';

/** The analytics page's blocks: score histogram, stages by group, dimension means (movement: MovementSection). */

/** Stage colours from light (1 미착수) to dark (5 고도화): order reads without a legend. */
const STAGE_COLORS = ['#cfdffb', '#93b6f4', '#4f87ee', '#1d4fc0', '#0a2663', '#6d7882', '#e07a10'];

export function useStageNames(a: Analytics) {
  const { t } = useTranslation();
  const f = useFormats();
  const count = Math.max(a.stages.length, a.bySize[0]?.stages.length ?? 0, 5);
  return useMemo(
    () =>
      Array.from({ length: count }, (_, i) => {
        const s = a.stages[i];
        return s
          ? t('diagnosisStats.stageNamed', { n: i + 1, label: pick(s.label, f.lang) })
          : t('diagnosisStats.stageN', { n: i + 1 });
      }),
    [a.stages, count, t, f.lang],
  );
}

export function ScoreHistogram({ a }: { a: Analytics }) {
  const { t } = useTranslation();
  const f = useFormats();
  const bins = useMemo(
    () => a.histogram.map((h) => t('diagnosisStats.range', { from: h.from, to: h.to })),
    [a.histogram, t],
  );
  const option = useMemo<EChartsCoreOption>(
    () => ({
      grid: { ...grid, bottom: 32 },
      tooltip: shadowTooltip(),
      xAxis: {
        type: 'category',
        data: bins,
        name: t('diagnosisStats.axisScore'),
        nameLocation: 'middle',
        nameGap: 28,
      },
      yAxis: { type: 'value', name: t('diagnosisStats.axisFirms'), minInterval: 1 },
      series: [
        {
          type: 'bar',
          name: t('diagnosisStats.firms'),
          data: a.histogram.map((h) => h.n),
          barCategoryGap: '8%',
        },
      ],
    }),
    [a.histogram, bins, t],
  );
  if (a.histogram.length === 0)
    return (
      <Section id="dxs-histogram" title={t('diagnosisStats.analytics.histogram')}>
        <p className="dxs-note">{t('diagnosisStats.withheldNote', { n: SMALL_GROUP })}</p>
      </Section>
    );
  return (
    <Section id="dxs-histogram" title={t('diagnosisStats.analytics.histogram')}>
      <Chart option={option} label={t('diagnosisStats.analytics.histogramChart')} height={300}>
        <ShowTable>
          <CaptionedTable
            caption={t('diagnosisStats.analytics.histogramTable')}
            className="dxs-fit"
            columns={[t('diagnosisStats.scoreRange'), t('diagnosisStats.firms'), t('diagnosisStats.share')]}
          >
            {a.histogram.map((h, i) => (
              <tr key={h.from}>
                <th scope="row">{bins[i]}</th>
                <td>{f.firms(h.n)}</td>
                <td>{f.pct(h.n, a.totals.firms)}</td>
              </tr>
            ))}
          </CaptionedTable>
        </ShowTable>
      </Chart>
    </Section>
  );
}

function stackedOption(all: GroupRow[], stageNames: string[], width: number): EChartsCoreOption {
  // groups withheld for viewers have no stages to draw; the table says why
  const rows = all.filter((r) => !r.suppressed);
  return {
    color: STAGE_COLORS,
    grid: { ...grid, left: 20, top: 48 },
    legend: { type: 'scroll', top: 0 },
    tooltip: { ...shadowTooltip(), valueFormatter: (v: number) => `${v}%` },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: categoryAxis(
      rows.map((r) => r.label),
      width,
    ),
    series: stageNames.map((name, i) => ({
      type: 'bar',
      name,
      stack: 'stages',
      data: rows.map((r) => (r.n ? Math.round((r.stages[i] / r.n) * 1000) / 10 : 0)),
    })),
  };
}

export function StageGroups({ a, stageNames }: { a: Analytics; stageNames: string[] }) {
  const { t } = useTranslation();
  const f = useFormats();
  const unknown = t('diagnosisStats.unknown');
  const size = useMemo(
    () => a.bySize.map((g) => ({ ...g, label: g.key ? t(`enums.sizeClass.${g.key}`) : unknown })),
    [a.bySize, t, unknown],
  );
  const section = useMemo(
    () =>
      a.bySection.map((g) => {
        const s = KSIC_SECTIONS.find((x) => x.code === g.key);
        return { ...g, label: s ? `${s.code} ${s[f.lang]}` : unknown };
      }),
    [a.bySection, f.lang, unknown],
  );
  const districts = useMemo(
    () => a.byDistrict.map((g) => ({ ...g, label: g.key ? district(g.key, f.lang) : unknown })),
    [a.byDistrict, f.lang, unknown],
  );
  return (
    <Section id="dxs-stages" title={t('diagnosisStats.analytics.stages')}>
      <p className="app-muted">{t('diagnosisStats.analytics.stagesLead')}</p>
      <h3 className="app-h3">{t('diagnosisStats.analytics.bySize')}</h3>
      <StackedGroups rows={size} group={t('fields.sizeClass')} stageNames={stageNames} barHeight={44} />
      <h3 className="app-h3">{t('diagnosisStats.analytics.bySection')}</h3>
      <StackedGroups
        rows={section}
        group={t('diagnosisStats.ksicSection')}
        stageNames={stageNames}
        barHeight={30}
        collapsed
      />
      <h3 className="app-h3">{t('diagnosisStats.analytics.byDistrict')}</h3>
      <p className="app-muted">{t('diagnosisStats.analytics.districtLead')}</p>
      <GroupTable
        caption={t('diagnosisStats.analytics.groupTable', { group: t('fields.district') })}
        groupHeader={t('fields.district')}
        rows={districts}
        stageNames={stageNames}
        bar
      />
    </Section>
  );
}

/** A 100% stacked bar per group (the groups withheld for viewers are left out) over the same numbers as a table. */
function StackedGroups({
  rows,
  group,
  stageNames,
  barHeight,
  collapsed,
}: {
  rows: GroupRow[];
  group: string;
  stageNames: string[];
  barHeight: number;
  /** the table behind a "show as table" disclosure (long lists) */
  collapsed?: boolean;
}) {
  const { t } = useTranslation();
  const width = labelWidth();
  const option = useMemo(() => stackedOption(rows, stageNames, width), [rows, stageNames, width]);
  const drawn = rows.filter((r) => !r.suppressed).length;
  const table = (
    <GroupTable
      caption={t('diagnosisStats.analytics.groupTable', { group })}
      groupHeader={group}
      rows={rows}
      stageNames={stageNames}
    />
  );
  if (drawn === 0) return table;
  return (
    <Chart
      option={option}
      label={t('diagnosisStats.analytics.stackedChart', { group })}
      height={Math.max(160, drawn * barHeight + 80)}
    >
      {collapsed ? <ShowTable>{table}</ShowTable> : table}
    </Chart>
  );
}

export function DimensionMeans({ a }: { a: Analytics }) {
  const { t } = useTranslation();
  const f = useFormats();
  const names = useMemo(() => a.dimensions.map((d) => pick(d.title, f.lang)), [a.dimensions, f.lang]);
  const option = useMemo(
    () =>
      dimensionBars(names, t('diagnosisStats.axisPoints'), 16, [
        {
          type: 'bar',
          name: t('diagnosisStats.mean'),
          data: a.dimensions.map((d) => d.mean),
          label: {
            show: true,
            position: 'right',
            formatter: (p: { value: number | null }) => (p.value === null ? '' : p.value.toFixed(1)),
          },
        },
      ]),
    [a.dimensions, names, t],
  );
  return (
    <Section id="dxs-dimensions" title={t('diagnosisStats.analytics.dimensions')}>
      {a.dimensions.length === 0 ? (
        <p className="dxs-note">{t('diagnosisStats.withheldNote', { n: SMALL_GROUP })}</p>
      ) : (
        <Chart
          option={option}
          label={t('diagnosisStats.analytics.dimensionsChart')}
          height={Math.max(200, names.length * 40 + 60)}
        >
          <CaptionedTable
            caption={t('diagnosisStats.analytics.dimensionsTable')}
            className="dxs-fit"
            columns={[t('diagnosisStats.dimension'), t('diagnosisStats.mean'), t('diagnosisStats.firms')]}
          >
            {a.dimensions.map((d, i) => (
              <tr key={d.key}>
                <th scope="row">{names[i]}</th>
                <td>{f.score(d.mean)}</td>
                <td>{f.firms(d.n)}</td>
              </tr>
            ))}
          </CaptionedTable>
        </Chart>
      )}
    </Section>
  );
}
