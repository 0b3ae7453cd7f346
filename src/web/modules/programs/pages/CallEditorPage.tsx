import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PROGRAM_MODULES } from '../../../../shared/enums';
import { Alert, ErrorAlert } from '../../../components/Alert';
import { SelectField, TextAreaField, TextField } from '../../../components/Field';
import { FieldRows } from '../../../components/FieldRows';
import { Loading } from '../../../components/Loading';
import { Markdown } from '../../../components/Markdown';
import { PageHeader, Section } from '../../../components/Page';
import { currentLang } from '../../../i18n';
import { isApiError } from '../../../lib/api-client';
import { type CallCreateBody, type CallPatchBody, useCreateCall, usePatchCall } from '../api/call-admin';
import { type Call, useCall } from '../api/calls';
import { type Program, usePrograms } from '../api/programs';
import { AttachmentsEditor } from './AttachmentsEditor';

import { DocumentsEditor } from './DocumentsEditor';
import { EligibilityEditor } from './EligibilityEditor';
import {
  canonical,
  createBody,
  type Draft,
  draftFromCall,
  type Errors,
  ErrorsContext,
  emptyDraft,
  errorsFrom,
  isPlaced,
  patchBody,
  toSections,
  useErr,
} from './editor-model';
import { FormBuilder } from './FormBuilder';
import { KstDateTimeField, MoneyField } from './ScheduleFields';
import '../styles/call-editor.css';

/** 공고 등록·수정: staff create a call as a draft, or edit one (optimistic version; 409 → reload). */
export function CallEditorPage() {
  const { id } = useParams();
  const call = useCall(id ?? '');
  const programs = usePrograms();
  if (id && call.isPending) return <Loading />;
  if (id && call.error) return <ErrorAlert error={call.error} />;
  if (programs.isPending) return <Loading />;
  if (programs.error) return <ErrorAlert error={programs.error} />;
  return (
    <Editor
      // a reload after a conflict starts again from the server's copy
      key={call.data ? `${call.data.id}:${call.data.version}` : 'new'}
      call={call.data}
      programs={programs.data.items}
      reload={() => call.refetch()}
    />
  );
}

