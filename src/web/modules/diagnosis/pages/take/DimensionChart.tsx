import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiagnosisResult } from '../../../../../server/modules/diagnosis/contract';
import { CaptionedTable } from '../../../../components/CaptionedTable';
import { Chart } from '../../../../components/charts/Chart';
import { currentLang } from '../../../../i18n';
import { Delta, say, score1 } from './diagnosis-ui';

/**
 * The six dimensions as a radar chart (the firm against the peer median), with the same numbers as a
 * table under it: score, peer median, percentile, previous score and change.
 */
export function DimensionChart({ result }: { result: DiagnosisResult }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const dims = result.dimensions;
  const firm = t('diagnosis.result.firm');
  const peers = t('diagnosis.result.peerMedian');
  const narrow = typeof window !== 'undefined' && window.innerWidth < 600;
  const option = useMemo(
    () => ({
      legend: { top: 0, itemGap: 24, data: [firm, peers] },
      tooltip: { trigger: 'item' },
      radar: {
        radius: narrow ? '60%' : '72%',
        center: ['50%', '55%'],
        indicator: dims.map((d) => ({ name: say(d.title, lang), max: 100 })),
        // long area names wrap at their first space so they fit beside the chart on a phone
        axisName: {
          color: '#1e2124',
          fontSize: 13,
          lineHeight: 17,
          formatter: (name?: string) => (name && name.length > 6 ? name.replace(' ', '\n') : (name ?? '')),
        },
        splitNumber: 4,
      },
      series: [
        {
          type: 'radar',
          data: [
            {
              name: firm,
              value: dims.map((d) => d.score ?? 0),
              areaStyle: { opacity: 0.2 },
              symbolSize: 6,
            },
            {
              name: peers,
              value: dims.map((d) => d.peerMedian ?? 0),
              lineStyle: { type: 'dashed' },
              symbolSize: 4,
            },
          ],
        },
      ],
    }),
    [dims, firm, peers, lang, narrow],
  );
  const hasPrevious = dims.some((d) => d.previous !== null);
  return (
    <Chart option={option} label={t('diagnosis.result.chartLabel')} height={narrow ? 360 : 460}>
      <CaptionedTable
        captionId="dx-dim-caption"
        caption={t('diagnosis.result.tableCaption')}
        className="dx-dim-table"
        columns={[
          t('diagnosis.result.dimension'),
          t('diagnosis.result.score'),
          t('diagnosis.result.peerMedian'),
          t('diagnosis.result.percentile'),
          ...(hasPrevious ? [t('diagnosis.result.previousScore'), t('diagnosis.result.change')] : []),
        ]}
      >
        {dims.map((d) => (
          <tr key={d.key}>
            <th scope="row">{say(d.title, lang)}</th>
            <td>{d.score === null ? t('diagnosis.result.noScore') : score1(d.score)}</td>
            <td>{score1(d.peerMedian) || '–'}</td>
            <td>
              {d.percentile === null
                ? '–'
                : t('diagnosis.result.percentileValue', { n: Math.round(d.percentile) })}
            </td>
            {hasPrevious && <td>{score1(d.previous) || '–'}</td>}
            {hasPrevious && (
              <td>
                <Delta value={d.delta} />
              </td>
            )}
          </tr>
        ))}
      </CaptionedTable>
    </Chart>
  );
}
