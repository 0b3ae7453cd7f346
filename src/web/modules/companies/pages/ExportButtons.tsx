import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  EXPORT_PURPOSES,
  EXPORT_REASON_MIN,
  type ExportPurpose,
} from '../../../../server/modules/companies/contract';
import { ErrorAlert, LiveStatus } from '../../../components/Alert';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Check, SelectField, TextAreaField } from '../../../components/Field';
import { download, type Query } from '../../../lib/api-client';

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

  const run = async (format: Format, why?: { purpose: ExportPurpose; reason: string }) => {
    setBusy(true);
    setError(null);
    setDone('');
    try {
      const filename = await download('/companies/export', {
        ...filters,
        format,
        unmask: why ? 'true' : 'false',
        purpose: why?.purpose,
        reason: why?.reason,
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
      <ExportReasonDialog
        open={asking !== null}
        onClose={() => setAsking(null)}
        pending={busy}
        error={asking ? error : null}
        onConfirm={(why) => asking && void run(asking, why)}
      />
    </div>
  );
}

/** Purpose (from the list) and a reason of 10+ characters for an unmasked export; both go to the access log. */
function ExportReasonDialog({
  open,
  onClose,
  pending,
  error,
  onConfirm,
}: {
  open: boolean;
  onClose: () => void;
  pending: boolean;
  error: unknown;
  onConfirm: (why: { purpose: ExportPurpose; reason: string }) => void;
}) {
  const { t } = useTranslation();
  const [purpose, setPurpose] = useState('');
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const formId = useId();
  useEffect(() => {
    if (open) {
      setPurpose('');
      setReason('');
      setTouched(false);
    }
  }, [open]);
  const tooShort = [...reason.trim()].length < EXPORT_REASON_MIN;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (purpose && !tooShort) onConfirm({ purpose: purpose as ExportPurpose, reason: reason.trim() });
  };
  return (
    <ConfirmDialog
      open={open}
      onClose={onClose}
      title={t('export.reasonTitle')}
      confirmLabel={t('export.confirm')}
      pending={pending}
      form={formId}
    >
      <form id={formId} onSubmit={submit} noValidate className="app-stack">
        <p>{t('export.reasonBody')}</p>
        <SelectField
          label={t('export.purpose')}
          required
          value={purpose}
          onChange={(e) => setPurpose(e.target.value)}
          placeholder={t('export.purposeChoose')}
          options={EXPORT_PURPOSES.map((p) => ({ value: p, label: t(`export.purposes.${p}`) }))}
          error={touched && !purpose ? { message: 'required' } : undefined}
        />
        <TextAreaField
          label={t('common.reason')}
          required
          rows={3}
          maxLength={300}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          hint={t('export.reasonHint')}
          error={touched && tooShort ? { message: 'export_reason_short' } : undefined}
          autoFocus
        />
        <ErrorAlert error={error} />
      </form>
    </ConfirmDialog>
  );
}