function Editor({ call, programs, reload }: { call?: Call; programs: Program[]; reload: () => void }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>(() =>
    call
      ? draftFromCall(call)
      : emptyDraft({
          ko: t('callEditor.form.defaultSection', { lng: 'ko' }),
          en: t('callEditor.form.defaultSection', { lng: 'en' }),
        }),
  );
  // The server's field errors, with the body they were about: an error disappears once its value changes.
  const [refused, setRefused] = useState<{ errors: Errors; body: unknown; tick: number }>({
    errors: {},
    body: null,
    tick: 0,
  });
  const [failure, setFailure] = useState<unknown>(null);
  const create = useCreateCall();
  const patch = usePatchCall(call?.id ?? '');
  const saving = create.isPending || patch.isPending;
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));

  const formChanged = !!call && canonical(toSections(draft.sections)) !== canonical(call.form.sections);
  const newVersion = call?.formInUse && formChanged ? call.form.version + 1 : null;
  const conflict = isApiError(failure) && failure.status === 409 && failure.code === 'stale_version';
  const current = call ? patchBody(draft, call) : createBody(draft);
  const errors = stillWrong(refused.errors, refused.body, current);
  const unplaced = Object.entries(errors).filter(([p]) => !isPlaced(p));
  const errorCount = Object.keys(errors).length;
  const showFailure = !!failure && !(isApiError(failure) && failure.fields.length > 0 && errorCount === 0);

  // Move to the first field the server refused.
  useEffect(() => {
    if (refused.tick) document.querySelector<HTMLElement>('#call-editor [aria-invalid="true"]')?.focus();
  }, [refused.tick]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const body = current;
    const onError = (err: unknown) => {
      setFailure(err);
      setRefused((r) => ({ errors: isApiError(err) ? errorsFrom(err) : {}, body, tick: r.tick + 1 }));
    };
    if (call)
      patch.mutate(body as CallPatchBody, {
        onSuccess: (c) => navigate(`/staff/calls/${c.id}`, { state: { saved: 'updated' } }),
        onError,
      });
    else
      create.mutate(body as CallCreateBody, {
        onSuccess: (c) => navigate(`/staff/calls/${c.id}`, { state: { saved: 'created' } }),
        onError,
      });
  };

  const title = call ? t('callEditor.editTitle') : t('callEditor.newTitle');
  const program = programs.find((p) => p.id === draft.programId);
  return (
    <ErrorsContext.Provider value={errors}>
      <PageHeader
        back={{
          to: call ? `/staff/calls/${call.id}` : '/staff/calls',
          label: call ? t('staffCalls.backToCall') : `← ${t('calls.staffTitle')}`,
        }}
        title={title}
        docTitle={call ? `${title}: ${call.title}` : title}
        lead={<p>{call ? call.title : t('callEditor.newLead')}</p>}
      />
      <form id="call-editor" onSubmit={submit} noValidate>
        <Section id="basics" className="ce-part" title={t('callEditor.basicsTitle')}>
          {call ? (
            <FieldRows
              rows={[
                { label: t('callEditor.program'), value: programName(program, lang) },
                { label: t('callEditor.year'), value: draft.year },
              ]}
            />
          ) : (
            <div className="app-grid-2">
              <ProgramSelect
                programs={programs}
                value={draft.programId}
                onChange={(v) => set('programId', v)}
              />
              <TextField
                id="call-year"
                label={t('callEditor.year')}
                type="number"
                inputMode="numeric"
                required
                min={2000}
                max={2100}
                value={draft.year}
                error={errOf(errors, 'year')}
                onChange={(e) => set('year', e.target.value)}
              />
            </div>
          )}
          <TextField
            id="call-title"
            label={t('callEditor.callTitle')}
            hint={t('callEditor.callTitleHint')}
            required
            maxLength={200}
            value={draft.title}
            error={errOf(errors, 'title')}
            onChange={(e) => set('title', e.target.value)}
          />
          <BodyField value={draft.body} onChange={(v) => set('body', v)} />
        </Section>

        <Section id="schedule" className="ce-part" title={t('calls.scheduleTitle')}>
          <p className="app-muted">{t('calls.kstNote')}</p>
          <div className="app-grid-2">
            {(['opensAt', 'closesAt', 'evaluationAt', 'announceAt'] as const).map((k) => (
              <KstDateTimeField
                key={k}
                id={`call-${k}`}
                label={t(`calls.${k}`)}
                required={k === 'opensAt' || k === 'closesAt'}
                value={draft[k]}
                error={errOf(errors, k)}
                onChange={(v) => set(k, v)}
              />
            ))}
          </div>
        </Section>

        <Section id="scale" className="ce-part" title={t('calls.scaleTitle')}>
          <div className="app-grid-2">
            {(['capacity', 'maxApplications'] as const).map((k) => (
              <TextField
                key={k}
                id={`call-${kebab(k)}`}
                label={t(`callEditor.${k}`)}
                hint={t(`callEditor.${k}Hint`)}
                type="number"
                inputMode="numeric"
                min={1}
                required={k === 'capacity'}
                value={draft[k]}
                error={errOf(errors, k)}
                onChange={(e) => set(k, e.target.value)}
              />
            ))}
            {(['perFirmCap', 'totalBudget'] as const).map((k) => (
              <MoneyField
                key={k}
                id={`call-${kebab(k)}`}
                label={t(`callEditor.${k}`)}
                value={draft[k]}
                error={errOf(errors, k)}
                onChange={(v) => set(k, v)}
              />
            ))}
          </div>
        </Section>

        <Section id="eligibility" className="ce-part" title={t('calls.eligibilityTitle')}>
          <EligibilityEditor rules={draft.eligibility} onChange={(v) => set('eligibility', v)} />
        </Section>

        <Section id="documents" className="ce-part" title={t('calls.documentsTitle')}>
          <p className="app-muted">{t('callEditor.docs.lead')}</p>
          <DocumentsEditor docs={draft.requiredDocuments} onChange={(v) => set('requiredDocuments', v)} />
        </Section>

        <Section id="attachments" className="ce-part" title={t('callEditor.files.title')}>
          <AttachmentsEditor
            callId={call?.id}
            savedIds={call?.attachmentIds ?? []}
            files={draft.attachments}
            onChange={(v) => set('attachments', v)}
          />
        </Section>

        <Section id="form" className="ce-part" title={t('callEditor.form.title')}>
          {call?.formInUse ? (
            <Alert
              tone="warning"
              live={false}
              title={t('callEditor.form.inUseTitle', { v: call.form.version })}
            >
              <p>{t('callEditor.form.inUseBody', { next: call.form.version + 1 })}</p>
            </Alert>
          ) : (
            <p className="app-muted">{t('callEditor.form.lead')}</p>
          )}
          <FormBuilder sections={draft.sections} onChange={(v) => set('sections', v)} />
        </Section>

        {conflict ? (
          <Alert tone="error" title={t('callEditor.conflictTitle')}>
            <p>{t('callEditor.conflictBody')}</p>
            <button type="button" className="krds-btn small secondary" onClick={reload}>
              {t('callEditor.reload')}
            </button>
          </Alert>
        ) : showFailure ? (
          <ErrorAlert
            error={failure}
            extra={[
              ...(errorCount ? [t('callEditor.errorCount', { count: errorCount })] : []),
              ...unplaced.map(([p, m]) => `${p}: ${m}`),
            ]}
          />
        ) : null}
        <div className="app-savebar">
          <p className="ce-newversion" role="status">
            {newVersion ? t('callEditor.newVersion', { v: newVersion }) : ''}
          </p>
          <button type="submit" className="krds-btn large primary" disabled={saving}>
            {saving ? t('common.working') : call ? t('callEditor.save') : t('callEditor.saveDraft')}
          </button>
        </div>
      </form>
    </ErrorsContext.Provider>
  );
}

