import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import { passwordSchema } from '../../../../server/modules/accounts/contract';
import { phoneSchema } from '../../../../shared/validators';
import { Alert, ErrorAlert, LiveStatus } from '../../../components/Alert';
import { CaptionedTable } from '../../../components/CaptionedTable';
import { Check, TextField } from '../../../components/Field';
import { FieldRows } from '../../../components/FieldRows';
import { FormShell } from '../../../components/FormShell';
import { Loading } from '../../../components/Loading';
import { PageHeader, Section } from '../../../components/Page';
import { RequireRole } from '../../../components/RequireRole';
import { currentLang } from '../../../i18n';
import { isApiError } from '../../../lib/api-client';
import { applyServerErrors, emptyToNull, zodOptions } from '../../../lib/form';
import { formatDate, formatDateTime } from '../../../lib/format';
import {
  type Account,
  useAccount,
  useChangePassword,
  useDeleteAccount,
  useMarketingConsent,
  usePatchAccount,
} from '../api/account';
import { NewPasswordField, PasswordAgainField } from './PasswordRules';
import { ProfileFields } from './ProfileFields';

/** 내 정보: profile, password, consents and 회원탈퇴 of the signed-in person. */
export function AccountPage() {
  const { t } = useTranslation();
  const [left, setLeft] = useState(false);
  if (left)
    return (
      <div className="app-narrow">
        <PageHeader title={t('account.leftTitle')} />
        <Alert tone="success">
          <p>{t('account.leftBody')}</p>
        </Alert>
        <p className="app-center">
          <Link to="/" className="app-link">
            {t('account.home')}
          </Link>
        </p>
      </div>
    );
  return (
    <RequireRole>
      <AccountSections onLeft={() => setLeft(true)} />
    </RequireRole>
  );
}

function AccountSections({ onLeft }: { onLeft: () => void }) {
  const { t } = useTranslation();
  const account = useAccount();
  return (
    <>
      <PageHeader title={t('account.title')} lead={<p>{t('account.lead')}</p>} />
      {account.isPending && <Loading />}
      {account.error && <ErrorAlert error={account.error} />}
      {account.data && (
        <>
          {account.data.isDemo && (
            <Alert tone="info" live={false}>
              <p>{t('account.demoNotice')}</p>
            </Alert>
          )}
          <ProfileSection account={account.data} />
          {!account.data.isDemo && <PasswordSection email={account.data.email} />}
          <ConsentSection account={account.data} />
          {!account.data.isDemo && <LeaveSection account={account.data} onLeft={onLeft} />}
        </>
      )}
    </>
  );
}

const profileSchema = z.object({
  name: z.string().trim().min(1).max(100),
  phone: z.preprocess(emptyToNull, phoneSchema.nullable()),
});

function ProfileSection({ account }: { account: Account }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const save = usePatchAccount();
  const form = useForm({
    resolver: zodResolver(profileSchema, zodOptions),
    defaultValues: { name: account.name, phone: account.phone ?? '' } as z.input<typeof profileSchema>,
  });
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit((v) =>
    save.mutate(v as z.output<typeof profileSchema>, {
      onError: (err) => {
        if (isApiError(err)) applyServerErrors(err, form.setError, ['name', 'phone']);
      },
    }),
  );
  return (
    <Section title={t('account.profileSection')} id="profile">
      <FieldRows
        rows={[
          { label: t('account.email'), value: account.email },
          { label: t('account.role'), value: t(`enums.role.${account.role}`) },
          { label: t('account.joined'), value: formatDate(account.createdAt, lang) },
        ]}
      />
      <FormShell
        onSubmit={onSubmit}
        submit={{ label: t('account.save'), pending: save.isPending }}
        status={
          <>
            {save.error && <ErrorAlert error={save.error} />}
            <LiveStatus>{save.isSuccess && !form.formState.isDirty ? t('account.saved') : null}</LiveStatus>
          </>
        }
      >
        <ProfileFields name={form.register('name')} phone={form.register('phone')} errors={errors} />
      </FormShell>
    </Section>
  );
}

const passwordForm = z
  .object({ currentPassword: z.string().min(1), newPassword: passwordSchema, again: z.string() })
  .refine((v) => v.newPassword === v.again, { path: ['again'], message: 'password_mismatch' });

function PasswordSection({ email }: { email: string }) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const form = useForm({
    resolver: zodResolver(passwordForm, zodOptions),
    defaultValues: { currentPassword: '', newPassword: '', again: '' },
  });
  const { errors } = form.formState;
  const newPassword = form.watch('newPassword');
  const onSubmit = form.handleSubmit((v) =>
    change.mutate(
      { currentPassword: v.currentPassword, newPassword: v.newPassword },
      {
        onSuccess: () => form.reset(),
        onError: (err) => {
          if (isApiError(err)) applyServerErrors(err, form.setError, ['currentPassword', 'newPassword']);
        },
      },
    ),
  );
  return (
    <Section title={t('account.passwordSection')} id="password">
      <p>{t('account.passwordLead')}</p>
      <FormShell
        onSubmit={onSubmit}
        submit={{ label: t('account.changePassword'), pending: change.isPending }}
        status={<LiveStatus>{change.isSuccess ? t('account.passwordChanged') : null}</LiveStatus>}
      >
        <TextField
          label={t('account.currentPassword')}
          type="password"
          autoComplete="current-password"
          required
          error={errors.currentPassword}
          {...form.register('currentPassword')}
        />
        <NewPasswordField
          label={t('account.newPassword')}
          password={newPassword ?? ''}
          email={email}
          error={errors.newPassword}
          {...form.register('newPassword')}
        />
        <PasswordAgainField error={errors.again} {...form.register('again')} />
      </FormShell>
    </Section>
  );
}

