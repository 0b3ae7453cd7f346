import { useTranslation } from 'react-i18next';
import { DEMO_ACCOUNTS } from '../../../../demo/accounts';
import { useHealth } from '../../site/api/system';

/**
 * On a demo install (ITDA_DEMO=1) the sign-in page lists the demo accounts, one button each, so a visitor
 * can look at itda as an SME owner, a program manager, a council viewer… Nothing shows in production.
 */
export function DemoAccounts({ onPick, disabled }: { onPick: (email: string) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const health = useHealth();
  if (!health.data?.demo) return null;
  return (
    <details className="app-demo-accounts">
      <summary>{t('auth.demoTitle')}</summary>
      <p className="app-muted">{t('auth.demoLead')}</p>
      <ul>
        {DEMO_ACCOUNTS.map((a) => (
          <li key={a.email}>
            <button
              type="button"
              className="krds-btn small secondary"
              disabled={disabled}
              onClick={() => onPick(a.email)}
            >
              {a.name}
            </button>{' '}
            <span className="app-muted">
              {t(`enums.role.${a.role}`)} · {a.email}
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}
