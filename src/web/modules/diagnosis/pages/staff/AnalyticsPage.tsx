import { useTranslation } from 'react-i18next';
import { ErrorAlert, LiveStatus } from '../../../../components/Alert';
import { Loading } from '../../../../components/Loading';
import { PageHeader } from '../../../../components/Page';
import { formatDateTime } from '../../../../lib/format';
import { useUrlState } from '../../../../lib/use-url-state';
import { type AnalyticsFilters as Filters, useAnalytics } from '../../api/diagnosis';
import { ANALYTICS_FILTERS, AnalyticsFilters } from './AnalyticsFilters';
import { DimensionMeans, ScoreHistogram, StageGroups, useStageNames } from './AnalyticsSections';
import { StatList, useFormats, XlsxButton } from './common';
import { Movement } from './MovementSection';
import { StaffDiagnosisNav } from './StaffDiagnosisNav';

/**
 * 진단 통계: the distribution of the latest submitted diagnosis of every firm — by size class, KSIC section
 * and district — dimension means and the movement T0 → T1. Aggregates only (the council's viewer sees it).
 */
export function AnalyticsPage() {
  const { t } = useTranslation();
  const f = useFormats();
  const [s, update] = useUrlState(ANALYTICS_FILTERS);
  const filters: Filters = Object.fromEntries(ANALYTICS_FILTERS.filter((k) => s[k]).map((k) => [k, s[k]]));
  const q = useAnalytics(filters);
  const a = q.data;

  return (
    <>
      <PageHeader
        title={t('diagnosisStats.analytics.title')}
        lead={<p>{t('diagnosisStats.analytics.lead')}</p>}
      />
      <StaffDiagnosisNav />
      <AnalyticsFilters value={s} onApply={(v) => update(v)} />
      {q.isPending && <Loading />}
      <ErrorAlert error={q.error} />
      {a && (
        <AnalyticsBody
          a={a}
          filters={filters}
          busy={q.isFetching}
          generated={formatDateTime(a.generatedAt, f.lang)}
        />
      )}
    </>
  );
}

function AnalyticsBody({
  a,
  filters,
  busy,
  generated,
}: {
  a: NonNullable<ReturnType<typeof useAnalytics>['data']>;
  filters: Filters;
  busy: boolean;
  generated: string;
}) {
  const { t } = useTranslation();
  const f = useFormats();
  const stageNames = useStageNames(a);
  // for viewers, the server withholds the means of fewer than SMALL_GROUP firms
  const withheld = a.totals.firms > 0 && a.totals.meanOverall === null;
  return (
    <div className="dxs-body" aria-busy={busy || undefined}>
      <div className="dxs-toolbar">
        <LiveStatus className="app-total">
          {t('diagnosisStats.analytics.generated', { at: generated })}
          {busy ? ` · ${t('common.loading')}` : ''}
        </LiveStatus>
        <XlsxButton path="/diagnosis/analytics" query={{ ...filters }} />
      </div>
      <StatList
        label={t('diagnosisStats.analytics.summary')}
        items={[
          {
            label: t('diagnosisStats.analytics.firmsDiagnosed'),
            value: f.firms(a.totals.firms),
            note: t('diagnosisStats.analytics.firmsNote'),
          },
          { label: t('diagnosisStats.analytics.diagnoses'), value: f.count(a.totals.diagnoses) },
          { label: t('diagnosisStats.analytics.drafts'), value: f.count(a.totals.drafts) },
          {
            label: t('diagnosisStats.meanOverall'),
            value: withheld ? t('diagnosisStats.withheld') : f.score(a.totals.meanOverall),
          },
          {
            label: t('diagnosisStats.medianOverall'),
            value: withheld ? t('diagnosisStats.withheld') : f.score(a.totals.medianOverall),
          },
        ]}
      />
      {a.totals.firms === 0 ? (
        <p>{t('diagnosisStats.analytics.empty')}</p>
      ) : (
        <>
          <ScoreHistogram a={a} />
          <StageGroups a={a} stageNames={stageNames} />
          <DimensionMeans a={a} />
        </>
      )}
      <Movement a={a} stageNames={stageNames} />
    </div>
  );
}
