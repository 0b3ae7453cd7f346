import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SMALL_GROUP } from '../../../../../server/modules/diagnosis/contract';
import { CaptionedTable } from '../../../../components/CaptionedTable';
import { Chart } from '../../../../components/charts/Chart';
import { Section } from '../../../../components/Page';
import { TableScroll } from '../../../../components/TableScroll';
import { pick } from '../../../applications/pages/answer-view';
import type { Analytics } from '../../api/diagnosis';
import { Delta, StatList, useFormats } from './common';
import { dimensionBars } from './figures';

/** Movement T0 → T1 of re-assessed firms: means per dimension, overall delta and the stage transition matrix. */
export function Movement({ a, stageNames }: { a: Analytics; stageNames: string[] }) {
  const { t } = useTranslation();
  const f = useFormats();
  const m = a.movement;
  const names = useMemo(() => m.dimensions.map((d) => pick(d.title, f.lang)), [m.dimensions, f.lang]);
  const option = useMemo(
    () => ({
      ...dimensionBars(names, t('diagnosisStats.axisPoints'), 40, [
        { type: 'bar', name: t('diagnosisStats.t0'), data: m.dimensions.map((d) => d.t0) },
        { type: 'bar', name: t('diagnosisStats.t1'), data: m.dimensions.map((d) => d.t1) },
      ]),
      color: ['#8fb0e8', '#0b50d0'],
      legend: { top: 0 },
    }),
    [m.dimensions, names, t],
  );
  const matrixCaption = useId();
  const cell = (from: number, to: number) =>
    m.transitions.find((x) => x.from === from && x.to === to)?.n ?? 0;
  const stageNos = stageNames.map((_, i) => i + 1);
  const up = m.transitions.filter((x) => x.to > x.from).reduce((s, x) => s + x.n, 0);
  const down = m.transitions.filter((x) => x.to < x.from).reduce((s, x) => s + x.n, 0);
  return (
    <Section id="dxs-movement" title={t('diagnosisStats.analytics.movement')}>
      <p className="app-muted">{t('diagnosisStats.analytics.movementLead')}</p>
      {m.firms === 0 ? (
        <p>{t('diagnosisStats.analytics.noMovement')}</p>
      ) : m.meanT0 === null && m.dimensions.length === 0 ? (
        <>
          <StatList
            label={t('diagnosisStats.analytics.movementSummary')}
            items={[{ label: t('diagnosisStats.reassessedFirms'), value: f.firms(m.firms) }]}
          />
          <p className="dxs-note">{t('diagnosisStats.withheldNote', { n: SMALL_GROUP })}</p>
        </>
      ) : (
        <>
          <StatList
            label={t('diagnosisStats.analytics.movementSummary')}
            items={[
              { label: t('diagnosisStats.reassessedFirms'), value: f.firms(m.firms) },
              { label: t('diagnosisStats.meanT0'), value: f.score(m.meanT0) },
              { label: t('diagnosisStats.meanT1'), value: f.score(m.meanT1) },
              {
                label: t('diagnosisStats.meanDelta'),
                value: f.signed(m.meanDelta),
                note: t('diagnosisStats.analytics.upDown', {
                  up: f.firms(up),
                  down: f.firms(down),
                  same: f.firms(m.firms - up - down),
                }),
              },
            ]}
          />
          <h3 className="app-h3">{t('diagnosisStats.analytics.movementByDimension')}</h3>
          <Chart
            option={option}
            label={t('diagnosisStats.analytics.movementChart')}
            height={Math.max(240, names.length * 56 + 60)}
          >
            <CaptionedTable
              caption={t('diagnosisStats.analytics.movementTable')}
              className="dxs-fit"
              columns={[
                t('diagnosisStats.dimension'),
                t('diagnosisStats.meanT0'),
                t('diagnosisStats.meanT1'),
                t('diagnosisStats.change'),
              ]}
            >
              {m.dimensions.map((d, i) => (
                <MovementRow key={d.key} name={names[i]} t0={d.t0} t1={d.t1} delta={d.delta} />
              ))}
              <MovementRow
                name={t('diagnosisStats.overall')}
                t0={m.meanT0}
                t1={m.meanT1}
                delta={m.meanDelta}
                total
              />
            </CaptionedTable>
          </Chart>
          <h3 className="app-h3">{t('diagnosisStats.analytics.transitions')}</h3>
          <p className="app-muted">{t('diagnosisStats.analytics.transitionsLead')}</p>
          <TableScroll labelledBy={matrixCaption}>
            <table className="tbl col data app-table dxs-matrix">
              <caption id={matrixCaption}>{t('diagnosisStats.analytics.transitionsTable')}</caption>
              <thead>
                <tr>
                  <td className="dxs-matrix__corner">{t('diagnosisStats.analytics.fromTo')}</td>
                  {stageNos.map((s) => (
                    <th key={s} scope="col">
                      {t('diagnosisStats.analytics.toStage', { stage: stageNames[s - 1] })}
                    </th>
                  ))}
                  <th scope="col">{t('diagnosisStats.total')}</th>
                </tr>
              </thead>
              <tbody>
                {stageNos.map((from) => {
                  const total = stageNos.reduce((s, to) => s + cell(from, to), 0);
                  return (
                    <tr key={from}>
                      <th scope="row">
                        {t('diagnosisStats.analytics.fromStage', { stage: stageNames[from - 1] })}
                      </th>
                      {stageNos.map((to) => {
                        const n = cell(from, to);
                        const kind = to > from ? 'up' : to < from ? 'down' : 'same';
                        return (
                          <td key={to} className={n ? `dxs-matrix__${kind}` : 'dxs-matrix__zero'}>
                            {f.firms(n)}
                          </td>
                        );
                      })}
                      <td>{f.firms(total)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </Section>
  );
}

type Score = number | null;

/** A dimension's (or, in bold, the overall) mean at T0 and T1 and the change. */
function MovementRow({
  name,
  t0,
  t1,
  delta,
  total,
}: {
  name: string;
  t0: Score;
  t1: Score;
  delta: Score;
  total?: boolean;
}) {
  const f = useFormats();
  return (
    <tr className={total ? 'dxs-total-row' : undefined}>
      <th scope="row">{name}</th>
      <td>{f.score(t0)}</td>
      <td>{f.score(t1)}</td>
      <td>
        <Delta value={delta} />
      </td>
    </tr>
  );
}
