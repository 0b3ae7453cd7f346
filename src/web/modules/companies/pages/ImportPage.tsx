import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type {
  ImportMapping,
  ImportReport,
  ImportUpload,
} from '../../../../server/modules/companies/import-contract';
import { Alert } from '../../../components/Alert';
import { PageHeader, Section } from '../../../components/Page';
import { StepIndicator } from '../../../components/StepIndicator';
import { currentLang } from '../../../i18n';
import { formatNumber } from '../../../lib/format';
import { useUser } from '../../accounts/api/auth';
import { useRunImport } from '../api/imports';
import { MappingStep } from './MappingStep';
import { ReportView } from './ReportView';
import { RunResult } from './RunResult';
import { UploadStep } from './UploadStep';

type Step = 0 | 1 | 2 | 3;

/** Member-list import: upload → map columns → dry run → commit with progress. */
export function ImportPage() {
  const { t } = useTranslation();
  const lang = currentLang();
  const user = useUser();
  const [step, setStepRaw] = useState<Step>(0);
  // after the first step change, each step's heading takes focus so keyboard users keep their place
  const [moved, setMoved] = useState(false);
  const setStep = (s: Step) => {
    setMoved(true);
    setStepRaw(s);
  };
  const [associationId, setAssociationId] = useState(
    user?.role === 'partner' && user.associationIds.length === 1 ? user.associationIds[0] : '',
  );
  const [upload, setUpload] = useState<ImportUpload | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [dryReport, setDryReport] = useState<ImportReport | null>(null);
  const [finalReport, setFinalReport] = useState<ImportReport | null>(null);
  const dry = useRunImport();
  const commit = useRunImport();
  const onDryReport = useCallback((r: ImportReport) => setDryReport(r), []);
  const onFinalReport = useCallback((r: ImportReport) => setFinalReport(r), []);
  const steps = [t('import.step1'), t('import.step2'), t('import.step3'), t('import.step4')];

  const run = (dryRun: boolean, skipInvalid: boolean) => {
    if (!upload) return;
    const vars = {
      fileId: upload.fileId,
      associationId: associationId || undefined,
      mapping,
      dryRun,
      skipInvalid,
    };
    if (dryRun) {
      setDryReport(null);
      dry.mutate(vars);
      setStep(2);
    } else {
      setFinalReport(null);
      commit.mutate(vars);
      setStep(3);
    }
  };
  const restart = (keepAssociation = true) => {
    setUpload(null);
    setMapping({});
    setDryReport(null);
    setFinalReport(null);
    dry.reset();
    commit.reset();
    if (!keepAssociation) setAssociationId('');
    setStep(0);
  };

  return (
    <>
      <PageHeader title={t('import.title')} lead={<p>{t('import.lead')}</p>} />
      {user && (user.role === 'admin' || user.role === 'manager') && (
        <p>
          <Link to="/companies/link-requests" className="app-link">
            {t('linkRequests.navLink')}
          </Link>
        </p>
      )}
      <StepIndicator steps={steps} current={step} />
      {step === 0 && (
        <Section id="upload" title={steps[0]} focusOnMount={moved}>
          <UploadStep
            associationId={associationId}
            onAssociation={setAssociationId}
            onUploaded={(u) => {
              setUpload(u);
              setMapping(u.suggestedMapping);
              setStep(1);
            }}
          />
        </Section>
      )}
      {step === 1 && upload && (
        <MappingStep
          upload={upload}
          mapping={mapping}
          onChange={setMapping}
          onBack={() => restart()}
          onNext={() => run(true, false)}
        />
      )}
      {step === 2 && (
        <Section id="dry-run" title={steps[2]} focusOnMount>
          <RunResult
            response={dry.data}
            pending={dry.isPending}
            error={dry.error}
            pendingLabel={t('import.checking')}
            onReport={onDryReport}
          />
          {dryReport && (
            <>
              <ReportView report={dryReport} />
              {dryReport.invalid === 0 ? (
                <Alert tone="success">
                  {t('import.dryClean', { n: formatNumber(dryReport.valid, lang) })}
                </Alert>
              ) : (
                <Alert tone="warning">
                  {t('import.dryHasErrors', { n: formatNumber(dryReport.invalid, lang) })}
                </Alert>
              )}
            </>
          )}
          <div className="app-form__actions">
            <button type="button" className="krds-btn large secondary" onClick={() => setStep(1)}>
              {t('import.editMapping')}
            </button>
            <button type="button" className="krds-btn large secondary" onClick={() => restart()}>
              {t('import.uploadCorrected')}
            </button>
            {dryReport && dryReport.invalid > 0 && dryReport.valid > 0 && (
              <button type="button" className="krds-btn large primary" onClick={() => run(false, true)}>
                {t('import.commitValidOnly', { n: formatNumber(dryReport.valid, lang) })}
              </button>
            )}
            {dryReport && dryReport.invalid === 0 && dryReport.valid > 0 && (
              <button type="button" className="krds-btn large primary" onClick={() => run(false, false)}>
                {t('import.commit', { n: formatNumber(dryReport.valid, lang) })}
              </button>
            )}
          </div>
        </Section>
      )}
      {step === 3 && (
        <Section id="commit" title={steps[3]} focusOnMount>
          <RunResult
            response={commit.data}
            pending={commit.isPending}
            error={commit.error}
            pendingLabel={t('import.committing')}
            onReport={onFinalReport}
          />
          {finalReport && (
            <>
              <Alert tone="success" title={t('import.finished')}>
                <p>
                  {t('import.finishedBody', {
                    created: formatNumber(finalReport.created, lang),
                    updated: formatNumber(finalReport.updated, lang),
                  })}
                </p>
              </Alert>
              <ReportView report={finalReport} />
            </>
          )}
          {(finalReport || commit.error) && (
            <div className="app-form__actions">
              <button type="button" className="krds-btn large secondary" onClick={() => restart(false)}>
                {t('import.another')}
              </button>
              <Link
                to={
                  associationId
                    ? `/companies?associationId=${associationId}`
                    : '/companies?provenance=association'
                }
                className="krds-btn large primary"
              >
                {t('import.viewCompanies')}
              </Link>
            </div>
          )}
        </Section>
      )}
    </>
  );
}