function ConsentSection({ account }: { account: Account }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const marketing = useMarketingConsent();
  const granted = account.marketing.granted;
  return (
    <Section title={t('account.consentSection')} id="consents">
      <FieldRows
        rows={[
          {
            label: t('account.marketingTitle'),
            value: `${granted ? t('account.marketingOn') : t('account.marketingOff')}${
              account.marketing.at
                ? ` (${t('account.marketingSince', { at: formatDateTime(account.marketing.at, lang) })})`
                : ''
            }`,
          },
        ]}
      />
      {marketing.error && <ErrorAlert error={marketing.error} />}
      <LiveStatus>
        {marketing.isSuccess
          ? granted
            ? t('account.marketingGranted')
            : t('account.marketingWithdrawn')
          : null}
      </LiveStatus>
      <p>
        <button
          type="button"
          className={`krds-btn medium ${granted ? 'secondary' : 'primary'}`}
          disabled={marketing.isPending}
          onClick={() => marketing.mutate(!granted)}
        >
          {granted ? t('account.withdrawMarketing') : t('account.grantMarketing')}
        </button>
      </p>
      <CaptionedTable
        caption={t('account.consentCaption')}
        columns={[
          t('account.consentKind'),
          t('account.consentGranted'),
          t('account.consentAt'),
          t('account.consentWithdrawnAt'),
          t('account.consentVersion'),
        ]}
      >
        {account.consents.map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: consent rows have no id in the answer; the order is fixed
          <tr key={i}>
            <td>{t(`account.kind.${c.kind}`, { defaultValue: c.kind })}</td>
            <td>{c.granted ? t('account.yes') : t('account.no')}</td>
            <td>{formatDateTime(c.at, lang)}</td>
            <td>{c.withdrawnAt ? formatDateTime(c.withdrawnAt, lang) : '—'}</td>
            <td>{c.version}</td>
          </tr>
        ))}
      </CaptionedTable>
    </Section>
  );
}

function LeaveSection({ account, onLeft }: { account: Account; onLeft: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteAccount();
  const form = useForm({
    resolver: zodResolver(
      z.object({ password: z.string().min(1), confirm: z.literal(true, { message: 'required' }) }),
      zodOptions,
    ),
    defaultValues: { password: '', confirm: false as unknown as true },
  });
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit((v) =>
    remove.mutate(v.password, {
      onSuccess: onLeft,
      onError: (err) => {
        if (isApiError(err)) applyServerErrors(err, form.setError, ['password']);
      },
    }),
  );
  const owned = account.companies.filter((c) => c.role === 'owner' && c.status === 'active');
  const deleted = ['profile', 'signIn', 'mail', 'marketing', 'memberships'] as const;
  const kept = ['records', 'consents', 'logs', 'logins', 'sentMail'] as const;
  return (
    <Section title={t('account.leaveSection')} id="leave">
      <p>{t('account.leaveLead')}</p>
      <h3 className="app-h3">{t('account.deletedTitle')}</h3>
      <ul className="app-list">
        {deleted.map((k) => (
          <li key={k}>{t(`account.deleted.${k}`)}</li>
        ))}
      </ul>
      <h3 className="app-h3">{t('account.keptTitle')}</h3>
      <ul className="app-list">
        {kept.map((k) => (
          <li key={k}>{t(`account.kept.${k}`)}</li>
        ))}
      </ul>
      {owned.length > 0 && (
        <Alert tone="warning" live={false}>
          <ul className="app-list">
            {owned.map((c) => (
              <li key={c.id}>
                {c.nextOwner
                  ? t('account.ownerNext', { name: c.name })
                  : t('account.ownerNone', { name: c.name })}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {remove.error && !isApiError(remove.error) && <ErrorAlert error={remove.error} />}
      {isApiError(remove.error) && remove.error.fields.length === 0 && <ErrorAlert error={remove.error} />}
      <FormShell
        onSubmit={onSubmit}
        submit={{ label: t('account.leave'), pending: remove.isPending, tone: 'tertiary' }}
      >
        <TextField
          label={t('account.leavePassword')}
          type="password"
          autoComplete="current-password"
          required
          error={errors.password}
          {...form.register('password')}
        />
        <Check label={t('account.leaveConfirm')} error={errors.confirm} {...form.register('confirm')} />
      </FormShell>
    </Section>
  );
}
