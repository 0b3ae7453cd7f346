import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker, useLocation, useNavigate, useParams } from 'react-router';
import { Alert, ErrorAlert, LiveStatus } from '../../../../components/Alert';
import { Dialog } from '../../../../components/Dialog';
import { Loading } from '../../../../components/Loading';
import { PageHeader } from '../../../../components/Page';
import { currentLang } from '../../../../i18n';
import { get, isApiError } from '../../../../lib/api-client';
import { formatDateTime } from '../../../../lib/format';
import {
  diagnosisKeys,
  type Instrument,
  useDeleteInstrument,
  useInstrument,
  usePublishInstrument,
  useUpdateInstrument,
} from '../../api/diagnosis';
import { StaffDiagnosisNav } from '../staff/StaffDiagnosisNav';
import { ConfirmDialog } from './controls';
import type { DimensionMode } from './DimensionEditor';
import { type FieldErrors, fingerprint, fromContent, reducer, toContent, toFieldErrors } from './form-model';
import { InstrumentForm } from './InstrumentForm';
import { type Notice, NoticeAlert, PublishedView, StatusBadges } from './PublishedView';
import '../../styles/diagnosis-admin.css';

const NO_ERRORS: FieldErrors = new Map();

/** 진단 도구 one version: a draft is edited here; a published version is shown read-only. */
export function InstrumentEditorPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const [notice, setNotice] = useState<Notice | null>(
    (location.state as { notice?: Notice } | null)?.notice ?? null,
  );
  const q = useInstrument(id);
  if (q.isPending) return <Loading />;
  if (q.error || !q.data)
    return (
      <>
        <PageHeader title={t('diagnosisAdmin.instruments.title')} />
        <StaffDiagnosisNav />
        <ErrorAlert error={q.error} />
      </>
    );
  const inst = q.data;
  return inst.status === 'published' ? (
    <PublishedView key={inst.id} inst={inst} notice={notice} />
  ) : (
    <DraftEditor key={inst.id} inst={inst} notice={notice} onPublished={() => setNotice('published')} />
  );
}

