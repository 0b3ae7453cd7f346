import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { claimBody, companyCreateBody } from '../../../server/modules/companies/contract';
import { isApiError } from '../../api/client';
import { useClaimCompany, useRegisterCompany } from '../../api/companies';
import { Alert, ErrorAlert } from '../../components/Alert';
import { CompanyForm } from '../../components/company/CompanyForm';
import { emptyCompanyValues } from '../../components/company/company-form-values';
import { TextField } from '../../components/Field';
import { Section } from '../../components/Page';
import { applyServerErrors, zodOptions } from '../../lib/form';
import { brn as formatBrn } from '../../lib/format';

/** No company yet: claim one already in the registry by its BRN, or register a new one. */
export function ConnectCompany() {
  const { t } = useTranslation();
  const claim = useClaimCompany();
  const register = useRegisterCompany();
  const [registerBrn, setRegisterBrn] = useState<string | null>(null);
  const form = useForm<z.input<typeof claimBody>, unknown, z.output<typeof claimBody>>({
    resolver: zodResolver(claimBody, zodOptions),
    defaultValues: { brn: '' },
  });
  const notFound = isApiError(claim.error) && claim.error.status === 404;
  // opening the registration form moves focus into it (the BRN is filled in when it came from the claim)
  useEffect(() => {
    if (registerBrn === null) return;
    const field = registerBrn ? 'name' : 'brn';
    document.querySelector<HTMLInputElement>(`#register input[name="${field}"]`)?.focus();
  }, [registerBrn]);

  const onClaim = form.handleSubmit((values) =>
    claim.mutate(values, {
      onError: (err) => {
        if (isApiError(err)) applyServerErrors(err, form.setError, ['brn']);
      },
    }),
  );

  return (
    <>
      <Alert tone="info" live={false} title={t('myCompany.noneTitle')}>
        <p>{t('myCompany.noneBody')}</p>
      </Alert>
      <Section id="claim" title={t('myCompany.claimTitle')}>
        <p>{t('myCompany.claimLead')}</p>
        <form onSubmit={onClaim} noValidate className="app-form app-inline-form">
          <TextField
            label={t('fields.brn')}
            required
            inputMode="numeric"
            autoComplete="off"
            placeholder="000-00-00000"
            hint={t('fields.brnHint')}
            error={form.formState.errors.brn}
            {...form.register('brn')}
          />
          <button type="submit" className="krds-btn large primary" disabled={claim.isPending}>
            {claim.isPending ? t('common.working') : t('myCompany.claim')}
          </button>
        </form>
        {claim.data?.status === 'pending' && (
          <Alert tone="warning" title={t('myCompany.pendingTitle')}>
            <p>{t('myCompany.pendingBody', { name: claim.data.name })}</p>
          </Alert>
        )}
        {notFound && (
          <Alert tone="warning" title={t('myCompany.notFoundTitle')}>
            <p>{t('myCompany.notFoundBody')}</p>
            <button
              type="button"
              className="krds-btn medium secondary"
              onClick={() => setRegisterBrn(form.getValues('brn') ?? '')}
            >
              {t('myCompany.registerWithBrn', { brn: formatBrn(form.getValues('brn') ?? '') })}
            </button>
          </Alert>
        )}
        {claim.error && !notFound && <ErrorAlert error={claim.error} />}
      </Section>

      <Section id="register" title={t('myCompany.registerTitle')}>
        {registerBrn === null ? (
          <>
            <p>{t('myCompany.registerLead')}</p>
            <button type="button" className="krds-btn large secondary" onClick={() => setRegisterBrn('')}>
              {t('myCompany.registerOpen')}
            </button>
          </>
        ) : (
          <CompanyForm
            key={registerBrn}
            schema={companyCreateBody}
            withBrn
            defaultValues={emptyCompanyValues(registerBrn)}
            submitLabel={t('myCompany.registerSubmit')}
            onCancel={() => setRegisterBrn(null)}
            onSubmit={(body) => register.mutateAsync(body as z.output<typeof companyCreateBody>)}
          />
        )}
      </Section>
    </>
  );
}
