import type { SortingState } from '@tanstack/react-table';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CompanySummary } from '../../../../server/modules/companies/contract';
import { LiveStatus } from '../../../components/Alert';
import { SelectField } from '../../../components/Field';
import { PageHeader } from '../../../components/Page';
import { QueryPagedTable } from '../../../components/PagedTable';
import { currentLang, type Lang } from '../../../i18n';
import { brn, district, formatKrwCompact, formatNumber, ksic } from '../../../lib/format';
import { isStaffRole } from '../../../lib/roles';
import { toPage, useUrlState } from '../../../lib/use-url-state';
import { useUser } from '../../accounts/api/auth';
import { useCompanyList } from '../api/companies';
import { CompanyFilters, FILTER_KEYS, type Filters } from './CompanyFilters';
import { ExportButtons } from './ExportButtons';

const KEYS = [...FILTER_KEYS, 'sort', 'order', 'page', 'pageSize'] as const;
const SORTABLE = ['name', 'employees', 'revenue', 'createdAt'] as const;
const col = createColumnHelper<CompanySummary>();

function useColumns(t: (k: string, o?: Record<string, unknown>) => string, lang: Lang) {
  return useMemo(
    () => [
      col.accessor('name', {
        header: t('fields.companyName'),
        meta: { wrap: true },
        cell: (c) => (
          <Link to={`/companies/${c.row.original.id}`} className="app-link">
            {c.getValue()}
          </Link>
        ),
      }),
      col.accessor('brn', {
        header: t('fields.brn'),
        cell: (c) => <span className="app-nowrap">{brn(c.getValue())}</span>,
        enableSorting: false,
      }),
      col.accessor('representative', { header: t('fields.representative'), enableSorting: false }),
      col.accessor('sizeClass', {
        header: t('fields.sizeClass'),
        cell: (c) => (c.getValue() ? t(`enums.sizeClass.${c.getValue()}`) : ''),
        enableSorting: false,
      }),
      col.accessor('ksicCode', {
        header: t('fields.ksic'),
        cell: (c) => ksic(c.getValue(), lang),
        enableSorting: false,
      }),
      col.accessor('district', {
        header: t('fields.district'),
        cell: (c) => district(c.getValue(), lang),
        enableSorting: false,
      }),
      col.accessor('employees', {
        header: t('fields.employees'),
        cell: (c) => formatNumber(c.getValue(), lang),
      }),
      col.accessor('revenue', {
        header: t('fields.revenue'),
        cell: (c) => formatKrwCompact(c.getValue(), lang),
      }),
      col.accessor('provenance', {
        header: t('fields.provenance'),
        cell: (c) => t(`enums.provenance.${c.getValue()}`),
        enableSorting: false,
      }),
      col.accessor('createdAt', {
        header: t('fields.registeredOn'),
        cell: (c) =>
          new Date(c.getValue()).toLocaleDateString(lang === 'ko' ? 'ko-KR' : 'en-GB', {
            timeZone: 'Asia/Seoul',
          }),
      }),
    ],
    [t, lang],
  );
}

export function CompanyListPage() {
  const { t } = useTranslation();
  const lang = currentLang();
  const user = useUser();
  const [s, update] = useUrlState(KEYS);
  const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, s[k]])) as Filters;
  const page = toPage(s.page);
  const pageSize = toPage(s.pageSize, 20);
  const sort = (SORTABLE as readonly string[]).includes(s.sort) ? s.sort : s.q ? 'relevance' : 'name';
  const order = s.order === 'desc' ? 'desc' : 'asc';
  const params = {
    ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)),
    sort: sort as (typeof SORTABLE)[number] | 'relevance',
    order: order as 'asc' | 'desc',
    page,
    pageSize,
  };
  const list = useCompanyList(params);
  const columns = useColumns(t, lang);
  const sorting: SortingState = sort === 'relevance' ? [] : [{ id: sort, desc: order === 'desc' }];

  return (
    <>
      <PageHeader
        title={t('companies.title')}
        lead={<p>{user?.role === 'partner' ? t('companies.leadPartner') : t('companies.lead')}</p>}
      />
      <CompanyFilters value={filters} onApply={(f) => update({ ...f, page: undefined })} />
      <div className="app-list-head">
        <LiveStatus className="app-total">
          {list.data && t('companies.total', { n: formatNumber(list.data.total, lang) })}
          {list.isFetching && !list.isPending ? ` · ${t('common.loading')}` : ''}
        </LiveStatus>
        <SelectField
          label={t('pager.pageSize')}
          value={String(pageSize)}
          onChange={(e) => update({ pageSize: e.target.value, page: undefined })}
          options={['20', '50', '100'].map((v) => ({ value: v, label: t('pager.perPage', { n: v }) }))}
        />
      </div>
      <ExportButtons filters={filters} canUnmask={isStaffRole(user?.role)} />
      <QueryPagedTable
        query={list}
        caption={(at) => t('companies.tableCaption', at)}
        columns={columns}
        getRowId={(r) => r.id}
        sorting={sorting}
        onSortingChange={(updater) => {
          const next = typeof updater === 'function' ? updater(sorting) : updater;
          const first = next[0];
          update({ sort: first?.id, order: first?.desc ? 'desc' : 'asc', page: undefined });
        }}
        empty={t('companies.empty')}
        page={page}
        pageSize={pageSize}
        onPage={(p) => update({ page: p })}
      />
    </>
  );
}
