import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert, ErrorAlert } from '../../../components/Alert';
import { TextField } from '../../../components/Field';
import { FormShell } from '../../../components/FormShell';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/Page';
import { currentLang } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import { useDemoMailbox } from '../../accounts/api/auth';
import { useHealth } from '../../site/api/system';

/** A line of a mail that is one of this site's links becomes a link inside the app. */
const APP_LINK = /^https?:\/\/[^/\s]+(\/(?:signup\/verify\/[\w-]+|password-reset))$/;

/**
 * 데모 메일함: on demo installs without a mail server nothing is ever sent, so sign-up mail is shown
 * here (only sign-up links and "already registered" notices; never password-reset mail).
 */
export function DemoMailboxPage() {
  const { t } = useTranslation();
  const lang = currentLang();
  const health = useHealth();
  const [params, setParams] = useSearchParams();
  const email = params.get('email');
  const [input, setInput] = useState(email ?? '');
  const box = useDemoMailbox(health.data?.demo && health.data.mailDelivery === 'outbox' ? email : null);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (input.trim()) setParams({ email: input.trim() });
  };
  if (health.isPending) return <Loading />;
  const available = health.data?.demo && health.data.mailDelivery === 'outbox';
  return (
    <div className="app-narrow">
      <PageHeader title={t('demoMailbox.title')} lead={<p>{t('demoMailbox.lead')}</p>} />
      {!available ? (
        <Alert tone="info" live={false}>
          <p>{t('demoMailbox.unavailable')}</p>
        </Alert>
      ) : (
        <>
          <Alert tone="warning" title={t('demoMailbox.noticeTitle')} live={false}>
            <p>{t('demoMailbox.notice')}</p>
          </Alert>
          <FormShell onSubmit={onSubmit} submit={{ label: t('demoMailbox.show'), pending: false }}>
            <TextField
              label={t('fields.email')}
              type="email"
              autoComplete="email"
              required
              value={input}
              onChange={(e) => setInput(e.target.value)}
            />
          </FormShell>
          {box.isFetching && <Loading />}
          {box.error && <ErrorAlert error={box.error} />}
          {box.data && (
            <section aria-label={t('demoMailbox.listLabel', { email })}>
              {box.data.items.length === 0 && <p>{t('demoMailbox.empty')}</p>}
              {box.data.items.map((m) => (
                <article key={m.id} className="app-card app-stack">
                  <h2>{m.subject}</h2>
                  <p className="app-muted">{formatDateTime(m.createdAt, lang)}</p>
                  <div>
                    {m.body.split('\n').map((line, i) => {
                      const link = APP_LINK.exec(line.trim());
                      return (
                        // biome-ignore lint/suspicious/noArrayIndexKey: the lines of a fixed text
                        <p key={i}>
                          {link ? (
                            <Link to={link[1]} className="app-link">
                              {link[1].startsWith('/signup/verify/')
                                ? t('demoMailbox.openSignupLink')
                                : t('demoMailbox.openResetLink')}
                            </Link>
                          ) : (
                            line || '\u00a0'
                          )}
                        </p>
                      );
                    })}
                  </div>
                </article>
              ))}
            </section>
          )}
        </>
      )}
    </div>
  );
}
