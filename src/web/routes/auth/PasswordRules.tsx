import { useTranslation } from 'react-i18next';

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
