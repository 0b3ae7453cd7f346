import { createColumnHelper } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/Alert';
import { Badge } from '../../../components/Badge';
import { DataTable } from '../../../components/DataTable';
import { Loading } from '../../../components/Loading';
import { currentLang } from '../../../i18n';
import { formatDate } from '../../../lib/format';
import { type Timeline, useTimeline } from '../../diagnosis/api/diagnosis';

type Item = Timeline['items'][number];
const col = createColumnHelper<Item>();

/** Staff: a firm's DX diagnoses (T0, T1, … and a draft), each linking to its result. */
export function CompanyDiagnoses({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const timeline = useTimeline(companyId);
  if (timeline.isPending) return <Loading />;
  if (timeline.error) return <ErrorAlert error={timeline.error} />;
  const items = timeline.data.items;
  const columns = [
    col.accessor('label', {
      header: t('companyDiagnosis.round'),
      cell: (c) =>
        c.row.original.status === 'draft' ? (
          <Badge tone="secondary">{t('companyDiagnosis.draft')}</Badge>
        ) : (
          <Link to={`/diagnoses/${c.row.original.id}`} className="app-link">
            {c.getValue()}
          </Link>
        ),
    }),
    col.accessor((r) => r.submittedAt ?? r.startedAt, {
      id: 'date',
      header: t('companyDiagnosis.date'),
      cell: (c) => formatDate(c.getValue(), lang),
    }),
    col.accessor('overall', {
      header: t('companyDiagnosis.overall'),
      cell: (c) =>
        c.getValue() === null ? '–' : t('companyDiagnosis.points', { n: c.getValue()?.toFixed(1) }),
    }),
    col.accessor('stage', {
      header: t('companyDiagnosis.stage'),
      cell: (c) => (c.getValue() === null ? '–' : t('companyDiagnosis.stageN', { n: c.getValue() })),
    }),
    col.accessor('instrumentVersion', {
      header: t('companyDiagnosis.version'),
      cell: (c) => `v${c.getValue()}`,
    }),
  ];
  return (
    <DataTable
      caption={t('companyDiagnosis.caption', { name: timeline.data.companyName })}
      columns={columns}
      data={items}
      getRowId={(r) => r.id}
      empty={t('companyDiagnosis.empty')}
    />
  );
}
