import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport, ImportResponse } from '../../../../server/modules/companies/import-contract';
import { Alert, ErrorAlert } from '../../../components/Alert';
import { Loading } from '../../../components/Loading';
import { currentLang } from '../../../i18n';
import { formatNumber } from '../../../lib/format';
import { reportOfJob, useJob } from '../api/imports';

/** Progress of a queued import: a <progress> bar, visible counts, and a live region at 10% steps. */
function JobProgress({ jobId, onReport }: { jobId: string; onReport: (r: ImportReport) => void }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const job = useJob(jobId);
  const j = job.data;
  const report = reportOfJob(j);
  useEffect(() => {
    if (j?.status === 'done' && report) onReport(report);
  }, [j?.status, report, onReport]);
  if (job.error) return <ErrorAlert error={job.error} />;
  const total = j?.total ?? 0;
  const progress = j?.progress ?? 0;
  const pct = total > 0 ? Math.min(100, Math.floor((progress / total) * 100)) : 0;
  const coarse = Math.floor(pct / 10) * 10;
  const status = j?.status ?? 'queued';
  const text =
    status === 'queued'
      ? t('import.jobQueued')
      : status === 'failed'
        ? t('import.jobFailed')
        : status === 'done'
          ? t('import.jobDone')
          : t('import.jobProgress', {
              progress: formatNumber(progress, lang),
              total: formatNumber(total, lang),
              pct,
            });
  return (
    <div className="app-progress">
      <label htmlFor={`job-${jobId}`} className="app-progress__label">
        {t('import.progressLabel')}
      </label>
      {total > 0 ? (
        <progress id={`job-${jobId}`} value={progress} max={total}>
          {pct}%
        </progress>
      ) : (
        <progress id={`job-${jobId}`} />
      )}
      <p className="app-progress__text" aria-hidden="true">
        {text}
      </p>
      <div className="sr-only" role="status" aria-live="polite">
        {status === 'running' ? t('import.jobProgressCoarse', { pct: coarse }) : text}
      </div>
      {status === 'failed' && (
        <Alert tone="error">
          {j?.error === 'job_abandoned' ? t('import.jobAbandoned') : (j?.error ?? t('import.jobFailed'))}
        </Alert>
      )}
    </div>
  );
}

/** The outcome of an import call: the report at once (200) or after polling the job (202). */
export function RunResult({
  response,
  pending,
  error,
  pendingLabel,
  onReport,
}: {
  response: ImportResponse | undefined;
  pending: boolean;
  error: unknown;
  pendingLabel: string;
  onReport: (r: ImportReport) => void;
}) {
  useEffect(() => {
    if (response?.status === 'done' && response.report) onReport(response.report);
  }, [response, onReport]);
  if (pending) return <Loading label={pendingLabel} />;
  if (error) return <ErrorAlert error={error} />;
  if (response?.status === 'queued' && response.jobId)
    return <JobProgress jobId={response.jobId} onReport={onReport} />;
  return null;
}
