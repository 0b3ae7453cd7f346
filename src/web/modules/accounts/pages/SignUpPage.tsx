import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { signupBody } from '../../../../server/modules/accounts/contract';
import { CONSENT_KINDS, SELF_SIGNUP_ROLES } from '../../../../shared/enums';
import { ErrorAlert } from '../../../components/Alert';
import { Check, ChoiceGroup, TextField } from '../../../components/Field';
import { SubmitActions } from '../../../components/FormShell';
import { Loading } from '../../../components/Loading';
import { PageHeader, Section } from '../../../components/Page';
import { currentLang } from '../../../i18n';
import { isApiError } from '../../../lib/api-client';
import { applyServerErrors, emptyToNull, zodOptions } from '../../../lib/form';
import { safeNext } from '../../../lib/safe-next';
import { useConsents, useSignup } from '../api/auth';
import { CheckEmail } from './CheckEmail';
import { ConsentBlock } from './ConsentBlock';
import { NewPasswordField } from './PasswordRules';
import { ProfileFields } from './ProfileFields';

type SignupForm = z.input<typeof signupBody>;
const FIELDS = ['email', 'password', 'name', 'phone', 'role', 'consents.terms', 'consents.privacy'] as const;

export function SignUpPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const lang = currentLang();
  const consents = useConsents();
  const signup = useSignup();
  const form = useForm<SignupForm, unknown, z.output<typeof signupBody>>({
    resolver: zodResolver(signupBody, zodOptions),
    defaultValues: {
      email: '',
      password: '',
      name: '',
      phone: null,
      role: 'sme',
      consents: { terms: false, privacy: false, marketing: false },
    } as unknown as SignupForm,
  });
  const { errors } = form.formState;
  const [password, email, c] = form.watch(['password', 'email', 'consents']);
  const allChecked = !!(c?.terms && c?.privacy && c?.marketing);

  const onSubmit = form.handleSubmit((values) =>
    signup.mutate(
      // `next` (e.g. an invitation link) is kept with the request and used after the mailed link
      { ...values, next },
      {
        onError: (err) => {
          if (isApiError(err)) applyServerErrors(err, form.setError, FIELDS);
        },
      },
    ),
  );

  if (signup.isSuccess) return <CheckEmail email={form.getValues('email')} delivery={signup.data.delivery} />;

  return (
    <div className="app-narrow">
      <PageHeader title={t('auth.signUpTitle')} lead={<p>{t('auth.signUpLead')}</p>} />
      {signup.error && <ErrorAlert error={signup.error} title={t('auth.signUpFailed')} />}
      <form onSubmit={onSubmit} noValidate className="app-form">
        <Section title={t('auth.accountSection')} id="account">
          <div className="fieldset">
            <TextField
              label={t('fields.email')}
              type="email"
              autoComplete="email"
              required
              error={errors.email}
              {...form.register('email')}
            />
            <NewPasswordField
              label={t('fields.password')}
              password={password ?? ''}
              email={email ?? ''}
              error={errors.password}
              {...form.register('password')}
            />
            <ProfileFields
              name={form.register('name')}
              phone={form.register('phone', { setValueAs: emptyToNull })}
              errors={errors}
            />
            <ChoiceGroup legend={t('auth.roleLegend')} required error={errors.role} column>
              {SELF_SIGNUP_ROLES.map((r) => (
                <Check
                  key={r}
                  type="radio"
                  value={r}
                  label={t(`auth.roleChoice.${r}.title`)}
                  description={t(`auth.roleChoice.${r}.body`)}
                  {...form.register('role')}
                />
              ))}
            </ChoiceGroup>
          </div>
        </Section>

        <Section title={t('auth.consentSection')} id="consents">
          {consents.isPending && <Loading />}
          {consents.error && <ErrorAlert error={consents.error} />}
          {consents.data && (
            <div className="app-stack">
              <Check
                label={t('auth.consentAll')}
                checked={allChecked}
                onChange={(e) => {
                  for (const k of CONSENT_KINDS)
                    form.setValue(`consents.${k}`, e.target.checked as true, {
                      shouldValidate: form.formState.isSubmitted,
                    });
                }}
              />
              {CONSENT_KINDS.map((k) => {
                const text = consents.data.texts[k];
                if (!text) return null;
                return (
                  <ConsentBlock
                    key={k}
                    text={text[lang]}
                    required={text.required}
                    error={errors.consents?.[k]}
                    registration={form.register(`consents.${k}`)}
                  />
                );
              })}
              <p className="app-muted">{t('auth.consentVersion', { version: consents.data.version })}</p>
            </div>
          )}
        </Section>

        <SubmitActions label={t('auth.signUp')} pending={signup.isPending} size="large" block />
      </form>
      <p className="app-center">
        {t('auth.haveAccount')}{' '}
        <Link to="/login" className="app-link">
          {t('auth.signIn')}
        </Link>
      </p>
    </div>
  );
}
