import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Alert, ErrorAlert } from '../../../../components/Alert';
import { Badge } from '../../../../components/Badge';
import { FieldRows } from '../../../../components/FieldRows';
import { PageHeader } from '../../../../components/Page';
import { currentLang } from '../../../../i18n';
import { formatDateTime } from '../../../../lib/format';
import type { Instrument } from '../../api/diagnosis';
import { useCreateDraft } from '../../api/diagnosis';
import { StaffDiagnosisNav } from '../staff/StaffDiagnosisNav';
import { InstrumentView } from './InstrumentView';

export type Notice = 'created' | 'existing' | 'published' | 'deleted';

export function NoticeAlert({ notice, version }: { notice: Notice | null; version: number }) {
  const { t } = useTranslation();
  if (!notice || notice === 'deleted') return null;
  return (
    <Alert tone={notice === 'existing' ? 'info' : 'success'}>
      <p>{t(`diagnosisAdmin.notices.${notice}`, { version })}</p>
    </Alert>
  );
}

export function StatusBadges({ inst }: { inst: Instrument }) {
  const { t } = useTranslation();
  return (
    <span className="app-badges">
      <Badge tone={inst.status === 'draft' ? 'warning' : 'success'}>
        {t(`diagnosisAdmin.status.${inst.status}`)}
      </Badge>
      {inst.current && <Badge tone="primary">{t('diagnosisAdmin.current')}</Badge>}
    </span>
  );
}

/** A published version: immutable; the next version is drafted from it. */
export function PublishedView({ inst, notice }: { inst: Instrument; notice: Notice | null }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const navigate = useNavigate();
  const draft = useCreateDraft();
  return (
    <>
      <PageHeader
        title={t('diagnosisAdmin.editor.title', { version: inst.version })}
        lead={<StatusBadges inst={inst} />}
      />
      <StaffDiagnosisNav />
      <NoticeAlert notice={notice} version={inst.version} />
      <Alert tone="info" live={false} title={t('diagnosisAdmin.editor.immutableTitle')}>
        <p>{t('diagnosisAdmin.editor.immutableBody')}</p>
        <div>
          <button
            type="button"
            className="krds-btn medium primary"
            disabled={draft.isPending}
            onClick={() =>
              draft.mutate(
                { content: inst.content },
                {
                  onSuccess: (r) =>
                    navigate(`/staff/diagnosis/instruments/${r.instrument.id}`, {
                      state: { notice: r.created ? 'created' : 'existing' },
                    }),
                },
              )
            }
          >
            {draft.isPending ? t('common.working') : t('diagnosisAdmin.editor.draftFromThis')}
          </button>
        </div>
      </Alert>
      <ErrorAlert error={draft.error} />
      <FieldRows
        rows={[
          { label: t('diagnosisAdmin.columns.title'), value: inst.title.ko },
          { label: t('diagnosisAdmin.description'), value: inst.content.description?.ko },
          { label: t('diagnosisAdmin.columns.publishedAt'), value: formatDateTime(inst.publishedAt, lang) },
          { label: t('diagnosisAdmin.columns.dimensions'), value: inst.dimensions },
          { label: t('diagnosisAdmin.columns.questions'), value: inst.questions },
        ]}
      />
      <InstrumentView content={inst.content} />
    </>
  );
}