/** A draft: the editor, with save (optimistic revision), publish and delete. */
function DraftEditor({
  inst,
  notice,
  onPublished,
}: {
  inst: Instrument;
  notice: Notice | null;
  onPublished: () => void;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form, dispatch] = useReducer(reducer, inst.content, fromContent);
  const [baseline, setBaseline] = useState(() => fingerprint(form));
  const [revision, setRevision] = useState(inst.revision);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>(NO_ERRORS);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [modes, setModes] = useState<Record<string, DimensionMode>>({});
  const [dialog, setDialog] = useState<'publish' | 'delete' | null>(null);
  const update = useUpdateInstrument(inst.id);
  const publish = usePublishInstrument(inst.id);
  const remove = useDeleteInstrument();

  const formRef = useRef(form);
  formRef.current = form;
  const getForm = useCallback(() => formRef.current, []);
  const setMode = useCallback(
    (uid: string, mode: DimensionMode) => setModes((m) => ({ ...m, [uid]: mode })),
    [],
  );
  const dirty = useMemo(() => fingerprint(form) !== baseline, [form, baseline]);
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  const leaving = useRef(false);

  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (dirtyRef.current && !leaving.current) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirtyRef.current && !leaving.current && currentLocation.pathname !== nextLocation.pathname,
  );

  const save = async (): Promise<boolean> => {
    setErrors(NO_ERRORS);
    setSaveError(null);
    const content = toContent(form);
    try {
      const out = await update.mutateAsync({ content, revision });
      setRevision(out.revision);
      setBaseline(JSON.stringify(content));
      setSavedAt(out.updatedAt);
      return true;
    } catch (err) {
      setSaveError(err);
      if (isApiError(err) && err.fields.length > 0) {
        const map = toFieldErrors(err.fields);
        setErrors(map);
        // open the dimensions whose questions hold an error, then focus the first field in error
        setModes((m) => {
          const next = { ...m };
          formRef.current.dimensions.forEach((d, i) => {
            if ([...map.keys()].some((k) => k.startsWith(`dimensions.${i}.`))) next[d.uid] = 'edit';
          });
          return next;
        });
        requestAnimationFrame(() =>
          requestAnimationFrame(() =>
            document.querySelector<HTMLElement>('.dxa-editor [aria-invalid="true"]')?.focus(),
          ),
        );
      }
      return false;
    }
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save();
  };

  const reload = async () => {
    const fresh = await qc.fetchQuery({
      queryKey: diagnosisKeys.instrument(inst.id),
      queryFn: () => get<Instrument>(`/diagnosis/instruments/${inst.id}`),
      staleTime: 0,
    });
    if (fresh.status !== 'draft') return; // the page switches to the read-only view
    const next = fromContent(fresh.content);
    dispatch({ type: 'reset', value: next });
    setBaseline(fingerprint(next));
    setRevision(fresh.revision);
    setErrors(NO_ERRORS);
    setSaveError(null);
    setSavedAt(null);
    setModes({});
    // the alert holding the reload button is gone: put focus back at the top of the page
    requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus());
  };

  const doPublish = async () => {
    if (dirty && !(await save())) {
      setDialog(null);
      return;
    }
    publish.mutate(undefined, {
      onSuccess: (out) => {
        leaving.current = true;
        qc.setQueryData(diagnosisKeys.instrument(inst.id), out);
        setDialog(null);
        onPublished();
      },
    });
  };
  const doDelete = () =>
    remove.mutate(inst.id, {
      onSuccess: () => {
        leaving.current = true;
        qc.removeQueries({ queryKey: diagnosisKeys.instrument(inst.id) });
        navigate('/staff/diagnosis/instruments', { state: { notice: 'deleted', version: inst.version } });
      },
    });

  const conflict = isApiError(saveError) && saveError.status === 409;
  const fieldErrorCount = errors.size;

  return (
    <>
      <PageHeader
        title={t('diagnosisAdmin.editor.title', { version: inst.version })}
        lead={
          <>
            <StatusBadges inst={inst} />
            <p>{t('diagnosisAdmin.editor.draftLead')}</p>
          </>
        }
      />
      <StaffDiagnosisNav />
      <NoticeAlert notice={notice} version={inst.version} />
      <form
        className="dxa-editor"
        onSubmit={onSubmit}
        noValidate
        aria-label={t('diagnosisAdmin.editor.formLabel')}
      >
        {conflict && (
          <Alert tone="warning" title={t('diagnosisAdmin.editor.conflictTitle')}>
            <p>
              {saveError.code === 'stale_version'
                ? t('diagnosisAdmin.editor.staleBody')
                : t('diagnosisAdmin.editor.publishedBody')}
            </p>
            <div>
              <button type="button" className="krds-btn medium secondary" onClick={() => void reload()}>
                {t('diagnosisAdmin.editor.reload')}
              </button>
            </div>
          </Alert>
        )}
        {!conflict && fieldErrorCount > 0 && (
          <Alert tone="error" title={t('diagnosisAdmin.editor.saveFailed')}>
            <p>{t('form.fixErrors', { count: fieldErrorCount })}</p>
          </Alert>
        )}
        {!conflict && fieldErrorCount === 0 && <ErrorAlert error={saveError} />}
        <InstrumentForm
          form={form}
          dispatch={dispatch}
          errors={errors}
          modes={modes}
          setMode={setMode}
          getForm={getForm}
        />
        <div className="app-savebar dxa-savebar">
          <LiveStatus className="dxa-savebar__status">
            {update.isPending
              ? t('diagnosisAdmin.editor.saving')
              : dirty
                ? t('diagnosisAdmin.editor.unsaved')
                : savedAt
                  ? t('diagnosisAdmin.editor.savedAt', { time: formatDateTime(savedAt, lang) })
                  : t('diagnosisAdmin.editor.noChanges')}
          </LiveStatus>
          <div className="dxa-savebar__buttons">
            <button
              type="button"
              className="krds-btn medium tertiary dxa-danger-text"
              onClick={() => {
                remove.reset();
                setDialog('delete');
              }}
            >
              {t('diagnosisAdmin.editor.delete')}
            </button>
            <button
              type="button"
              className="krds-btn medium secondary"
              onClick={() => {
                publish.reset();
                setDialog('publish');
              }}
            >
              {t('diagnosisAdmin.editor.publish')}
            </button>
            <button type="submit" className="krds-btn medium primary" disabled={update.isPending}>
              {update.isPending ? t('common.working') : t('common.save')}
            </button>
          </div>
        </div>
      </form>

      <ConfirmDialog
        open={dialog === 'publish'}
        onClose={() => setDialog(null)}
        title={t('diagnosisAdmin.publishDialog.title', { version: inst.version })}
        confirmLabel={t('diagnosisAdmin.publishDialog.confirm')}
        onConfirm={() => void doPublish()}
        pending={publish.isPending || update.isPending}
        error={publish.error}
      >
        <p>{t('diagnosisAdmin.publishDialog.body1')}</p>
        <p>{t('diagnosisAdmin.publishDialog.body2')}</p>
        {dirty && <p>{t('diagnosisAdmin.publishDialog.unsaved')}</p>}
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog === 'delete'}
        onClose={() => setDialog(null)}
        title={t('diagnosisAdmin.deleteDialog.title', { version: inst.version })}
        confirmLabel={t('diagnosisAdmin.deleteDialog.confirm')}
        onConfirm={doDelete}
        danger
        pending={remove.isPending}
        error={remove.error}
      >
        <p>{t('diagnosisAdmin.deleteDialog.body')}</p>
      </ConfirmDialog>
      <Dialog
        open={blocker.state === 'blocked'}
        onClose={() => blocker.reset?.()}
        title={t('diagnosisAdmin.leaveDialog.title')}
        size="sm"
        footer={
          <>
            <button type="button" className="krds-btn medium secondary" onClick={() => blocker.reset?.()}>
              {t('diagnosisAdmin.leaveDialog.stay')}
            </button>
            <button
              type="button"
              className="krds-btn medium app-btn-danger"
              onClick={() => blocker.proceed?.()}
            >
              {t('diagnosisAdmin.leaveDialog.leave')}
            </button>
          </>
        }
      >
        <p>{t('diagnosisAdmin.leaveDialog.body')}</p>
      </Dialog>
    </>
  );
}
