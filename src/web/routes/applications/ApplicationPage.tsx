import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  type Application,
  type Call,
  type SubmitResult,
  useApplication,
  useCall,
  useRemoveFile,
  useSaveAnswers,
  useSubmitApplication,
  useUploadFile,
  useWithdrawApplication,
} from '../../api/calls';
import { isApiError } from '../../api/client';
import { Alert, ErrorAlert, LiveStatus } from '../../components/Alert';
import { FormSection } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { PageHeader, Section } from '../../components/Page';
import { currentLang } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { useAutosave, useAutosaveStatus } from '../../lib/use-autosave';
import { ApplicationStatusBadge, Countdown, useServerCountdown } from '../calls/call-ui';
import { AnswersView, extraDocuments, pick } from './answer-view';
import { FileInput, FormFieldInput } from './FormFieldInput';

const AUTOSAVE_MS = 1200;
const EDITABLE = new Set(['draft', 'supplement_requested']);

/** Server field errors (answers.<key>, documents.<key>) keyed by field key. */
function fieldErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isApiError(error)) return out;
  for (const f of error.fields) {
    const m = /^(?:body\.)?(?:answers|documents)\.(.+)$/.exec(f.path);
    if (m) out[m[1]] = f.message;
  }
  return out;
}

function Receipt({ receiptNo, submittedAt }: { receiptNo: string; submittedAt: string | null }) {
  const { t } = useTranslation();
  return (
    <div className="app-receipt" role="status">
      <p>{t('applications.receiptTitle')}</p>
      <strong className="app-receipt__no">{receiptNo}</strong>
      {submittedAt && (
        <p>{t('applications.submittedAt', { at: formatDateTime(submittedAt, currentLang()) })}</p>
      )}
      <p className="app-muted">{t('applications.receiptNote')}</p>
    </div>
  );
}

function EditForm({
  app,
  call,
  onSubmitted,
}: {
  app: Application;
  call: Call;
  onSubmitted: (r: SubmitResult) => void;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  const auto = useAutosave({ initial: app.answers, save: useSaveAnswers(app.id), delayMs: AUTOSAVE_MS });
  const upload = useUploadFile(app.id);
  const remove = useRemoveFile(app.id);
  const submit = useSubmitApplication(app.id);
  const idemKey = useRef<string>(crypto.randomUUID());
  const [uploadingKey, setUploadingKey] = useState<string | null>(null);
  const errors = fieldErrors(submit.error);
  const errorRef = useRef<HTMLDivElement>(null);
  const status = useAutosaveStatus(auto, 'applications');
  const filesFor = (key: string) => app.files.filter((f) => f.fieldKey === key);
  const doUpload = (fieldKey: string) => (file: File) => {
    setUploadingKey(fieldKey);
    upload.mutate({ fieldKey, file }, { onSettled: () => setUploadingKey(null) });
  };
  const onSubmit = async () => {
    try {
      await auto.flush();
      const r = await submit.mutateAsync(idemKey.current);
      onSubmitted(r);
    } catch (e) {
      // a definitive answer (4xx) ends this attempt; a network failure keeps the key so a retry is safe
      if (isApiError(e) && e.status >= 400 && e.status < 500) idemKey.current = crypto.randomUUID();
      setTimeout(() => {
        const first = Object.keys(fieldErrors(e))[0];
        const el = first
          ? (document.getElementById(`field-${first}`) ??
            document.getElementById(`file-${first}`) ??
            document.querySelector<HTMLInputElement>(`[name="${first}"]`))
          : null;
        (el ?? errorRef.current)?.focus();
      }, 0);
    }
  };
  const unmapped =
    isApiError(submit.error) && submit.error.fields.length
      ? submit.error.fields
          .filter((f) => !/^(?:body\.)?(?:answers|documents)\./.test(f.path))
          .map((f) => f.message)
      : [];
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <div ref={errorRef} tabIndex={-1}>
        {submit.error && (
          <ErrorAlert
            error={submit.error}
            title={t('applications.submitFailed')}
            extra={[
              ...unmapped,
              ...(Object.keys(errors).length
                ? [t('applications.fixFields', { n: Object.keys(errors).length })]
                : []),
            ]}
          />
        )}
      </div>
      {(upload.error || remove.error) && <ErrorAlert error={upload.error ?? remove.error} />}
      <p className="app-muted">{t('applications.requiredNote')}</p>
      {call.form.sections.map((s) => (
        <FormSection key={s.key} title={pick(s.title, lang)}>
          {s.help && pick(s.help, lang) && <p className="form-hint">{pick(s.help, lang)}</p>}
          {s.fields.map((f) => (
            <FormFieldInput
              key={f.key}
              field={f}
              value={auto.values[f.key]}
              prefill={app.prefill[f.key]}
              error={errors[f.key]}
              onChange={(v) => auto.change(f.key, v ?? null)}
              files={filesFor(f.key)}
              appId={app.id}
              onUpload={doUpload(f.key)}
              onRemove={(fileId) => remove.mutate(fileId)}
              busy={uploadingKey === f.key}
            />
          ))}
        </FormSection>
      ))}
      {extraDocuments(call).length > 0 && (
        <FormSection title={t('applications.documents')}>
          {extraDocuments(call).map((d) => (
            <FileInput
              key={d.key}
              fieldKey={d.key}
              label={pick(d, lang)}
              required={d.required}
              error={errors[d.key]}
              files={filesFor(d.key)}
              appId={app.id}
              onUpload={doUpload(d.key)}
              onRemove={(fileId) => remove.mutate(fileId)}
              busy={uploadingKey === d.key}
            />
          ))}
        </FormSection>
      )}
      <div className="app-savebar">
        <LiveStatus>{uploadingKey ? t('applications.uploading') : status}</LiveStatus>
        <button type="submit" className="krds-btn large primary" disabled={submit.isPending}>
          {submit.isPending ? t('common.working') : t('applications.submit')}
        </button>
      </div>
    </form>
  );
}

