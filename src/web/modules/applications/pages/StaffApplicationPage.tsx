import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Alert, ErrorAlert } from '../../../components/Alert';
import { Check, ChoiceGroup, TextAreaField, TextField } from '../../../components/Field';
import { FieldRows } from '../../../components/FieldRows';
import { Loading } from '../../../components/Loading';
import { PageHeader, Section } from '../../../components/Page';
import { currentLang } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import { useCall } from '../../programs/api/calls';
import { ApplicationStatusBadge } from '../../programs/pages/call-ui';
import { useApplication, useRequestSupplement, useReviewApplication } from '../api/applications';
import { AnswersView } from './answer-view';

/** datetime-local (KST wall clock) → ISO with +09:00 */
const kstIso = (local: string) => (local ? `${local}:00+09:00` : '');

function SupplementForm({ id }: { id: string }) {
  const { t } = useTranslation();
  const m = useRequestSupplement(id);
  const [message, setMessage] = useState('');
  const [due, setDue] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    m.mutate({ message, dueAt: kstIso(due) }, { onSuccess: () => setMessage('') });
  };
  return (
    <Section id="supplement" title={t('staffCalls.supplementTitle')}>
      <form onSubmit={submit}>
        {m.error && <ErrorAlert error={m.error} />}
        {m.isSuccess && <Alert tone="success">{t('staffCalls.supplementSent')}</Alert>}
        <TextAreaField
          label={t('staffCalls.message')}
          required
          rows={4}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
        />
        <TextField
          label={t('staffCalls.dueAt')}
          hint={t('calls.kstNote')}
          required
          type="datetime-local"
          value={due}
          onChange={(e) => setDue(e.target.value)}
        />
        <button type="submit" className="krds-btn medium primary" disabled={m.isPending}>
          {t('staffCalls.sendSupplement')}
        </button>
      </form>
    </Section>
  );
}

function ReviewForm({ id }: { id: string }) {
  const { t } = useTranslation();
  const m = useReviewApplication(id);
  // no outcome is chosen for the reviewer: an unchosen one is asked for, not assumed
  const [status, setStatus] = useState<'incomplete' | 'ineligible' | 'submitted' | null>(null);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!status) {
      document.querySelector<HTMLInputElement>('input[name="reviewStatus"]')?.focus();
      return;
    }
    m.mutate({ status, reason });
  };
  const options = [
    ['incomplete', t('staffCalls.markIncomplete')],
    ['ineligible', t('staffCalls.markIneligible')],
    ['submitted', t('staffCalls.markSubmitted')],
  ] as const;
  return (
    <Section id="review" title={t('staffCalls.reviewTitle')}>
      <form onSubmit={submit}>
        {m.error && <ErrorAlert error={m.error} />}
        {m.isSuccess && <Alert tone="success">{t('staffCalls.reviewed')}</Alert>}
        <ChoiceGroup
          legend={t('staffCalls.reviewStatus')}
          required
          error={tried && !status ? { message: t('staffReview.chooseStatus') } : undefined}
        >
          {options.map(([v, label]) => (
            <Check
              key={v}
              type="radio"
              name="reviewStatus"
              label={label}
              checked={status === v}
              onChange={() => setStatus(v)}
            />
          ))}
        </ChoiceGroup>
        <TextAreaField
          label={t('common.reason')}
          hint={t('common.reasonHint')}
          required
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <button type="submit" className="krds-btn medium primary" disabled={m.isPending}>
          {t('staffCalls.applyReview')}
        </button>
      </form>
    </Section>
  );
}

export function StaffApplicationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const lang = currentLang();
  const app = useApplication(id);
  const call = useCall(app.data?.callId ?? '');
  if (app.isPending || (app.data && call.isPending)) return <Loading />;
  if (app.error) return <ErrorAlert error={app.error} />;
  if (call.error) return <ErrorAlert error={call.error} />;
  if (!call.data) return <Loading />;
  const a = app.data;
  return (
    <>
      <PageHeader
        back={{ to: `/staff/calls/${a.callId}`, label: t('staffCalls.backToCall') }}
        title={a.companyName}
        docTitle={`${t('staffCalls.appTitle')}: ${a.companyName}`}
        lead={
          <p className="app-badges">
            <ApplicationStatusBadge status={a.status} />
            <span>{a.callTitle}</span>
          </p>
        }
      />
      <Section id="summary" title={t('staffCalls.appTitle')}>
        <FieldRows
          rows={[
            { label: t('staffCalls.receiptNo'), value: a.receiptNo },
            { label: t('staffCalls.submittedAt'), value: formatDateTime(a.submittedAt, lang) },
            { label: t('applications.statusReason'), value: a.statusReason },
          ]}
        />
        {a.supplements.length > 0 && (
          <>
            <h3 className="app-h3">{t('staffCalls.supplementsHistory')}</h3>
            <ul className="app-list">
              {a.supplements.map((s) => (
                <li key={s.id}>
                  {s.message} ({t('applications.dueAt', { at: formatDateTime(s.dueAt, lang) })},{' '}
                  {s.resolvedAt ? t('staffCalls.resolved') : t('staffCalls.open')})
                </li>
              ))}
            </ul>
          </>
        )}
      </Section>
      <Section id="answers" title={t('applications.answersTitle')}>
        <AnswersView app={a} call={call.data} />
      </Section>
      <SupplementForm id={a.id} />
      <ReviewForm id={a.id} />
    </>
  );
}
