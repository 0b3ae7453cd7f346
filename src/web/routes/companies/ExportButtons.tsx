import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { download, type Query } from '../../api/client';
import { ErrorAlert, LiveStatus } from '../../components/Alert';
import { ReasonDialog } from '../../components/Dialog';
import { Check } from '../../components/Field';

type Format = 'xlsx' | 'csv';

/**
 * XLSX/CSV export of the current filter. Personal fields are masked; staff may tick "include personal
 * data", which asks for a reason (PIPA) that goes into the access log.
 */
export function ExportButtons({ filters, canUnmask }: { filters: Query; canUnmask: boolean }) {
  const { t } = useTranslation();
  const [unmask, setUnmask] = useState(false);
  const [asking, setAsking] = useState<Format | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');

  const run = async (format: Format, reason?: string) => {
    setBusy(true);
    setError(null);
    setDone('');
    try {
      const filename = await download('/companies/export', {
        ...filters,
        format,
        unmask: reason ? 'true' : 'false',
        reason,
      });
      setDone(t('export.done', { filename }));
      setAsking(null);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const start = (format: Format) => (unmask ? setAsking(format) : void run(format));

  return (
    <div className="app-export">
      <div className="app-export__row">
        <button
          type="button"
          className="krds-btn medium secondary"
          onClick={() => start('xlsx')}
          disabled={busy}
        >
          {t('export.xlsx')}
        </button>
        <button
          type="button"
          className="krds-btn medium secondary"
          onClick={() => start('csv')}
          disabled={busy}
        >
          {t('export.csv')}
        </button>
        {canUnmask && (
          <Check
            label={t('export.unmask')}
            checked={unmask}
            onChange={(e) => setUnmask(e.target.checked)}
            description={t('export.unmaskHint')}
          />
        )}
      </div>
      <LiveStatus className="app-muted">{busy ? t('export.preparing') : done}</LiveStatus>
      {error && !asking ? <ErrorAlert error={error} /> : null}
      <ReasonDialog
        open={asking !== null}
        onClose={() => setAsking(null)}
        title={t('export.reasonTitle')}
        description={<p>{t('export.reasonBody')}</p>}
        confirmLabel={t('export.confirm')}
        pending={busy}
        error={asking ? error : null}
        onConfirm={(reason) => asking && void run(asking, reason)}
      />
    </div>
  );
}
