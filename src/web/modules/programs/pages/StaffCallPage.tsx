import { createColumnHelper } from '@tanstack/react-table';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { CALL_TRANSITIONS } from '../../../../server/modules/programs/lifecycle-contract';
import { APPLICATION_STATUSES, type CallStatus } from '../../../../shared/enums';
import { Alert, ErrorAlert, LiveStatus } from '../../../components/Alert';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { FormSection, SelectField, TextField } from '../../../components/Field';
import { FieldRows } from '../../../components/FieldRows';
import { Loading } from '../../../components/Loading';
import { Section } from '../../../components/Page';
import { QueryPagedTable } from '../../../components/PagedTable';
import { SearchForm } from '../../../components/SearchForm';
import { currentLang } from '../../../i18n';
import { download } from '../../../lib/api-client';
import { brn, formatDateTime, formatNumber } from '../../../lib/format';
import { withJosa } from '../../../lib/josa';
import { toPage, useUrlState } from '../../../lib/use-url-state';
import { type ApplicationSummary, useCallApplications } from '../../applications/api/applications';
import { pick } from '../../applications/pages/answer-view';
import { type Call, useCall, useTransitionCall } from '../api/calls';
import { ApplicationStatusBadge, CallHeader, CallStatusBadge, formatRatio } from './call-ui';

const col = createColumnHelper<ApplicationSummary>();
const PAGE_SIZE = 20;

function Lifecycle({ call }: { call: Call }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const transition = useTransitionCall(call.id);
  const next = CALL_TRANSITIONS[call.status] ?? [];
  const [asking, setAsking] = useState<CallStatus | null>(null);
  const statusTo = (to: CallStatus) => withJosa(t(`calls.status.${to}`), '으로/로', lang);
  return (
    <Section id="lifecycle" title={t('staffCalls.lifecycleTitle')}>
      <p className="app-badges">
        <CallStatusBadge status={call.status} />
      </p>
      {transition.error && <ErrorAlert error={transition.error} />}
      {transition.isSuccess && <Alert tone="success">{t('staffCalls.transitioned')}</Alert>}
      <div className="app-cta">
        {next.map((to: CallStatus) => (
          <button
            key={to}
            type="button"
            className="krds-btn medium secondary"
            disabled={transition.isPending}
            onClick={() => setAsking(to)}
          >
            {t('staffCalls.transitionTo', { status: statusTo(to) })}
          </button>
        ))}
      </div>
      <ConfirmDialog
        open={asking !== null}
        onClose={() => setAsking(null)}
        title={t('staffReview.transitionTitle')}
        size="sm"
        confirmLabel={t('staffReview.transitionConfirm')}
        pending={transition.isPending}
        onConfirm={() => {
          if (asking) transition.mutate(asking, { onSettled: () => setAsking(null) });
        }}
      >
        <p>{asking && t('staffReview.transitionBody', { status: statusTo(asking) })}</p>
      </ConfirmDialog>
    </Section>
  );
}

