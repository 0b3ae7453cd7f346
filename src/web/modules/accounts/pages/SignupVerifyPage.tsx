import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/Alert';
import { PageHeader } from '../../../components/Page';
import { isApiError } from '../../../lib/api-client';
import { safeNext } from '../../../lib/safe-next';
import { useVerifySignup } from '../api/auth';

/**
 * The page the mailed sign-up link opens. The account is made only when the person presses the
 * button (a GET never does it, so mail scanners that open links do not use the link up).
 */
export function SignupVerifyPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { token = '' } = useParams();
  const verify = useVerifySignup();
  const invalid = isApiError(verify.error) && verify.error.code === 'signup_token_invalid';
  const onConfirm = () =>
    verify.mutate(
      { token },
      {
        // a new member registers the company first; `next` (e.g. an invitation link) waits on that page
        onSuccess: (res) => {
          const next = safeNext(res.next);
          navigate(next ? `/my/company?next=${encodeURIComponent(next)}` : '/my/company', {
            replace: true,
            state: { welcome: true },
          });
        },
      },
    );
  return (
    <div className="app-narrow">
      <PageHeader title={t('signup.verifyTitle')} lead={<p>{t('signup.verifyLead')}</p>} />
      {verify.error && (
        <ErrorAlert error={verify.error} title={invalid ? t('signup.invalidTitle') : undefined} />
      )}
      {invalid ? (
        <p>
          <Link to="/signup" className="app-link">
            {t('signup.again')}
          </Link>
        </p>
      ) : (
        <div className="app-form__actions">
          <button
            type="button"
            className="krds-btn large primary app-btn-block"
            disabled={verify.isPending}
            onClick={onConfirm}
          >
            {verify.isPending ? t('common.working') : t('signup.confirm')}
          </button>
        </div>
      )}
    </div>
  );
}
