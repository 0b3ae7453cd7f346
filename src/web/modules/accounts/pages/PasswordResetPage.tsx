import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { z } from 'zod';
import { passwordSchema } from '../../../../server/modules/accounts/contract';
import { passwordResetBody } from '../../../../server/modules/accounts/self-contract';
import { Alert, ErrorAlert } from '../../../components/Alert';
import { TextField } from '../../../components/Field';
import { FormShell } from '../../../components/FormShell';
import { PageHeader } from '../../../components/Page';
import { isApiError } from '../../../lib/api-client';
import { applyServerErrors, zodOptions } from '../../../lib/form';
import { useHealth } from '../../site/api/system';
import { useConfirmPasswordReset, useRequestPasswordReset } from '../api/account';
import { NewPasswordField, PasswordAgainField } from './PasswordRules';

/** 비밀번호 찾기: asks for the address; the answer is the same whether or not it has an account. */
export function PasswordResetRequestPage() {
  const { t } = useTranslation();
  const request = useRequestPasswordReset();
  const health = useHealth();
  const form = useForm({
    resolver: zodResolver(passwordResetBody, zodOptions),
    defaultValues: { email: '' },
  });
  const onSubmit = form.handleSubmit((v) => request.mutate(v.email));
  const queuedOnly = health.data?.mailDelivery === 'outbox';
  return (
    <div className="app-narrow">
      <PageHeader title={t('passwordReset.title')} lead={<p>{t('passwordReset.lead')}</p>} />
      {request.isSuccess ? (
        <Alert
          tone={queuedOnly ? 'warning' : 'success'}
          title={queuedOnly ? t('passwordReset.queuedTitle') : t('passwordReset.sentTitle')}
        >
          <p>{queuedOnly ? t('passwordReset.queued') : t('passwordReset.sent')}</p>
        </Alert>
      ) : (
        <>
          {request.error && <ErrorAlert error={request.error} />}
          <FormShell
            onSubmit={onSubmit}
            submit={{
              label: t('passwordReset.submit'),
              pending: request.isPending,
              size: 'large',
              block: true,
            }}
          >
            <TextField
              label={t('fields.email')}
              type="email"
              autoComplete="username"
              required
              hint={t('passwordReset.demoHint')}
              error={form.formState.errors.email}
              {...form.register('email')}
            />
          </FormShell>
        </>
      )}
      <p className="app-center">
        <Link to="/login" className="app-link">
          {t('passwordReset.backToSignIn')}
        </Link>
      </p>
    </div>
  );
}

const setSchema = z
  .object({ password: passwordSchema, again: z.string() })
  .refine((v) => v.password === v.again, { path: ['again'], message: 'password_mismatch' });

/** The page the mailed link opens: sets the new password, then the person signs in again. */
export function PasswordResetSetPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const confirm = useConfirmPasswordReset();
  const form = useForm({
    resolver: zodResolver(setSchema, zodOptions),
    defaultValues: { password: '', again: '' },
  });
  const { errors } = form.formState;
  const password = form.watch('password');
  const onSubmit = form.handleSubmit((v) =>
    confirm.mutate(
      { token, password: v.password },
      {
        onError: (err) => {
          if (isApiError(err)) applyServerErrors(err, form.setError, ['password']);
        },
      },
    ),
  );
  const invalid = isApiError(confirm.error) && confirm.error.code === 'reset_token_invalid';
  return (
    <div className="app-narrow">
      <PageHeader title={t('passwordReset.setTitle')} lead={<p>{t('passwordReset.setLead')}</p>} />
      {confirm.isSuccess ? (
        <>
          <Alert tone="success" title={t('passwordReset.doneTitle')}>
            <p>{t('passwordReset.done')}</p>
          </Alert>
          <p className="app-center">
            <Link to="/login" className="krds-btn large primary">
              {t('passwordReset.signIn')}
            </Link>
          </p>
        </>
      ) : (
        <>
          {confirm.error && (
            <ErrorAlert error={confirm.error} title={invalid ? t('passwordReset.invalidTitle') : undefined} />
          )}
          {invalid && (
            <p>
              <Link to="/password-reset" className="app-link">
                {t('passwordReset.again')}
              </Link>
            </p>
          )}
          <FormShell
            onSubmit={onSubmit}
            submit={{ label: t('passwordReset.set'), pending: confirm.isPending, size: 'large', block: true }}
          >
            <NewPasswordField
              label={t('account.newPassword')}
              password={password ?? ''}
              email=""
              error={errors.password}
              {...form.register('password')}
            />
            <PasswordAgainField error={errors.again} {...form.register('again')} />
          </FormShell>
        </>
      )}
    </div>
  );
}
