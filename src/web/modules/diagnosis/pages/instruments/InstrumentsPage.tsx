import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { Alert, ErrorAlert } from '../../../../components/Alert';
import { Badge } from '../../../../components/Badge';
import { DataTable } from '../../../../components/DataTable';
import { Loading } from '../../../../components/Loading';
import { PageHeader, Section } from '../../../../components/Page';
import { currentLang } from '../../../../i18n';
import { formatDateTime } from '../../../../lib/format';
import {
  type DraftSource,
  type InstrumentSummary,
  useCreateDraft,
  useInstruments,
} from '../../api/diagnosis';
import { StaffDiagnosisNav } from '../staff/StaffDiagnosisNav';
import '../../styles/diagnosis-admin.css';

const col = createColumnHelper<InstrumentSummary>();

/** 진단 도구: the versions, and drafting the next one. */
export function InstrumentsPage() {
  const { t } = useTranslation();
  const lang = currentLang();
  const navigate = useNavigate();
  const location = useLocation();
  const deleted = location.state as { notice?: string; version?: number } | null;
  const list = useInstruments();
  const draft = useCreateDraft();
  const items = list.data?.items ?? [];
  const openDraft = items.find((i) => i.status === 'draft');

  const columns = useMemo(
    () => [
      col.accessor('version', {
        header: t('diagnosisAdmin.columns.version'),
        cell: (c) => (
          <Link className="app-link" to={`/staff/diagnosis/instruments/${c.row.original.id}`}>
            {t('diagnosisAdmin.versionN', { version: c.getValue() })}
          </Link>
        ),
      }),
      col.accessor((r) => (lang === 'en' && r.title.en ? r.title.en : r.title.ko), {
        id: 'title',
        header: t('diagnosisAdmin.columns.title'),
        meta: { wrap: true },
      }),
      col.display({
        id: 'status',
        header: t('diagnosisAdmin.columns.status'),
        cell: (c) => (
          <span className="app-badges">
            <Badge tone={c.row.original.status === 'draft' ? 'warning' : 'success'}>
              {t(`diagnosisAdmin.status.${c.row.original.status}`)}
            </Badge>
            {c.row.original.current && <Badge tone="primary">{t('diagnosisAdmin.current')}</Badge>}
          </span>
        ),
      }),
      col.accessor('dimensions', { header: t('diagnosisAdmin.columns.dimensions') }),
      col.accessor('questions', { header: t('diagnosisAdmin.columns.questions') }),
      col.accessor('publishedAt', {
        header: t('diagnosisAdmin.columns.publishedAt'),
        cell: (c) => formatDateTime(c.getValue(), lang) || '—',
      }),
    ],
    [t, lang],
  );

  const create = (source: DraftSource) =>
    draft.mutate(source, {
      onSuccess: (r) =>
        navigate(`/staff/diagnosis/instruments/${r.instrument.id}`, {
          state: { notice: r.created ? 'created' : 'existing' },
        }),
    });

  return (
    <>
      <PageHeader title={t('diagnosisAdmin.instruments.title')} lead={t('diagnosisAdmin.instruments.lead')} />
      <StaffDiagnosisNav />
      {deleted?.notice === 'deleted' && (
        <Alert tone="success">
          <p>{t('diagnosisAdmin.notices.deleted', { version: deleted.version })}</p>
        </Alert>
      )}
      <Section title={t('diagnosisAdmin.instruments.newTitle')} id="dxa-new">
        {openDraft ? (
          <Alert tone="info" live={false}>
            <p>{t('diagnosisAdmin.instruments.draftExists', { version: openDraft.version })}</p>
            <div>
              <Link className="krds-btn medium primary" to={`/staff/diagnosis/instruments/${openDraft.id}`}>
                {t('diagnosisAdmin.instruments.openDraft', { version: openDraft.version })}
              </Link>
            </div>
          </Alert>
        ) : (
          <>
            <p>{t('diagnosisAdmin.instruments.newLead')}</p>
            <div className="dxa-toggles">
              <button
                type="button"
                className="krds-btn medium primary"
                disabled={draft.isPending || list.isPending}
                onClick={() => create('latest')}
              >
                {t('diagnosisAdmin.instruments.newFromLatest')}
              </button>
              <button
                type="button"
                className="krds-btn medium secondary"
                disabled={draft.isPending || list.isPending}
                onClick={() => create('default')}
              >
                {t('diagnosisAdmin.instruments.newFromDefault')}
              </button>
            </div>
          </>
        )}
        <ErrorAlert error={draft.error} />
      </Section>
      <Section title={t('diagnosisAdmin.instruments.versions')} id="dxa-versions">
        {list.isPending ? (
          <Loading />
        ) : list.error ? (
          <ErrorAlert error={list.error} />
        ) : (
          <DataTable
            caption={t('diagnosisAdmin.instruments.caption')}
            columns={columns}
            data={items}
            getRowId={(r) => r.id}
          />
        )}
      </Section>
    </>
  );
}
