import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompanyList } from '../../../../../server/modules/companies/contract';
import { emailSchema } from '../../../../../shared/validators';
import { Alert, ErrorAlert, LiveStatus } from '../../../../components/Alert';
import { Check, ChoiceGroup, TextAreaField, TextField } from '../../../../components/Field';
import { SubmitActions } from '../../../../components/FormShell';
import { Section } from '../../../../components/Page';
import { get } from '../../../../lib/api-client';
import { brn } from '../../../../lib/format';
import { companyKeys } from '../../../companies/api/companies';
import { type InvitationsCreated, useInvite } from '../../api/diagnosis';

interface Firm {
  id: string;
  name: string;
  brn: string;
}

/** Registered firms by name or BRN, only once something was searched for (partners: members only). */
function useFirmSearch(q: string) {
  const params = { q, pageSize: 10, sort: 'relevance' as const };
  return useQuery({
    queryKey: companyKeys.list(params),
    queryFn: ({ signal }) => get<CompanyList>('/companies', params, signal),
    enabled: !!q,
    placeholderData: keepPreviousData,
  });
}

/** Splits the address box into lines and returns the valid addresses and the lines that are not. */
function parseEmails(text: string) {
  const valid: string[] = [];
  const invalid: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const v = line.trim();
    if (!v) continue;
    const r = emailSchema.safeParse(v);
    if (r.success) {
      if (!valid.includes(r.data)) valid.push(r.data);
    } else invalid.push(v);
  }
  return { valid, invalid };
}

/**
 * New invitations: registered firms found by name or BRN (partners: their association's members only)
 * and, for staff, email addresses one per line; an optional message. The created links are shown once.
 */
