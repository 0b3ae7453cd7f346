import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/Alert';
import { DataTable } from '../../../components/DataTable';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/Page';
import { currentLang } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import { ApplicationStatusBadge } from '../../programs/pages/call-ui';
import { type ApplicationSummary, useMyApplications } from '../api/applications';

const col = createColumnHelper<ApplicationSummary>();

export function MyApplicationsPage() {
  const { t } = useTranslation();
  const lang = currentLang();
  const mine = useMyApplications();
  const columns = useMemo(
    () => [
      col.accessor('callTitle', {
        header: t('applications.call'),
        meta: { wrap: true },
        cell: (c) => (
          <Link to={`/applications/${c.row.original.id}`} className="app-link">
            {c.getValue()}
          </Link>
        ),
      }),
      col.accessor('companyName', { header: t('fields.companyName') }),
      col.accessor('status', {
        header: t('applications.statusLabel'),
        cell: (c) => <ApplicationStatusBadge status={c.getValue()} />,
      }),
      col.accessor('receiptNo', {
        header: t('applications.receiptNo'),
        cell: (c) => <span className="app-nowrap">{c.getValue() ?? '—'}</span>,
      }),
      col.accessor('submittedAt', {
        header: t('applications.submittedAtLabel'),
        cell: (c) => formatDateTime(c.getValue(), lang) || '—',
      }),
      col.accessor('updatedAt', {
        header: t('applications.updatedAt'),
        cell: (c) => formatDateTime(c.getValue(), lang),
      }),
    ],
    [t, lang],
  );
  return (
    <>
      <PageHeader
        title={t('applications.mineTitle')}
        lead={
          <p>
            {t('applications.mineLead')}{' '}
            <Link to="/calls" className="app-link">
              {t('calls.title')}
            </Link>
          </p>
        }
      />
      {mine.isPending && <Loading />}
      {mine.error && <ErrorAlert error={mine.error} />}
      {mine.data && (
        <DataTable
          caption={t('applications.mineCaption')}
          columns={columns}
          data={mine.data.items}
          getRowId={(r) => r.id}
          empty={t('applications.mineEmpty')}
        />
      )}
    </>
  );
}
