import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { validateAnswers } from '../../../../server/modules/applications/answers-contract';
import type { Answers } from '../../../../server/modules/programs/form-contract';
import { maskEmail } from '../../../../shared/text';
import { Alert, ErrorAlert, LiveStatus } from '../../../components/Alert';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { FormSection } from '../../../components/Field';
import { PageHeader, Section } from '../../../components/Page';
import { currentLang } from '../../../i18n';
import { isApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useAutosave, useAutosaveStatus } from '../../../lib/use-autosave';
import { useUser } from '../../accounts/api/auth';
import type { Call } from '../../programs/api/calls';
import { ApplicationStatusBadge, Countdown, useServerCountdown } from '../../programs/pages/call-ui';
import { useHealth } from '../../site/api/system';
import {
  type Application,
  type SubmitResult,
  useRemoveFile,
  useSaveAnswers,
  useSubmitApplication,
  useUploadFile,
  useWithdrawApplication,
} from '../api/applications';
import { AnswersView, extraDocuments, pick } from './answer-view';
import { FileInput, FormFieldInput } from './FormFieldInput';
import { WithApplication } from './WithApplication';

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

type Values = Record<string, unknown>;

/**
 * The errors a submit would meet, by field key: the server's own answer checks (shared code) and the
 * required documents that have no file yet.
 */
function localErrors(call: Call, values: Values, fileKeys: Set<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of validateAnswers(call.form.sections, values as Answers, { submit: true, fileKeys })) {
    const m = /^answers\.(.+)$/.exec(e.path);
    // answers of fields the form no longer has are the server's to judge: no field here could show them
    if (m && e.message !== 'unknown_field' && !(m[1] in out)) out[m[1]] = e.message;
  }
  for (const d of extraDocuments(call)) if (d.required && !fileKeys.has(d.key)) out[d.key] ??= 'required';
  return out;
}

/** A failed submit attempt: its errors and what the form held then, so each error clears once its field is fixed. */
interface Attempt {
  error: unknown | null;
  fields: Record<string, string>;
  values: Values;
  fileKeys: string;
}

const fileKeysOf = (app: Application) => new Set(app.files.map((f) => f.fieldKey));
const keyList = (keys: Set<string>) => [...keys].sort().join(',');

/** The e-mail line of the receipt, true to how this installation delivers mail (absent → outbox). */
function ReceiptMailNote({ justSubmitted }: { justSubmitted: boolean }) {
  const { t } = useTranslation();
  const health = useHealth();
  const user = useUser();
  if (health.isPending) return null;
  const smtp = health.data?.mailDelivery === 'smtp';
  if (!smtp) return <p className="app-muted">{t('appForm.mailOutbox')}</p>;
  // the receipt e-mail goes to whoever submitted, once: say so only to them, right after submitting
  if (!justSubmitted || !user?.email) return null;
  return <p className="app-muted">{t('appForm.mailSmtp', { email: maskEmail(user.email) })}</p>;
}

function Receipt({
  appId,
  receiptNo,
  submittedAt,
  justSubmitted,
}: {
  appId: string;
  receiptNo: string;
  submittedAt: string | null;
  justSubmitted: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="app-receipt" role="status">
      <p>{t('applications.receiptTitle')}</p>
      <strong className="app-receipt__no">{receiptNo}</strong>
      {submittedAt && (
        <p>{t('applications.submittedAt', { at: formatDateTime(submittedAt, currentLang()) })}</p>
      )}
      <ReceiptMailNote justSubmitted={justSubmitted} />
      <p>
        <Link to={`/applications/${appId}/receipt`} className="app-link">
          {t('appForm.printLink')}
        </Link>
      </p>
    </div>
  );
}

function ConfirmSubmitDialog({
  open,
  onClose,
  onConfirm,
  pending,
  app,
  fileCount,
}: {
  open: boolean;
  onClose: () => void;
  onConfirm: () => void;
  pending: boolean;
  app: Application;
  fileCount: number;
}) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      open={open}
      onClose={onClose}
      title={t('appForm.confirmTitle')}
      size="md"
      cancelLabel={t('appForm.back')}
      confirmLabel={t('appForm.confirmSubmit')}
      pending={pending}
      lockCancel
      onConfirm={onConfirm}
    >
      <p>{t('appForm.confirmLead')}</p>
      <ul className="app-list">
        {[
          [t('appForm.confirmCall'), app.callTitle],
          [t('appForm.confirmCompany'), app.companyName],
          [t('appForm.confirmDocuments'), t('appForm.confirmDocumentsCount', { n: fileCount })],
        ].map(([label, value]) => (
          <li key={label}>
            <strong>{label}</strong>: {value}
          </li>
        ))}
      </ul>
      <p>{t('appForm.confirmNote')}</p>
    </ConfirmDialog>
  );
}

