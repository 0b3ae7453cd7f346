import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../../../components/Alert';
import { useStartDiagnosis } from '../../api/diagnosis';

/**
 * Starts a diagnosis of the company (or reopens the draft under way: the server returns it) and opens it.
 * `label` says which: 진단 시작하기, 이어서 하기, 다시 진단하기.
 */
export function StartButton({
  companyId,
  label,
  size = 'large',
  tone = 'primary',
}: {
  companyId: string;
  label: string;
  size?: 'large' | 'medium';
  tone?: 'primary' | 'secondary';
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const start = useStartDiagnosis(companyId);
  return (
    <>
      <button
        type="button"
        className={`krds-btn ${size} ${tone}`}
        disabled={start.isPending}
        onClick={() => start.mutate(undefined, { onSuccess: (d) => navigate(`/diagnoses/${d.id}`) })}
      >
        {start.isPending ? t('common.working') : label}
      </button>
      {start.error && <ErrorAlert error={start.error} title={t('diagnosis.home.startFailed')} />}
    </>
  );
}
