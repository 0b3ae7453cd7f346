import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportUpload } from '../../../../server/modules/companies/import-contract';
import { ErrorAlert } from '../../../components/Alert';
import { SelectField, TextField } from '../../../components/Field';
import { isStaffRole } from '../../../lib/roles';
import { useAssociations } from '../../accounts/api/accounts';
import { useUser } from '../../accounts/api/auth';
import { useUploadImport } from '../api/imports';

/** Step 1: whose member list, and the CSV/XLSX file. */
export function UploadStep({
  associationId,
  onAssociation,
  onUploaded,
}: {
  associationId: string;
  onAssociation: (id: string) => void;
  onUploaded: (u: ImportUpload) => void;
}) {
  const { t } = useTranslation();
  const user = useUser();
  const fileId = useId();
  const associations = useAssociations();
  const upload = useUploadImport();
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const staff = isStaffRole(user?.role);
  const options = (associations.data?.items ?? [])
    .filter((a) => staff || user?.associationIds.includes(a.id))
    .map((a) => ({ value: a.id, label: a.name }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) {
      setMissing(true);
      document.getElementById(fileId)?.focus();
      return;
    }
    upload.mutate(file, { onSuccess: onUploaded });
  };

  return (
    <form onSubmit={submit} noValidate className="app-form">
      <div className="fieldset">
        <SelectField
          label={t('import.association')}
          hint={staff ? t('import.associationHintStaff') : t('import.associationHintPartner')}
          value={associationId}
          onChange={(e) => onAssociation(e.target.value)}
          placeholder={staff ? t('import.noAssociation') : undefined}
          options={options}
        />
        <TextField
          id={fileId}
          type="file"
          className="app-file"
          label={t('import.file')}
          hint={t('import.fileHint')}
          error={missing ? { message: t('import.fileMissing') } : undefined}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          // announced as required (no mark by the label, as before)
          aria-required
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setMissing(false);
          }}
        />
      </div>
      {upload.error && <ErrorAlert error={upload.error} title={t('import.uploadFailed')} />}
      <div className="app-form__actions">
        <button type="submit" className="krds-btn large primary" disabled={upload.isPending}>
          {upload.isPending ? t('import.uploading') : t('import.upload')}
        </button>
      </div>
    </form>
  );
}
