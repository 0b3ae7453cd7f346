import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CaptionedTable } from '../../../../components/CaptionedTable';
import { Chart } from '../../../../components/charts/Chart';
import { currentLang } from '../../../../i18n';
import { formatDate } from '../../../../lib/format';
import type { Timeline as TimelineData } from '../../api/diagnosis';
import { score1 } from './diagnosis-ui';

type Item = TimelineData['items'][number];

/** The company's diagnoses T0, T1, …: a table (and a line chart of the overall score when there are two or more). */
export function Timeline({ items, stageLabel }: { items: Item[]; stageLabel: (stage: number) => string }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const submitted = useMemo(
    () => items.filter((i) => i.status === 'submitted').sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0)),
    [items],
  );
  const rows = [...submitted, ...items.filter((i) => i.status === 'draft')];
  const option = useMemo(
    () => ({
      grid: { left: 40, right: 16, top: 24, bottom: 32 },
      xAxis: { type: 'category', data: submitted.map((i) => i.label ?? '') },
      yAxis: { type: 'value', min: 0, max: 100 },
      tooltip: { trigger: 'axis' },
      series: [
        {
          type: 'line',
          name: t('diagnosis.result.overall'),
          data: submitted.map((i) => i.overall),
          label: { show: true, formatter: (p: { value: number }) => p.value.toFixed(1) },
          symbolSize: 8,
        },
      ],
    }),
    [submitted, t],
  );
  const table = (
    <CaptionedTable
      captionId="dx-timeline-caption"
      caption={t('diagnosis.home.timelineCaption')}
      className="dx-timeline-table"
      columns={[
        t('diagnosis.home.round'),
        t('diagnosis.home.date'),
        t('diagnosis.result.overall'),
        t('diagnosis.result.stage'),
      ]}
    >
      {rows.map((i) => (
        <tr key={i.id}>
          <th scope="row">
            <Link to={`/diagnoses/${i.id}`} className="app-link">
              {i.status === 'draft' ? t('diagnosis.home.draft') : i.label}
              <span className="sr-only">
                {' '}
                {i.status === 'draft' ? t('diagnosis.home.continueLink') : t('diagnosis.home.resultSuffix')}
              </span>
            </Link>
          </th>
          <td>{formatDate(i.submittedAt ?? i.startedAt, lang)}</td>
          <td>{i.overall === null ? '–' : t('diagnosis.result.points', { n: score1(i.overall) })}</td>
          <td>
            {i.stage === null ? '–' : t('diagnosis.stage.full', { n: i.stage, label: stageLabel(i.stage) })}
          </td>
        </tr>
      ))}
    </CaptionedTable>
  );
  return submitted.length >= 2 ? (
    <Chart option={option} label={t('diagnosis.home.chartLabel')} height={240}>
      {table}
    </Chart>
  ) : (
    table
  );
}
