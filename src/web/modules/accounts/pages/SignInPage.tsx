import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { DEMO_PASSWORD } from '../../../../demo/accounts';
import { loginBody } from '../../../../server/modules/accounts/contract';
import { ErrorAlert } from '../../../components/Alert';
import { TextField } from '../../../components/Field';
import { FormShell } from '../../../components/FormShell';
import { PageHeader } from '../../../components/Page';
import { isApiError } from '../../../lib/api-client';
import { zodOptions } from '../../../lib/form';
import { safeNext } from '../../../lib/safe-next';
import { useLogin, useUser } from '../api/auth';
import { DemoAccounts } from './DemoAccounts';

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const user = useUser();
  const login = useLogin();
  const form = useForm({
    resolver: zodResolver(loginBody, zodOptions),
    defaultValues: { email: '', password: '' },
  });
  const { errors } = form.formState;

  if (user && !login.isPending && !login.isSuccess) return <Navigate to={next ?? '/'} replace />;

  const onSubmit = form.handleSubmit((values) =>
    login.mutate(values, {
      onSuccess: (me) => {
        const role = me.user?.role;
        const home =
          role === 'sme' || role === 'supplier'
            ? '/my/company'
            : role === 'admin' || role === 'manager' || role === 'partner'
              ? '/companies'
              : '/';
        navigate(next ?? home, { replace: true });
      },
      onError: () => form.setFocus('password'),
    }),
  );

  const locked = isApiError(login.error) && login.error.code === 'account_locked';
  return (
    <div className="app-narrow">
      <PageHeader title={t('auth.signInTitle')} lead={<p>{t('auth.signInLead')}</p>} />
      {login.error && (
        <ErrorAlert error={login.error} title={locked ? t('auth.lockedTitle') : t('auth.signInFailed')} />
      )}
      <FormShell
        onSubmit={onSubmit}
        submit={{ label: t('auth.signIn'), pending: login.isPending, size: 'large', block: true }}
      >
        <TextField
          label={t('fields.email')}
          type="email"
          autoComplete="username"
          required
          error={errors.email}
          {...form.register('email')}
        />
        <TextField
          label={t('fields.password')}
          type="password"
          autoComplete="current-password"
          required
          error={errors.password}
          {...form.register('password')}
        />
      </FormShell>
      <p className="app-center">
        <Link to="/password-reset" className="app-link">
          {t('passwordReset.link')}
        </Link>
      </p>
      <DemoAccounts
        disabled={login.isPending}
        onPick={(email) => {
          form.setValue('email', email);
          form.setValue('password', DEMO_PASSWORD);
          void onSubmit();
        }}
      />
      <p className="app-center">
        {t('auth.noAccount')}{' '}
        <Link to="/signup" className="app-link">
          {t('auth.signUp')}
        </Link>
      </p>
    </div>
  );
}
