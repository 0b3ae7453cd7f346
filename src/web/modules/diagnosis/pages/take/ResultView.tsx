import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DiagnosisResult } from '../../../../../server/modules/diagnosis/contract';
import { ErrorAlert } from '../../../../components/Alert';
import { Section } from '../../../../components/Page';
import { currentLang } from '../../../../i18n';
import { download } from '../../../../lib/api-client';
import { formatDate } from '../../../../lib/format';
import { answersXlsxPath, type Diagnosis, reportPdfHref } from '../../api/diagnosis';
import { DimensionChart } from './DimensionChart';
import { Delta, say, score1 } from './diagnosis-ui';
import { Recommendations } from './Recommendations';

/** The five stages as a scale, the firm's stage marked (by text and aria-current, not colour alone). */
function StageScale({ result }: { result: DiagnosisResult }) {
  const { t } = useTranslation();
  const lang = currentLang();
  return (
    <ol className="dx-stages" aria-label={t('diagnosis.result.stageScale')}>
      {result.stages.map((s, i) => {
        const next = result.stages[i + 1];
        const current = s.stage === result.stage;
        return (
          <li
            key={s.stage}
            className={current ? 'is-current' : undefined}
            aria-current={current ? 'true' : undefined}
          >
            <span className="dx-stages__n">{t('diagnosis.stage.n', { n: s.stage })}</span>
            <strong className="dx-stages__label">{say(s.label, lang)}</strong>
            <span className="dx-stages__range">
              {next
                ? t('diagnosis.stage.range', { from: s.min, to: next.min })
                : t('diagnosis.stage.rangeTop', { from: s.min })}
            </span>
            {current && <span className="dx-stages__here">{t('diagnosis.result.here')}</span>}
          </li>
        );
      })}
    </ol>
  );
}

function Summary({ d, result }: { d: Diagnosis; result: DiagnosisResult }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const peer = result.peer;
  return (
    <Section id="dx-summary" title={t('diagnosis.result.summaryTitle')}>
      <ul className="app-stats">
        <li>
          <span className="app-stats__label">{t('diagnosis.result.overall')}</span>
          <strong className="app-stats__value" data-testid="dx-overall">
            {t('diagnosis.result.points', { n: score1(result.overall) })}
          </strong>
          <span className="app-stats__note">{t('diagnosis.result.outOf100')}</span>
        </li>
        <li>
          <span className="app-stats__label">{t('diagnosis.result.stage')}</span>
          <strong className="app-stats__value" data-testid="dx-stage">
            {t('diagnosis.stage.full', { n: result.stage, label: say(result.stageLabel, lang) })}
          </strong>
          <span className="app-stats__note">
            {t('diagnosis.result.stageOf', { n: result.stages.length })}
          </span>
        </li>
        <li>
          <span className="app-stats__label">{t('diagnosis.result.peerOverall')}</span>
          <strong className="app-stats__value">
            {peer.overallMedian === null
              ? '–'
              : t('diagnosis.result.points', { n: score1(peer.overallMedian) })}
          </strong>
          <span className="app-stats__note">
            {peer.overallPercentile === null
              ? t('diagnosis.result.noPeers')
              : t('diagnosis.result.percentileNote', { n: Math.round(peer.overallPercentile) })}
          </span>
        </li>
      </ul>
      <StageScale result={result} />
      <p className="dx-peer">{say(peer.description, lang)}</p>
      {d.submittedAt && (
        <p className="app-muted">
          {t('diagnosis.result.meta', {
            date: formatDate(d.submittedAt, lang),
            version: d.instrumentVersion,
          })}
        </p>
      )}
    </Section>
  );
}

function Findings({ result }: { result: DiagnosisResult }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const list = (items: DiagnosisResult['strengths'], empty: string) =>
    items.length ? (
      <ul className="app-list dx-findings__list">
        {items.map((f) => (
          <li key={f.dimension}>{say(f.text, lang)}</li>
        ))}
      </ul>
    ) : (
      <p className="app-muted">{empty}</p>
    );
  return (
    <Section id="dx-findings" title={t('diagnosis.result.findingsTitle')}>
      <div className="app-grid-2">
        <div className="dx-findings dx-findings--strength">
          <h3 className="app-h3">{t('diagnosis.result.strengths')}</h3>
          {list(result.strengths, t('diagnosis.result.noStrengths'))}
        </div>
        <div className="dx-findings dx-findings--gap">
          <h3 className="app-h3">{t('diagnosis.result.gaps')}</h3>
          {list(result.gaps, t('diagnosis.result.noGaps'))}
        </div>
      </div>
    </Section>
  );
}

function Previous({ result }: { result: DiagnosisResult }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const p = result.previous;
  return (
    <Section id="dx-previous" title={t('diagnosis.result.previousTitle')}>
      {p ? (
        <>
          <p>
            {t('diagnosis.result.previousBody', {
              label: p.label,
              date: formatDate(p.submittedAt, lang),
              before: score1(p.overall),
              now: score1(result.overall),
            })}{' '}
            <Delta value={p.delta} />
          </p>
          <p>
            <Link to={`/diagnoses/${p.id}`} className="app-link">
              {t('diagnosis.result.previousLink', { label: p.label })}
            </Link>
          </p>
        </>
      ) : (
        <p>{t('diagnosis.result.firstOne')}</p>
      )}
    </Section>
  );
}

function Downloads({ d, staff }: { d: Diagnosis; staff: boolean }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <div className="app-cta dx-downloads">
      <a href={reportPdfHref(d.id, lang)} download className="krds-btn medium primary">
        {t('diagnosis.result.pdf')}
      </a>
      {staff && (
        <button
          type="button"
          className="krds-btn medium secondary"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            setError(null);
            try {
              await download(answersXlsxPath(d.id));
            } catch (e) {
              setError(e);
            } finally {
              setBusy(false);
            }
          }}
        >
          {busy ? t('common.working') : t('diagnosis.result.xlsx')}
        </button>
      )}
      {error ? <ErrorAlert error={error} /> : null}
    </div>
  );
}

/** The result of a submitted diagnosis. */
export function ResultView({ diagnosis: d, staff }: { diagnosis: Diagnosis; staff: boolean }) {
  const { t } = useTranslation();
  const result = d.result;
  if (!result) return null;
  return (
    <>
      <Downloads d={d} staff={staff} />
      <Summary d={d} result={result} />
      <Section id="dx-dimensions" title={t('diagnosis.result.dimensionsTitle')}>
        <DimensionChart result={result} />
      </Section>
      <Findings result={result} />
      <Previous result={result} />
      <Recommendations diagnosisId={d.id} />
    </>
  );
}