function WithdrawButton({ app }: { app: Application }) {
  const { t } = useTranslation();
  const withdraw = useWithdrawApplication(app.id);
  return (
    <>
      {withdraw.error && <ErrorAlert error={withdraw.error} />}
      <button
        type="button"
        className="krds-btn medium secondary"
        disabled={withdraw.isPending}
        onClick={() => {
          if (window.confirm(t('applications.withdrawConfirm'))) withdraw.mutate();
        }}
      >
        {t('applications.withdraw')}
      </button>
    </>
  );
}

function ApplicationBody({ app, call }: { app: Application; call: Call }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const [receipt, setReceipt] = useState<SubmitResult | null>(null);
  const left = useServerCountdown(call.closesAt, call.now);
  const beforeDeadline = left > 0;
  const editable = EDITABLE.has(app.status) && (beforeDeadline || app.status === 'supplement_requested');
  const openSupplements = app.supplements.filter((s) => !s.resolvedAt);
  return (
    <>
      <p className="app-breadcrumb">
        <Link to="/my/applications" className="app-link">
          {t('applications.backToMine')}
        </Link>
      </p>
      <PageHeader
        title={app.callTitle}
        docTitle={t('applications.docTitle', { title: app.callTitle })}
        lead={
          <p className="app-badges">
            <ApplicationStatusBadge status={app.status} />
            <span>{app.companyName}</span>
            <span>{t('calls.deadline', { at: formatDateTime(call.closesAt, lang) })}</span>
            {beforeDeadline && <Countdown closesAt={call.closesAt} serverNow={call.now} />}
          </p>
        }
      />
      {receipt ? (
        <Receipt receiptNo={receipt.receiptNo} submittedAt={receipt.submittedAt} />
      ) : (
        app.receiptNo && <Receipt receiptNo={app.receiptNo} submittedAt={app.submittedAt} />
      )}
      {app.statusReason && app.status !== 'supplement_requested' && (
        <Alert tone="warning" live={false} title={t('applications.statusReason')}>
          <p>{app.statusReason}</p>
        </Alert>
      )}
      {openSupplements.length > 0 && (
        <Alert tone="warning" live={false} title={t('applications.supplementTitle')}>
          <ul className="app-list">
            {openSupplements.map((s) => (
              <li key={s.id}>
                {s.message}{' '}
                <strong>({t('applications.dueAt', { at: formatDateTime(s.dueAt, lang) })})</strong>
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {!editable && app.status === 'draft' && (
        <Alert tone="warning">{t('applications.deadlinePassed')}</Alert>
      )}
      {editable ? (
        <EditForm app={app} call={call} onSubmitted={setReceipt} />
      ) : (
        <Section id="answers" title={t('applications.answersTitle')}>
          <AnswersView app={app} call={call} />
        </Section>
      )}
      {app.status === 'submitted' && beforeDeadline && (
        <Section id="withdraw" title={t('applications.withdrawTitle')}>
          <p>{t('applications.withdrawBody')}</p>
          <WithdrawButton app={app} />
        </Section>
      )}
    </>
  );
}

export function ApplicationPage() {
  const { id = '' } = useParams();
  const app = useApplication(id);
  const call = useCall(app.data?.callId ?? '', undefined);
  if (app.isPending || (app.data && call.isPending)) return <Loading />;
  if (app.error) return <ErrorAlert error={app.error} />;
  if (call.error) return <ErrorAlert error={call.error} />;
  if (!call.data) return <Loading />;
  return <ApplicationBody key={app.data.id} app={app.data} call={call.data} />;
}