/** Value at a dotted path ('form.0.fields.1.key'). */
function valueAt(v: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined),
      v,
    );
}

/** The refused paths whose value is still what the server refused. */
function stillWrong(errors: Errors, refusedBody: unknown, body: unknown): Errors {
  return Object.fromEntries(
    Object.entries(errors).filter(
      ([p]) => p === '(body)' || canonical(valueAt(refusedBody, p)) === canonical(valueAt(body, p)),
    ),
  );
}

/** The error of a top-level field (read from the state: the provider is inside this component). */
function errOf(errors: Errors, path: string) {
  return errors[path] ? { message: errors[path] } : undefined;
}

/** maxApplications → max-applications (the ids of the scale fields) */
const kebab = (k: string) => k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

const programName = (p: Program | undefined, lang: 'ko' | 'en') =>
  p ? `${p.code} · ${lang === 'ko' ? p.nameKo : p.nameEn || p.nameKo}` : '';

function ProgramSelect({
  programs,
  value,
  onChange,
}: {
  programs: Program[];
  value: string;
  onChange: (v: string) => void;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  const err = useErr();
  return (
    <SelectField
      id="call-program"
      label={t('callEditor.program')}
      required
      value={value}
      placeholder={t('common.select')}
      error={err('programId')}
      onChange={(e) => onChange(e.target.value)}
    >
      {PROGRAM_MODULES.map((m) => (
        <optgroup key={m} label={t(`calls.module.${m}`)}>
          {programs
            .filter((p) => p.module === m)
            .map((p) => (
              <option key={p.id} value={p.id}>
                {programName(p, lang)}
              </option>
            ))}
        </optgroup>
      ))}
    </SelectField>
  );
}

/** The call body in Markdown, with the public page's own rendering as a live preview. */
function BodyField({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  const err = useErr();
  return (
    <div className="ce-body">
      <TextAreaField
        id="call-body"
        label={t('callEditor.body')}
        hint={t('callEditor.bodyHint')}
        rows={10}
        value={value}
        error={err('body')}
        onChange={(e) => onChange(e.target.value)}
      />
      <section className="ce-body__preview" aria-labelledby="call-body-preview-h">
        <h3 className="app-h4" id="call-body-preview-h">
          {t('callEditor.bodyPreview')}
        </h3>
        {value.trim() ? (
          <Markdown source={value} />
        ) : (
          <p className="app-muted">{t('callEditor.bodyEmpty')}</p>
        )}
      </section>
    </div>
  );
}