function Downloads({ callId }: { callId: string }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const get = async (path: string) => {
    setError(null);
    setBusy(true);
    try {
      await download(path);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section id="downloads" title={t('staffCalls.downloadsTitle')}>
      {error ? <ErrorAlert error={error} /> : null}
      <div className="app-cta">
        <button
          type="button"
          className="krds-btn medium secondary"
          disabled={busy}
          onClick={() => get(`/calls/${callId}/applications/export.xlsx`)}
        >
          {t('staffCalls.exportXlsx')}
        </button>
        <button
          type="button"
          className="krds-btn medium secondary"
          disabled={busy}
          onClick={() => get(`/calls/${callId}/applications/documents.zip`)}
        >
          {t('staffCalls.documentsZip')}
        </button>
      </div>
      <LiveStatus>{busy ? t('common.working') : ''}</LiveStatus>
    </Section>
  );
}

function FormPreview({ call }: { call: Call }) {
  const { t } = useTranslation();
  const lang = currentLang();
  return (
    <Section id="preview" title={t('staffCalls.previewTitle')}>
      <details className="app-disclosure">
        <summary>{t('staffCalls.previewLead')}</summary>
        <div className="app-prose" style={{ padding: '0 1.6rem 1.6rem' }}>
          {call.form.sections.map((s) => (
            <FormSection key={s.key} title={pick(s.title, lang)}>
              <FieldRows
                rows={s.fields.map((f) => ({
                  key: f.key,
                  label: `${pick(f.label, lang)}${f.required ? ' *' : ''}`,
                  value: [
                    t(`staffCalls.fieldType.${f.type}`),
                    f.options?.map((o) => pick(o, lang)).join(' / '),
                    f.maxLength ? `≤ ${f.maxLength}` : '',
                  ]
                    .filter(Boolean)
                    .join(' · '),
                }))}
              />
            </FormSection>
          ))}
        </div>
      </details>
    </Section>
  );
}

export function StaffCallPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const lang = currentLang();
  const call = useCall(id, 10_000);
  const saved = (useLocation().state as { saved?: 'created' | 'updated' } | null)?.saved;
  const [s, update] = useUrlState(['status', 'q', 'page'] as const);
  const [q, setQ] = useState(s.q);
  useEffect(() => setQ(s.q), [s.q]);
  const page = toPage(s.page);
  const apps = useCallApplications(id, { status: s.status || undefined, q: s.q || undefined, page });
  const columns = useMemo(
    () => [
      col.accessor('companyName', {
        header: t('staffCalls.company'),
        meta: { wrap: true },
        cell: (c) => (
          <Link to={`/staff/applications/${c.row.original.id}`} className="app-link">
            {c.getValue()}
          </Link>
        ),
      }),
      col.accessor('companyBrn', { header: t('fields.brn'), cell: (c) => brn(c.getValue()) }),
      col.accessor('status', {
        header: t('applications.statusLabel'),
        cell: (c) => <ApplicationStatusBadge status={c.getValue()} />,
      }),
      col.accessor('receiptNo', { header: t('staffCalls.receiptNo'), cell: (c) => c.getValue() ?? '—' }),
      col.accessor('submittedAt', {
        header: t('staffCalls.submittedAt'),
        cell: (c) => formatDateTime(c.getValue(), lang) || '—',
      }),
    ],
    [t, lang],
  );
  if (call.isPending) return <Loading />;
  if (call.error) return <ErrorAlert error={call.error} />;
  const c = call.data;
  const counts = apps.data?.counts ?? {};
  return (
    <>
      <CallHeader
        call={c}
        back={{ to: '/staff/calls', label: t('calls.staffTitle') }}
        actions={
          <>
            {c.status !== 'archived' && (
              <Link to={`/staff/calls/${c.id}/edit`} className="krds-btn medium primary">
                {t('callEditor.staff.edit')}
              </Link>
            )}
            <Link to={`/calls/${c.id}`} className="krds-btn medium secondary">
              {t('callEditor.staff.preview')}
            </Link>
          </>
        }
      >
        <span>{t('calls.deadline', { at: formatDateTime(c.closesAt, lang) })}</span>
      </CallHeader>
      {saved && <Alert tone="success">{t(`callEditor.staff.${saved}`)}</Alert>}
      <Section id="counts" title={t('staffCalls.countsTitle')}>
        <p className="app-muted">{t('staffCalls.live')}</p>
        {apps.data && (
          <dl className="app-counts">
            <div>
              <dt>{t('staffCalls.ratio')}</dt>
              <dd>{formatRatio(apps.data.competitionRatio)}</dd>
            </div>
            <div>
              <dt>{t('staffCalls.capacity')}</dt>
              <dd>{t('calls.firms', { n: formatNumber(apps.data.capacity, lang) })}</dd>
            </div>
            {APPLICATION_STATUSES.filter((st) => counts[st]).map((st) => (
              <div key={st}>
                <dt>{t(`applications.status.${st}`)}</dt>
                <dd>{formatNumber(counts[st], lang)}</dd>
              </div>
            ))}
          </dl>
        )}
      </Section>
      <Lifecycle call={c} />
      <Downloads callId={c.id} />
      <Section id="applications" title={t('staffCalls.applicationsTitle')}>
        <SearchForm
          label={t('staffCalls.applicationsTitle')}
          onSearch={() => update({ q, page: undefined })}
          button="medium"
        >
          <TextField
            label={t('staffCalls.q')}
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
          <SelectField
            label={t('applications.statusLabel')}
            value={s.status}
            placeholder={t('common.all')}
            onChange={(e) => update({ status: e.target.value, page: undefined })}
            options={APPLICATION_STATUSES.map((v) => ({ value: v, label: t(`applications.status.${v}`) }))}
          />
        </SearchForm>
        <QueryPagedTable
          query={apps}
          caption={(at) => t('staffCalls.caption', at)}
          columns={columns}
          getRowId={(r) => r.id}
          empty={t('staffCalls.empty')}
          page={page}
          pageSize={apps.data?.pageSize || PAGE_SIZE}
          onPage={(p) => update({ page: p })}
        />
      </Section>
      <FormPreview call={c} />
    </>
  );
}
