import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { claimBody, companyCreateBody } from '../../../../server/modules/companies/contract';
import { Alert, ErrorAlert, SuccessStatus } from '../../../components/Alert';
import { CompanyForm } from '../../../components/company/CompanyForm';
import { emptyCompanyValues } from '../../../components/company/company-form-values';
import { TextAreaField, TextField } from '../../../components/Field';
import { Section } from '../../../components/Page';
import { isApiError } from '../../../lib/api-client';
import { applyServerErrors, zodOptions } from '../../../lib/form';
import { brn as formatBrn } from '../../../lib/format';
import { useClaimCompany } from '../api/claims';
import { useRegisterCompany } from '../api/companies';

/** The token of a diagnosis invitation the member came through (`next=/diagnosis/start?invite=…`). */
function invitationTokenOf(next: string | null | undefined): string | undefined {
  if (!next) return undefined;
  try {
    return new URL(next, window.location.origin).searchParams.get('invite') ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * No company yet: ask to join one already in the registry by its BRN (pending until proven; an invitation
 * the member came through proves it at once when it was sent to the firm's registered e-mail), or
 * register a new one (instant).
 */
export function ConnectCompany({ next }: { next?: string | null }) {
  const { t } = useTranslation();
  const claim = useClaimCompany();
  const register = useRegisterCompany();
  const [registerBrn, setRegisterBrn] = useState<string | null>(null);
  const form = useForm<z.input<typeof claimBody>, unknown, z.output<typeof claimBody>>({
    resolver: zodResolver(claimBody, zodOptions),
    defaultValues: { brn: '', note: '' },
  });
  const invitationToken = invitationTokenOf(next);
  const notFound = isApiError(claim.error) && claim.error.status === 404;
  // opening the registration form moves focus into it (the BRN is filled in when it came from the claim)
  useEffect(() => {
    if (registerBrn === null) return;
    const field = registerBrn ? 'name' : 'brn';
    document.querySelector<HTMLInputElement>(`#register input[name="${field}"]`)?.focus();
  }, [registerBrn]);

  const onClaim = form.handleSubmit((values) => {
    const body = { brn: values.brn, ...(values.note ? { note: values.note } : {}) };
    claim.mutate(invitationToken ? { ...body, invitationToken } : body, {
      onError: (err) => {
        if (!isApiError(err)) return;
        // an invitation that does not prove this firm: ask without it (staff or the owner confirm)
        if (invitationToken && err.fields.some((f) => f.path === 'invitationToken')) {
          claim.mutate(body);
          return;
        }
        applyServerErrors(err, form.setError, ['brn', 'note']);
      },
    });
  });

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
          <TextAreaField
            label={t('claims.connect.note')}
            hint={t('claims.connect.noteHint')}
            rows={2}
            maxLength={1000}
            error={form.formState.errors.note}
            {...form.register('note')}
          />
          <button type="submit" className="krds-btn large primary" disabled={claim.isPending}>
            {claim.isPending ? t('common.working') : t('myCompany.claim')}
          </button>
        </form>
        <p className="app-muted">{t('claims.connect.how')}</p>
        <SuccessStatus>
          {claim.data?.status === 'pending'
            ? t('claims.connect.sent', { name: claim.data.companyName })
            : claim.data?.status === 'approved'
              ? t('claims.connect.approved', { name: claim.data.companyName })
              : null}
        </SuccessStatus>
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