/** Moves focus to a field of the form by key: its input, file picker or first choice. */
function focusField(key: string | undefined, fallback: HTMLElement | null) {
  const el = key
    ? (document.getElementById(`field-${key}`) ??
      document.getElementById(`file-${key}`) ??
      document.querySelector<HTMLInputElement>(`[name="${key}"]`))
    : null;
  (el ?? fallback)?.focus();
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
  const [fileError, setFileError] = useState<{ key: string; message: string } | null>(null);
  const [attempt, setAttempt] = useState<Attempt | null>(null);
  const [confirming, setConfirming] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);
  const status = useAutosaveStatus(auto, 'applications');
  const fileKeys = fileKeysOf(app);
  const now = localErrors(call, auto.values, fileKeys);
  // an error stays while its field is still wrong, or unchanged since the attempt (server-only checks)
  const errors: Record<string, string> = {};
  if (attempt)
    for (const [key, message] of Object.entries(attempt.fields)) {
      const unchanged =
        JSON.stringify(auto.values[key] ?? null) === JSON.stringify(attempt.values[key] ?? null) &&
        keyList(fileKeys) === attempt.fileKeys;
      if (now[key]) errors[key] = now[key];
      else if (unchanged) errors[key] = message;
    }
  const nErrors = Object.keys(errors).length;
  const unmapped =
    attempt && isApiError(attempt.error)
      ? attempt.error.fields
          .filter((f) => !/^(?:body\.)?(?:answers|documents)\./.test(f.path))
          .map((f) => f.message)
      : [];
  // field errors keep the alert while one is left; any other refusal stays until the next attempt
  const showAlert =
    !!attempt &&
    (nErrors > 0 || unmapped.length > 0 || (!!attempt.error && Object.keys(attempt.fields).length === 0));

  useEffect(() => {
    if (fileError && uploadingKey === null) document.getElementById(`file-${fileError.key}`)?.focus();
  }, [fileError, uploadingKey]);

  const filesFor = (key: string) => app.files.filter((f) => f.fieldKey === key);
  const messageOf = (e: unknown) => (isApiError(e) ? e.message : t('errors.unexpected'));
  const doUpload = (fieldKey: string) => (file: File) => {
    setUploadingKey(fieldKey);
    setFileError(null);
    upload.mutate(
      { fieldKey, file },
      {
        onError: (e) =>
          setFileError({ key: fieldKey, message: t('appForm.uploadFailed', { message: messageOf(e) }) }),
        onSettled: () => setUploadingKey(null),
      },
    );
  };
  const doRemove = (fieldKey: string) => (fileId: string) => {
    setFileError(null);
    remove.mutate(fileId, {
      onError: (e) =>
        setFileError({ key: fieldKey, message: t('appForm.removeFailed', { message: messageOf(e) }) }),
    });
  };
  const fail = (error: unknown | null, fields: Record<string, string>) => {
    setAttempt({ error, fields, values: { ...auto.values }, fileKeys: keyList(fileKeys) });
    setTimeout(() => focusField(Object.keys(fields)[0], errorRef.current), 0);
  };
  // step 1: check what can be checked here, then ask for confirmation
  const onSubmit = () => {
    if (Object.keys(now).length) {
      fail(null, now);
      return;
    }
    setAttempt(null);
    setConfirming(true);
  };
  // step 2: the final submit
  const onConfirm = async () => {
    try {
      await auto.flush();
      const r = await submit.mutateAsync(idemKey.current);
      setConfirming(false);
      onSubmitted(r);
    } catch (e) {
      // a definitive answer (4xx) ends this attempt; a network failure keeps the key so a retry is safe
      if (isApiError(e) && e.status >= 400 && e.status < 500) idemKey.current = crypto.randomUUID();
      setConfirming(false);
      fail(e, fieldErrors(e));
    }
  };
  // the latest upload failure of a field says more than its "required"
  const fieldError = (key: string) => (fileError?.key === key ? fileError.message : errors[key]);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <div ref={errorRef} tabIndex={-1}>
        {showAlert &&
          (attempt?.error ? (
            <ErrorAlert
              error={attempt.error}
              title={t('applications.submitFailed')}
              extra={[...unmapped, ...(nErrors ? [t('appForm.fixFields', { n: nErrors })] : [])]}
            />
          ) : (
            <Alert tone="error" title={t('applications.submitFailed')}>
              <p>{t('appForm.fixFields', { n: nErrors })}</p>
            </Alert>
          ))}
      </div>
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
              error={fieldError(f.key)}
              onChange={(v) => auto.change(f.key, v ?? null)}
              files={filesFor(f.key)}
              appId={app.id}
              onUpload={doUpload(f.key)}
              onRemove={doRemove(f.key)}
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
              error={fieldError(d.key)}
              files={filesFor(d.key)}
              appId={app.id}
              onUpload={doUpload(d.key)}
              onRemove={doRemove(d.key)}
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
      <ConfirmSubmitDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        onConfirm={onConfirm}
        pending={submit.isPending}
        app={app}
        fileCount={app.files.length}
      />
    </form>
  );
}

function WithdrawButton({ app }: { app: Application }) {
  const { t } = useTranslation();
  const withdraw = useWithdrawApplication(app.id);
  const [open, setOpen] = useState(false);
  return (
    <>
      {withdraw.error && <ErrorAlert error={withdraw.error} />}
      <button
        type="button"
        className="krds-btn medium secondary"
        disabled={withdraw.isPending}
        onClick={() => setOpen(true)}
      >
        {t('applications.withdraw')}
      </button>
      <ConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        title={t('appForm.withdrawConfirmTitle')}
        size="sm"
        cancelLabel={t('appForm.keep')}
        confirmLabel={t('appForm.withdrawConfirm')}
        tone="danger"
        pending={withdraw.isPending}
        onConfirm={() => withdraw.mutate(undefined, { onSettled: () => setOpen(false) })}
      >
        <p>{t('appForm.withdrawConfirmBody')}</p>
      </ConfirmDialog>
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
      <PageHeader
        back={{ to: '/my/applications', label: t('applications.backToMine') }}
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
        <Receipt
          appId={app.id}
          receiptNo={receipt.receiptNo}
          submittedAt={receipt.submittedAt}
          justSubmitted
        />
      ) : (
        app.receiptNo && (
          <Receipt
            appId={app.id}
            receiptNo={app.receiptNo}
            submittedAt={app.submittedAt}
            justSubmitted={false}
          />
        )
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
  return (
    <WithApplication id={id}>
      {(app, call) => <ApplicationBody key={app.id} app={app} call={call} />}
    </WithApplication>
  );
}
