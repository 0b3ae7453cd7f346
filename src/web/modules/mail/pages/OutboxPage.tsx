import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTBOX_STATUSES } from '../../../../server/modules/mail/contract';
import { Alert, ErrorAlert, LiveStatus } from '../../../components/Alert';
import { Badge, type BadgeTone } from '../../../components/Badge';
import { Dialog } from '../../../components/Dialog';
import { SelectField } from '../../../components/Field';
import { FieldRows } from '../../../components/FieldRows';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/Page';
import { QueryPagedTable } from '../../../components/PagedTable';
import { currentLang } from '../../../i18n';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { toPage, useUrlState } from '../../../lib/use-url-state';
import {
  type OutboxItem,
  type OutboxStatus,
  useOutbox,
  useOutboxMessage,
  useRetryOutbox,
} from '../api/outbox';

const col = createColumnHelper<OutboxItem>();
const PAGE_SIZE = 50;
const TONE: Record<OutboxStatus, BadgeTone> = {
  queued: 'gray',
  sending: 'information',
  sent: 'success',
  failed: 'danger',
};

/** 발송함: the mail outbox for staff, with its delivery state, errors and retries. */
export function OutboxPage() {
  const { t } = useTranslation();
  const lang = currentLang();
  const [s, update] = useUrlState(['status', 'page'] as const);
  const status = (OUTBOX_STATUSES as readonly string[]).includes(s.status)
    ? (s.status as OutboxStatus)
    : undefined;
  const page = toPage(s.page);
  const list = useOutbox({ status, page, pageSize: PAGE_SIZE });
  const retry = useRetryOutbox();
  const [viewing, setViewing] = useState<string | undefined>();
  const noSmtp = list.data?.delivery === 'outbox';
  const max = list.data?.maxAttempts ?? 0;

  const columns = useMemo(
    () => [
      col.accessor('createdAt', {
        header: t('outbox.createdAt'),
        cell: (c) => formatDateTime(c.getValue(), lang),
      }),
      col.accessor('to', { header: t('outbox.to') }),
      col.accessor('subject', { header: t('outbox.subject'), meta: { wrap: true } }),
      col.accessor('status', {
        header: t('outbox.state'),
        cell: (c) => {
          const r = c.row.original;
          return (
            <>
              <Badge tone={TONE[r.status]}>{t(`outbox.status.${r.status}`)}</Badge>
              {r.status === 'queued' && noSmtp && <div className="app-muted">{t('outbox.notSent')}</div>}
              {r.status === 'queued' && !noSmtp && r.attempts > 0 && r.nextAttemptAt && (
                <div className="app-muted">
                  {t('outbox.nextAttempt', { at: formatDateTime(r.nextAttemptAt, lang) })}
                </div>
              )}
            </>
          );
        },
      }),
      col.accessor('attempts', {
        header: t('outbox.attempts'),
        cell: (c) => t('outbox.attemptsOf', { n: c.getValue(), max }),
      }),
      col.accessor('sentAt', {
        header: t('outbox.sentAt'),
        cell: (c) => (c.getValue() ? formatDateTime(c.getValue(), lang) : '—'),
      }),
      col.accessor('lastError', {
        header: t('outbox.lastError'),
        cell: (c) => c.getValue() ?? '',
        meta: { wrap: true },
      }),
      col.display({
        id: 'actions',
        header: t('outbox.actions'),
        cell: (c) => {
          const r = c.row.original;
          return (
            <div style={{ display: 'flex', gap: '0.25rem', flexWrap: 'wrap' }}>
              <button type="button" className="krds-btn small secondary" onClick={() => setViewing(r.id)}>
                <span className="sr-only">{r.subject} </span>
                {t('outbox.view')}
              </button>
              {r.status === 'failed' && (
                <button
                  type="button"
                  className="krds-btn small primary"
                  disabled={retry.isPending}
                  onClick={() => retry.mutate(r.id)}
                >
                  <span className="sr-only">{r.subject} </span>
                  {t('outbox.retry')}
                </button>
              )}
            </div>
          );
        },
      }),
    ],
    [t, lang, noSmtp, max, retry],
  );

  return (
    <>
      <PageHeader title={t('outbox.title')} lead={<p>{t('outbox.lead')}</p>} />
      {list.data &&
        (noSmtp ? (
          <Alert tone="warning" title={t('outbox.noSmtpTitle')} live={false}>
            <p>{t('outbox.noSmtp')}</p>
          </Alert>
        ) : (
          <Alert tone="info" live={false}>
            <p>{t('outbox.smtp', { max })}</p>
          </Alert>
        ))}
      <div className="app-filters app-filters--row">
        <SelectField
          label={t('outbox.statusFilter')}
          value={status ?? ''}
          onChange={(e) => update({ status: e.target.value, page: undefined })}
          options={[
            { value: '', label: t('outbox.all') },
            ...OUTBOX_STATUSES.map((v) => ({ value: v, label: t(`outbox.status.${v}`) })),
          ]}
        />
      </div>
      <LiveStatus className="app-total">
        {list.data && (
          <>
            {t('outbox.total', { n: formatNumber(list.data.total, lang) })} ·{' '}
            {t('outbox.counts', list.data.counts)}
          </>
        )}
      </LiveStatus>
      {retry.error && <ErrorAlert error={retry.error} />}
      <LiveStatus>{retry.isSuccess ? t('outbox.retried') : null}</LiveStatus>
      <QueryPagedTable
        query={list}
        caption={(at) => t('outbox.caption', at)}
        columns={columns}
        getRowId={(r) => r.id}
        empty={t('outbox.empty')}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={(p) => update({ page: p })}
      />
      <MessageDialog id={viewing} onClose={() => setViewing(undefined)} />
    </>
  );
}

function MessageDialog({ id, onClose }: { id: string | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const message = useOutboxMessage(id);
  const m = message.data;
  return (
    <Dialog open={!!id} onClose={onClose} title={t('outbox.messageTitle')} size="lg">
      {message.isPending && <Loading />}
      {message.error && <ErrorAlert error={message.error} />}
      {m && (
        <>
          <p className="app-muted">{t('outbox.accessLogged')}</p>
          <FieldRows
            rows={[
              { label: t('outbox.to'), value: m.to },
              { label: t('outbox.subject'), value: m.subject },
              { label: t('outbox.state'), value: t(`outbox.status.${m.status}`) },
              { label: t('outbox.createdAt'), value: formatDateTime(m.createdAt, lang) },
              { label: t('outbox.sentAt'), value: m.sentAt ? formatDateTime(m.sentAt, lang) : null },
              { label: t('outbox.lastError'), value: m.lastError },
            ]}
          />
          <h3 className="app-h3">{t('outbox.body')}</h3>
          {m.body === null ? (
            <Alert tone="info" live={false}>
              <p>{t('outbox.sensitive')}</p>
            </Alert>
          ) : (
            <pre style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{m.body}</pre>
          )}
        </>
      )}
    </Dialog>
  );
}