export function InviteForm({ staff }: { staff: boolean }) {
  const { t } = useTranslation();
  const invite = useInvite();
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<Firm[]>([]);
  const [emails, setEmails] = useState('');
  const [message, setMessage] = useState('');
  const [error, setError] = useState<{ emails?: string; targets?: string }>({});
  const [created, setCreated] = useState<InvitationsCreated | null>(null);
  const results = useFirmSearch(search);
  const found = search ? (results.data?.items ?? []) : [];
  const emailsRef = useRef<HTMLTextAreaElement>(null);

  const toggle = (f: Firm, on: boolean) =>
    setPicked((list) => (on ? [...list.filter((x) => x.id !== f.id), f] : list.filter((x) => x.id !== f.id)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseEmails(emails);
    const next: typeof error = {};
    if (parsed.invalid.length)
      next.emails = t('diagnosisStats.invite.badEmails', { list: parsed.invalid.join(', ') });
    else if (picked.length + parsed.valid.length === 0) next.targets = t('diagnosisStats.invite.noTargets');
    setError(next);
    if (next.emails) {
      emailsRef.current?.focus();
      return;
    }
    if (next.targets) return;
    const res = await invite
      .mutateAsync({
        targets: [...picked.map((f) => ({ companyId: f.id })), ...parsed.valid.map((email) => ({ email }))],
        message: message.trim() || undefined,
      })
      .catch(() => null);
    if (!res) return;
    setCreated(res);
    setPicked([]);
    setQ('');
    setSearch('');
    setEmails('');
    setMessage('');
  };

  return (
    <Section id="dxs-invite" title={t('diagnosisStats.invite.title')}>
      {created && <CreatedLinks created={created} onDone={() => setCreated(null)} />}
      <form onSubmit={submit} className="app-form dxs-invite" noValidate>
        <div className="app-filters__search dxs-firm-search">
          <TextField
            label={t('diagnosisStats.invite.searchFirm')}
            hint={
              staff ? t('diagnosisStats.invite.searchHint') : t('diagnosisStats.invite.searchHintPartner')
            }
            type="search"
            value={q}
            maxLength={100}
            onChange={(e) => setQ(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                setSearch(q.trim());
              }
            }}
          />
          <button type="button" className="krds-btn large secondary" onClick={() => setSearch(q.trim())}>
            {t('common.search')}
          </button>
        </div>
        <LiveStatus className="app-muted">
          {search && results.isFetching
            ? t('common.loading')
            : search && results.data
              ? t('diagnosisStats.invite.found', { n: results.data.total, shown: found.length })
              : ''}
        </LiveStatus>
        {found.length > 0 && (
          <ChoiceGroup legend={t('diagnosisStats.invite.results')}>
            {found.map((c) => (
              <Check
                key={c.id}
                label={`${c.name} (${brn(c.brn)})`}
                checked={picked.some((p) => p.id === c.id)}
                onChange={(e) => toggle({ id: c.id, name: c.name, brn: c.brn }, e.target.checked)}
              />
            ))}
          </ChoiceGroup>
        )}
        <div className="dxs-picked">
          <p className="app-legend">{t('diagnosisStats.invite.picked', { n: picked.length })}</p>
          {picked.length > 0 && (
            <ul className="dxs-picked__list">
              {picked.map((p) => (
                <li key={p.id}>
                  <span>{p.name}</span>
                  <button
                    type="button"
                    className="krds-btn xsmall tertiary"
                    onClick={() => toggle(p, false)}
                    aria-label={t('diagnosisStats.invite.remove', { name: p.name })}
                  >
                    {t('diagnosisStats.invite.removeShort')}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        {staff && (
          <TextAreaField
            ref={emailsRef}
            label={t('diagnosisStats.invite.emails')}
            hint={t('diagnosisStats.invite.emailsHint')}
            rows={4}
            value={emails}
            onChange={(e) => setEmails(e.target.value)}
            error={error.emails ? { message: error.emails } : undefined}
            autoComplete="off"
            spellCheck={false}
          />
        )}
        <TextAreaField
          label={t('diagnosisStats.invite.message')}
          hint={t('diagnosisStats.invite.messageHint')}
          rows={3}
          maxLength={1000}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
        />
        {error.targets && <Alert tone="error">{error.targets}</Alert>}
        <ErrorAlert error={invite.error} />
        <SubmitActions label={t('diagnosisStats.invite.submit')} pending={invite.isPending} />
      </form>
    </Section>
  );
}

/** The links just created, each with a copy button; they cannot be shown again. */
function CreatedLinks({ created, onDone }: { created: InvitationsCreated; onDone: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState('');
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: move focus to the new links each time
  useEffect(() => {
    ref.current?.focus();
  }, [created]);
  const copy = async (id: string, url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(t('diagnosisStats.invite.copied'));
    } catch {
      const input = document.getElementById(`link-${id}`) as HTMLInputElement | null;
      input?.select();
      setCopied(t('diagnosisStats.invite.copyManually'));
    }
  };
  return (
    <section className="dxs-created" ref={ref} aria-labelledby={titleId} tabIndex={-1}>
      <Alert
        tone="success"
        title={<span id={titleId}>{t('diagnosisStats.invite.created', { n: created.items.length })}</span>}
      >
        <p>
          <strong>{t('diagnosisStats.invite.onceOnly')}</strong>
        </p>
      </Alert>
      <ul className="dxs-created__list">
        {created.items.map((i) => {
          const url = `${window.location.origin}${i.link}`;
          const who = i.companyName ?? i.email ?? '';
          return (
            <li key={i.id}>
              <label htmlFor={`link-${i.id}`} className="dxs-created__who">
                {t('diagnosisStats.invite.linkFor', { who })}
              </label>
              <div className="dxs-created__row">
                <input
                  id={`link-${i.id}`}
                  className="krds-input"
                  readOnly
                  value={url}
                  onFocus={(e) => e.target.select()}
                />
                <button
                  type="button"
                  className="krds-btn large secondary"
                  onClick={() => void copy(i.id, url)}
                  aria-label={t('diagnosisStats.invite.copyFor', { who })}
                >
                  {t('diagnosisStats.invite.copy')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      <LiveStatus className="app-muted">{copied}</LiveStatus>
      <button type="button" className="krds-btn medium tertiary" onClick={onDone}>
        {t('diagnosisStats.invite.hideLinks')}
      </button>
    </section>
  );
}
