import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  CALL_STATUSES,
  type CallStatus,
  PROGRAM_MODULES,
  type ProgramModule,
} from '../../../../shared/enums';
import { ErrorAlert, LiveStatus } from '../../../components/Alert';
import { Check, SelectField, TextField } from '../../../components/Field';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/Page';
import { Pager } from '../../../components/Pager';
import { SearchForm } from '../../../components/SearchForm';
import { currentLang } from '../../../i18n';
import { formatDateTime, formatKrwCompact, formatNumber } from '../../../lib/format';
import { COMPANY_ROLES } from '../../../lib/roles';
import { toPage, useUrlState } from '../../../lib/use-url-state';
import { useUser } from '../../accounts/api/auth';
import { useMyCompanies } from '../../companies/api/companies';
import { type CallSummary, useCallList } from '../api/calls';
import { CallStatusBadge, Countdown, formatRatio } from './call-ui';

const KEYS = ['module', 'status', 'q', 'eligible', 'page'] as const;
const PUBLIC_STATUSES: CallStatus[] = ['open', 'published', 'closed'];
const PAGE_SIZE = 20;

function CallCard({ call, staff, serverNow }: { call: CallSummary; staff: boolean; serverNow?: string }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const to = staff ? `/staff/calls/${call.id}` : `/calls/${call.id}`;
  const program = lang === 'ko' ? call.programNameKo : call.programNameEn || call.programNameKo;
  return (
    <li className="app-card app-call-card">
      <p className="app-card__eyebrow">
        {t(`calls.module.${call.module}`)} · {program}
      </p>
      <h2 className="app-h3">
        <Link to={to} className="app-link">
          {call.title}
        </Link>
      </h2>
      <p className="app-badges">
        <CallStatusBadge status={call.status} />
        {call.status === 'open' && <Countdown closesAt={call.closesAt} serverNow={serverNow} />}
      </p>
      <dl className="app-call-card__facts">
        <div>
          <dt>{t('calls.period')}</dt>
          <dd>
            {formatDateTime(call.opensAt, lang)} ~ {formatDateTime(call.closesAt, lang)}
          </dd>
        </div>
        <div>
          <dt>{t('calls.capacity')}</dt>
          <dd>{t('calls.firms', { n: formatNumber(call.capacity, lang) })}</dd>
        </div>
        {call.perFirmCap !== null && (
          <div>
            <dt>{t('calls.perFirmCap')}</dt>
            <dd>{formatKrwCompact(call.perFirmCap, lang)}</dd>
          </div>
        )}
        <div>
          <dt>{t('calls.competition')}</dt>
          <dd>
            {formatRatio(call.competitionRatio)}{' '}
            <span className="app-muted">
              ({t('calls.applicants', { n: formatNumber(call.submittedCount, lang) })})
            </span>
          </dd>
        </div>
      </dl>
    </li>
  );
}

export function CallListPage({ staff = false }: { staff?: boolean }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const user = useUser();
  const [s, update] = useUrlState(KEYS);
  const [q, setQ] = useState(s.q);
  useEffect(() => setQ(s.q), [s.q]);
  const companyUser = !!user && COMPANY_ROLES.includes(user.role);
  const mine = useMyCompanies(companyUser && !staff);
  const companyId = mine.data?.items.find((i) => i.membership.status === 'active')?.company.id;
  const page = toPage(s.page);
  const list = useCallList({
    module: (PROGRAM_MODULES as readonly string[]).includes(s.module)
      ? (s.module as ProgramModule)
      : undefined,
    status: (CALL_STATUSES as readonly string[]).includes(s.status) ? (s.status as CallStatus) : undefined,
    q: s.q || undefined,
    eligibleFor: s.eligible === '1' && companyId ? companyId : undefined,
    page,
    pageSize: PAGE_SIZE,
  });
  const statuses = staff ? CALL_STATUSES : PUBLIC_STATUSES;
  return (
    <>
      <PageHeader
        title={staff ? t('calls.staffTitle') : t('calls.title')}
        lead={<p>{staff ? t('calls.staffLead') : t('calls.lead')}</p>}
        actions={
          staff ? (
            <Link to="/staff/calls/new" className="krds-btn medium primary">
              {t('callEditor.staff.newCall')}
            </Link>
          ) : undefined
        }
      />
      <SearchForm
        label={t('calls.searchLabel')}
        onSearch={() => update({ q, page: undefined })}
        button="medium"
        after={
          companyUser &&
          !staff &&
          companyId && (
            <div className="app-call-toggle">
              <Check
                label={t('calls.eligibleOnly')}
                checked={s.eligible === '1'}
                onChange={(e) => update({ eligible: e.target.checked ? '1' : undefined, page: undefined })}
              />
            </div>
          )
        }
      >
        <TextField label={t('calls.q')} type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        <SelectField
          label={t('calls.moduleLabel')}
          value={s.module}
          placeholder={t('common.all')}
          onChange={(e) => update({ module: e.target.value, page: undefined })}
          options={PROGRAM_MODULES.map((m) => ({ value: m, label: t(`calls.module.${m}`) }))}
        />
        <SelectField
          label={t('calls.statusLabel')}
          value={s.status}
          placeholder={t('common.all')}
          onChange={(e) => update({ status: e.target.value, page: undefined })}
          options={statuses.map((v) => ({ value: v, label: t(`calls.status.${v}`) }))}
        />
      </SearchForm>
      <div className="app-list-head">
        <LiveStatus className="app-total">
          {list.data && t('calls.total', { n: formatNumber(list.data.total, lang) })}
          {list.isFetching && !list.isPending ? ` · ${t('common.loading')}` : ''}
        </LiveStatus>
      </div>
      {list.isPending && <Loading />}
      {list.error && <ErrorAlert error={list.error} />}
      {list.data && list.data.items.length === 0 && <p className="app-muted">{t('calls.empty')}</p>}
      {list.data && list.data.items.length > 0 && (
        <ul className="app-cards app-call-cards" aria-busy={list.isFetching || undefined}>
          {list.data.items.map((c) => (
            <CallCard key={c.id} call={c} staff={staff} serverNow={list.data.now} />
          ))}
        </ul>
      )}
      {list.data && (
        <Pager page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={(p) => update({ page: p })} />
      )}
    </>
  );
}

export function StaffCallListPage() {
  return <CallListPage staff />;
}
