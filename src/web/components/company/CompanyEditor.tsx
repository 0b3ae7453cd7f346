import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Company } from '../../../server/modules/companies/contract';
import { companyPatchBody } from '../../../server/modules/companies/contract';
import { isApiError } from '../../lib/api-client';
import { companyKeys, useUpdateCompany } from '../../modules/companies/api/companies';
import { Alert, LiveStatus } from '../Alert';
import { CompanyFacts } from './CompanyFacts';
import { CompanyForm } from './CompanyForm';
import { changedFields, companyToValues } from './company-form-values';

/**
 * Shows a company and, for those who may, edits it in place. Saves send only the changed fields with
 * the version the editor saw; when someone else saved first (stale_version) the latest record is
 * loaded and the editor says so.
 */
export function CompanyEditor({
  company,
  canEdit,
  withMeta,
}: {
  company: Company;
  canEdit: boolean;
  withMeta?: boolean;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState<'saved' | 'unchanged' | 'stale' | null>(null);
  const update = useUpdateCompany(company.id);

  const save = async (parsed: Record<string, unknown>) => {
    const changes = changedFields(company, parsed);
    if (Object.keys(changes).length === 0) {
      setStatus('unchanged');
      setEditing(false);
      return;
    }
    try {
      await update.mutateAsync({ ...changes, version: company.version });
      setStatus('saved');
      setEditing(false);
    } catch (err) {
      if (isApiError(err) && err.code === 'stale_version') {
        await Promise.all([
          qc.invalidateQueries({ queryKey: companyKeys.one(company.id) }),
          qc.invalidateQueries({ queryKey: companyKeys.mine }),
        ]);
        setStatus('stale');
        return;
      }
      throw err;
    }
  };

  return (
    <div className="app-stack">
      {canEdit && !editing && (
        <div className="app-toolbar">
          <button
            type="button"
            className="krds-btn medium secondary"
            onClick={() => {
              setStatus(null);
              setEditing(true);
            }}
          >
            {t('companies.edit')}
          </button>
        </div>
      )}
      <LiveStatus>
        {status === 'saved' && (
          <Alert tone="success" live={false}>
            {t('common.saved')}
          </Alert>
        )}
        {status === 'unchanged' && (
          <Alert tone="info" live={false}>
            {t('common.unchanged')}
          </Alert>
        )}
      </LiveStatus>
      {status === 'stale' && <Alert tone="warning">{t('companies.staleReloaded')}</Alert>}
      {editing ? (
        <CompanyForm
          key={company.version}
          schema={companyPatchBody}
          defaultValues={companyToValues(company)}
          submitLabel={t('common.save')}
          onCancel={() => setEditing(false)}
          onSubmit={save}
        />
      ) : (
        <CompanyFacts company={company} withMeta={withMeta} />
      )}
    </div>
  );
}
