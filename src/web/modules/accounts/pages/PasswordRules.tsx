import { type ComponentProps, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/Field';

/** The password rules the server enforces, with live checks for the ones the browser can know. */
export function PasswordRules({ id, password, email }: { id: string; password: string; email: string }) {
  const { t } = useTranslation();
  const local = email.split('@')[0]?.toLowerCase() ?? '';
  const rules = [
    { key: 'length', ok: [...password].length >= 12 && password.length <= 128 },
    {
      key: 'email',
      ok: password.length > 0 && !(local.length >= 3 && password.toLowerCase().includes(local)),
    },
    { key: 'common', ok: null },
  ] as const;
  return (
    <ul className="app-rules" id={id}>
      {rules.map((r) => (
        <li key={r.key} className={r.ok === null ? '' : r.ok ? 'is-ok' : 'is-pending'}>
          <span aria-hidden="true">{r.ok === null ? '•' : r.ok ? '✓' : '○'}</span>{' '}
          {t(`auth.passwordRules.${r.key}`)}
          {r.ok !== null && (
            <span className="sr-only"> ({r.ok ? t('auth.ruleMet') : t('auth.ruleNotMet')})</span>
          )}
        </li>
      ))}
    </ul>
  );
}

type PasswordInputProps = Omit<
  ComponentProps<typeof TextField>,
  'type' | 'autoComplete' | 'required' | 'after'
>;

/** A new-password field with the rules under it (checked live against `password` and `email`). */
export function NewPasswordField({
  password,
  email,
  ...input
}: PasswordInputProps & { password: string; email: string }) {
  const rulesId = useId();
  return (
    <TextField
      type="password"
      autoComplete="new-password"
      required
      aria-describedby={rulesId}
      after={<PasswordRules id={rulesId} password={password} email={email} />}
      {...input}
    />
  );
}

/** The "new password again" field; a `password_mismatch` error reads as the mismatch message. */
export function PasswordAgainField({ error, ...input }: Omit<PasswordInputProps, 'label'>) {
  const { t } = useTranslation();
  return (
    <TextField
      label={t('account.newPasswordAgain')}
      type="password"
      autoComplete="new-password"
      required
      error={error?.message === 'password_mismatch' ? { message: t('account.passwordMismatch') } : error}
      {...input}
    />
  );
}
