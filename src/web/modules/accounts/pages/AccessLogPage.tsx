import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LiveStatus } from '../../../components/Alert';
import { TextField } from '../../../components/Field';
import { PageHeader } from '../../../components/Page';
import { QueryPagedTable } from '../../../components/PagedTable';
import { SearchForm } from '../../../components/SearchForm';
import { currentLang } from '../../../i18n';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { toPage, useUrlState } from '../../../lib/use-url-state';
import { type AccessLogEntry, useAccessLog } from '../api/accounts';

const col = createColumnHelper<AccessLogEntry>();
const PAGE_SIZE = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** PIPA personal-data access log: who viewed or exported personal data, when, why. */
export function AccessLogPage() {
  const { t, i18n } = useTranslation();
  const lang = currentLang();
  const [s, update] = useUrlState(['userId', 'subjectId', 'page'] as const);
  const [userId, setUserId] = useState(s.userId);
  const [subjectId, setSubjectId] = useState(s.subjectId);
  const [badUser, setBadUser] = useState(false);
  const page = toPage(s.page);
  const log = useAccessLog({
    page,
    pageSize: PAGE_SIZE,
    userId: s.userId || undefined,
    subjectId: s.subjectId || undefined,
  });
  const columns = useMemo(
    () => [
      col.accessor('at', { header: t('accessLog.at'), cell: (c) => formatDateTime(c.getValue(), lang) }),
      col.accessor('userName', {
        header: t('accessLog.user'),
        cell: (c) => c.getValue() ?? c.row.original.userId ?? '—',
      }),
      col.accessor('action', {
        header: t('accessLog.action'),
        cell: (c) =>
          i18n.exists(`enums.accessAction.${c.getValue()}`)
            ? t(`enums.accessAction.${c.getValue()}`)
            : c.getValue(),
      }),
      col.accessor('subjectType', {
        header: t('accessLog.subject'),
        cell: (c) =>
          `${c.getValue()}${c.row.original.subjectId ? ` · ${c.row.original.subjectId.slice(0, 8)}` : ''}`,
      }),
      col.accessor('recordCount', {
        header: t('accessLog.count'),
        cell: (c) => formatNumber(c.getValue(), lang),
      }),
      col.accessor('reason', {
        header: t('common.reason'),
        cell: (c) => c.getValue() ?? '',
        meta: { wrap: true },
      }),
      col.accessor('ip', { header: t('accessLog.ip'), cell: (c) => c.getValue() ?? '' }),
    ],
    [t, i18n, lang],
  );
  const search = () => {
    const bad = !!userId && !UUID.test(userId.trim());
    setBadUser(bad);
    if (!bad) update({ userId: userId.trim(), subjectId: subjectId.trim(), page: undefined });
  };
  return (
    <>
      <PageHeader title={t('accessLog.title')} lead={<p>{t('accessLog.lead')}</p>} />
      <SearchForm label={t('accessLog.searchLabel')} onSearch={search}>
        <TextField
          label={t('accessLog.userId')}
          value={userId}
          onChange={(e) => setUserId(e.target.value)}
          hint={t('accessLog.uuidHint')}
          error={badUser ? { message: 'invalid_format' } : undefined}
        />
        <TextField
          label={t('accessLog.subjectId')}
          value={subjectId}
          onChange={(e) => setSubjectId(e.target.value)}
        />
      </SearchForm>
      <LiveStatus className="app-total">
        {log.data && t('accessLog.total', { n: formatNumber(log.data.total, lang) })}
      </LiveStatus>
      <QueryPagedTable
        query={log}
        caption={() => t('accessLog.caption')}
        columns={columns}
        getRowId={(r) => String(r.id)}
        empty={t('accessLog.empty')}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={(p) => update({ page: p })}
      />
    </>
  );
}
