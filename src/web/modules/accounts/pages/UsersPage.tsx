import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../server/modules/accounts/contract';
import type { Role } from '../../../../shared/enums';
import { LiveStatus, SuccessStatus } from '../../../components/Alert';
import { Badge } from '../../../components/Badge';
import { SelectField, TextField } from '../../../components/Field';
import { PageHeader } from '../../../components/Page';
import { QueryPagedTable } from '../../../components/PagedTable';
import { SearchForm } from '../../../components/SearchForm';
import { currentLang } from '../../../i18n';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { roleOptions } from '../../../lib/options';
import { toPage, useUrlState } from '../../../lib/use-url-state';
import { useUsers } from '../api/accounts';
import { UserCreateDialog } from './UserCreateDialog';
import { UserManageDialog } from './UserManageDialog';

const col = createColumnHelper<User>();
const PAGE_SIZE = 20;

export function UsersPage() {
  const { t } = useTranslation();
  const lang = currentLang();
  const [s, update] = useUrlState(['q', 'role', 'page'] as const);
  const [q, setQ] = useState(s.q);
  const [creating, setCreating] = useState(false);
  const [managing, setManaging] = useState<User | null>(null);
  const [created, setCreated] = useState('');
  const page = toPage(s.page);
  const users = useUsers({
    q: s.q || undefined,
    role: (s.role || '') as Role | '',
    page,
    pageSize: PAGE_SIZE,
  });
  const names = useMemo(() => new Map((users.data?.items ?? []).map((u) => [u.id, u.name])), [users.data]);

  const columns = useMemo(
    () => [
      col.accessor('name', {
        header: t('fields.name'),
        cell: (c) => (
          <>
            {c.getValue()} {c.row.original.isDemo && <Badge tone="information">{t('demo.badge')}</Badge>}
          </>
        ),
      }),
      col.accessor('email', { header: t('fields.email') }),
      col.accessor('role', { header: t('fields.role'), cell: (c) => t(`enums.role.${c.getValue()}`) }),
      col.display({
        id: 'status',
        header: t('users.status'),
        cell: (c) => {
          const u = c.row.original;
          if (!u.active) return <Badge tone="danger">{t('users.disabled')}</Badge>;
          if (u.lockedUntil) return <Badge tone="warning">{t('users.locked')}</Badge>;
          return <Badge tone="success">{t('users.active')}</Badge>;
        },
      }),
      col.accessor('lastLoginAt', {
        header: t('users.lastLogin'),
        cell: (c) => formatDateTime(c.getValue(), lang),
      }),
      col.display({
        id: 'actions',
        header: t('common.actions'),
        cell: (c) => (
          <button
            type="button"
            className="krds-btn xsmall secondary"
            onClick={() => setManaging(c.row.original)}
          >
            {t('users.manage')}
            <span className="sr-only">: {c.row.original.name}</span>
          </button>
        ),
      }),
    ],
    [t, lang],
  );

  return (
    <>
      <PageHeader
        title={t('users.title')}
        lead={<p>{t('users.lead')}</p>}
        actions={
          <button type="button" className="krds-btn medium primary" onClick={() => setCreating(true)}>
            {t('users.create')}
          </button>
        }
      />
      <SuccessStatus>{created && t('users.created', { name: created })}</SuccessStatus>
      <SearchForm label={t('users.searchLabel')} onSearch={() => update({ q, page: undefined })}>
        <TextField label={t('users.q')} type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        <SelectField
          label={t('fields.role')}
          value={s.role}
          onChange={(e) => update({ role: e.target.value, page: undefined })}
          placeholder={t('common.all')}
          options={roleOptions(t)}
        />
      </SearchForm>
      <LiveStatus className="app-total">
        {users.data && t('users.total', { n: formatNumber(users.data.total, lang) })}
      </LiveStatus>
      <QueryPagedTable
        query={users}
        caption={() => t('users.caption')}
        columns={columns}
        getRowId={(u) => u.id}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={(p) => update({ page: p })}
      />
      <UserCreateDialog open={creating} onClose={() => setCreating(false)} onCreated={setCreated} />
      <UserManageDialog
        user={managing ? (users.data?.items.find((u) => u.id === managing.id) ?? managing) : null}
        onClose={() => setManaging(null)}
        names={names}
      />
    </>
  );
}
