import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { INVITATION_STATUSES, type InvitationStatus } from '../../../../../server/modules/diagnosis/contract';
import { ErrorAlert, LiveStatus } from '../../../../components/Alert';
import { Badge, type BadgeTone } from '../../../../components/Badge';
import { SelectField } from '../../../../components/Field';
import { Loading } from '../../../../components/Loading';
import { PageHeader, Section } from '../../../../components/Page';
import { PagedTable } from '../../../../components/PagedTable';
import { formatDateTime } from '../../../../lib/format';
import { isStaffRole } from '../../../../lib/roles';
import { toPage, useUrlState } from '../../../../lib/use-url-state';
import { useUser } from '../../../accounts/api/auth';
import { type InvitationList, useInvitations } from '../../api/diagnosis';
import { useFormats } from './common';
import { InviteForm } from './InviteForm';
import { StaffDiagnosisNav } from './StaffDiagnosisNav';

type Invitation = InvitationList['items'][number];
const KEYS = ['status', 'page'] as const;
const PAGE_SIZE = 20;
const TONE: Record<InvitationStatus, BadgeTone> = {
  sent: 'gray',
  started: 'information',
  submitted: 'success',
};
const col = createColumnHelper<Invitation>();

/** 진단 초대: staff and associations invite firms to the diagnosis and follow sent → started → submitted. */
export function InvitationsPage() {
  const { t } = useTranslation();
  const f = useFormats();
  const user = useUser();
  const staff = isStaffRole(user?.role);
  const [s, update] = useUrlState(KEYS);
  const page = toPage(s.page);
  const status = (INVITATION_STATUSES as readonly string[]).includes(s.status)
    ? (s.status as InvitationStatus)
    : undefined;
  const list = useInvitations({ status, page, pageSize: PAGE_SIZE });
  const columns = useMemo(
    () => [
      col.accessor('companyName', {
        header: t('diagnosisStats.firm'),
        meta: { wrap: true },
        cell: (c) =>
          c.getValue() ?? <span className="app-muted">{t('diagnosisStats.invitations.noFirm')}</span>,
      }),
      col.accessor('email', {
        header: t('diagnosisStats.invitations.email'),
        cell: (c) => c.getValue() ?? <span className="app-muted">—</span>,
      }),
      col.accessor('status', {
        header: t('diagnosisStats.invitations.status'),
        cell: (c) => (
          <Badge tone={TONE[c.getValue()]}>{t(`diagnosisStats.invitations.statuses.${c.getValue()}`)}</Badge>
        ),
      }),
      col.accessor('sentAt', {
        header: t('diagnosisStats.invitations.sentAt'),
        cell: (c) => <span className="app-nowrap">{formatDateTime(c.getValue(), f.lang)}</span>,
      }),
      col.accessor('startedAt', {
        header: t('diagnosisStats.invitations.startedAt'),
        cell: (c) => <span className="app-nowrap">{formatDateTime(c.getValue(), f.lang) || '—'}</span>,
      }),
      col.accessor('submittedAt', {
        header: t('diagnosisStats.invitations.submittedAt'),
        cell: (c) => <span className="app-nowrap">{formatDateTime(c.getValue(), f.lang) || '—'}</span>,
      }),
    ],
    [t, f],
  );

  return (
    <>
      <PageHeader
        title={t('diagnosisStats.invitations.title')}
        lead={
          <p>{staff ? t('diagnosisStats.invitations.lead') : t('diagnosisStats.invitations.leadPartner')}</p>
        }
      />
      <StaffDiagnosisNav />
      <InviteForm staff={staff} />
      <Section id="dxs-invitations" title={t('diagnosisStats.invitations.listTitle')}>
        {list.isPending && <Loading />}
        <ErrorAlert error={list.error} />
        {list.data && (
          <>
            <Funnel totals={list.data.totals} />
            <div className="app-list-head">
              <LiveStatus className="app-total">
                {t('diagnosisStats.invitations.total', { n: f.count(list.data.total) })}
                {list.isFetching && !list.isPending ? ` · ${t('common.loading')}` : ''}
              </LiveStatus>
              <SelectField
                label={t('diagnosisStats.invitations.statusFilter')}
                value={status ?? ''}
                onChange={(e) => update({ status: e.target.value, page: undefined })}
                placeholder={t('common.all')}
                options={INVITATION_STATUSES.map((v) => ({
                  value: v,
                  label: t(`diagnosisStats.invitations.statuses.${v}`),
                }))}
              />
            </div>
            <PagedTable
              caption={(at) => t('diagnosisStats.invitations.tableCaption', at)}
              columns={columns}
              data={list.data.items}
              getRowId={(r) => r.id}
              busy={list.isFetching}
              empty={t('diagnosisStats.invitations.empty')}
              page={page}
              pageSize={PAGE_SIZE}
              total={list.data.total}
              onPage={(p) => update({ page: p })}
            />
          </>
        )}
      </Section>
    </>
  );
}

/** sent → started → submitted, each as a share of the invitations sent. */
function Funnel({ totals }: { totals: InvitationList['totals'] }) {
  const { t } = useTranslation();
  const f = useFormats();
  const steps = INVITATION_STATUSES.map((k) => ({ k, n: totals[k] }));
  return (
    <ol className="app-stats dxs-funnel" aria-label={t('diagnosisStats.invitations.funnel')}>
      {steps.map(({ k, n }) => (
        <li key={k}>
          <span className="app-stats__label">{t(`diagnosisStats.invitations.funnelSteps.${k}`)}</span>
          <strong className="dxs-funnel__value">{f.count(n)}</strong>
          <span className="dxs-funnel__pct">
            {k === 'sent'
              ? t('diagnosisStats.invitations.base')
              : t('diagnosisStats.invitations.ofSent', { pct: f.pct(n, totals.sent) })}
          </span>
          <span className="dxs-funnel__track" aria-hidden="true">
            <span
              className="dxs-funnel__fill"
              style={{ width: `${totals.sent ? (n / totals.sent) * 100 : 0}%` }}
            />
          </span>
        </li>
      ))}
    </ol>
  );
}
