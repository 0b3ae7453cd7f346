import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SignupAccepted } from '../../../../server/modules/accounts/contract';
import { Alert } from '../../../components/Alert';
import { PageHeader } from '../../../components/Page';

/**
 * After a sign-up request: "check your e-mail", said the way it is true for this installation —
 * mailed (SMTP), shown in the demo mailbox (demo install without SMTP), or not sent at all.
 */
export function CheckEmail({ email, delivery }: { email: string; delivery: SignupAccepted['delivery'] }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLDivElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="app-narrow" ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
      <PageHeader title={t('signup.checkTitle')} lead={<p>{t('signup.checkLead', { email })}</p>} />
      {delivery === 'smtp' && (
        <Alert tone="success" title={t('signup.sentTitle')}>
          <p>{t('signup.sent')}</p>
        </Alert>
      )}
      {delivery === 'demo_mailbox' && (
        <Alert tone="info" title={t('signup.demoTitle')}>
          <p>{t('signup.demo')}</p>
          <p>
            <Link to={`/demo/mailbox?email=${encodeURIComponent(email)}`} className="app-link">
              {t('signup.openDemoMailbox')}
            </Link>
          </p>
        </Alert>
      )}
      {delivery === 'outbox' && (
        <Alert tone="warning" title={t('signup.noMailTitle')}>
          <p>{t('signup.noMail')}</p>
        </Alert>
      )}
    </div>
  );
}
