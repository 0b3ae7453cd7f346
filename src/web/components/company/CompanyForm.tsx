import { zodResolver } from '@hookform/resolvers/zod';
import { type ReactNode, useId, useState } from 'react';
import { type Resolver, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { districtFromAddress } from '../../../shared/districts';
import { KSIC_DIVISIONS } from '../../../shared/ksic';
import { currentLang } from '../../i18n';
import { isApiError } from '../../lib/api-client';
import { applyServerErrors, emptyToNull, toList, toNumberOrNull, zodOptions } from '../../lib/form';
import { formatKrwCompact, ksic } from '../../lib/format';
import { districtOptions, dxInterestOptions, sizeClassOptions } from '../../lib/options';
import { Alert, ErrorAlert } from '../Alert';
import { Check, ChoiceGroup, FormSection, SelectField, TextField } from '../Field';
import { SubmitActions } from '../FormShell';
import { type CompanyFormValues, EDITABLE_KEYS } from './company-form-values';

/**
 * The company record form, shared by "register my company", the owner's edit and the staff edit.
 * Validates with the server's zod contract; `onSubmit` gets the parsed body and may throw an ApiError
 * whose field errors land on the fields.
 */
export function CompanyForm({
  schema,
  defaultValues,
  withBrn,
  submitLabel,
  onSubmit,
  onCancel,
  notice,
}: {
  schema: z.ZodType;
  defaultValues: CompanyFormValues;
  withBrn?: boolean;
  submitLabel: string;
  onSubmit: (parsed: Record<string, unknown>) => Promise<unknown>;
  onCancel?: () => void;
  notice?: ReactNode;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  const listId = useId();
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<string[]>([]);
  const form = useForm<CompanyFormValues>({
    resolver: zodResolver(schema as never, zodOptions) as unknown as Resolver<CompanyFormValues>,
    defaultValues,
  });
  const { errors, isSubmitting } = form.formState;
  const [revenue, ksicCode] = form.watch(['revenue', 'ksicCode']);
  const revenueNumber = typeof revenue === 'number' && Number.isFinite(revenue) ? revenue : null;
  const num = { setValueAs: toNumberOrNull };
  const opt = { setValueAs: emptyToNull };

  const submit = form.handleSubmit(async (values) => {
    setError(null);
    setExtra([]);
    try {
      await onSubmit(values as unknown as Record<string, unknown>);
    } catch (err) {
      setError(err);
      if (isApiError(err)) {
        if (err.code === 'brn_taken') form.setError('brn', { type: 'server', message: err.message });
        setExtra(applyServerErrors(err, form.setError, ['brn', ...EDITABLE_KEYS]));
      }
    }
  });

  return (
    <form onSubmit={submit} noValidate className="app-form">
      {notice}
      <FormSection title={t('companyForm.basic')}>
        <div className="app-grid-2">
          {withBrn && (
            <TextField
              label={t('fields.brn')}
              required
              inputMode="numeric"
              autoComplete="off"
              hint={t('fields.brnHint')}
              error={errors.brn}
              {...form.register('brn')}
            />
          )}
          <TextField
            label={t('fields.companyName')}
            required
            autoComplete="organization"
            error={errors.name}
            {...form.register('name')}
          />
          <TextField
            label={t('fields.representative')}
            error={errors.representative}
            {...form.register('representative', opt)}
          />
          <TextField
            label={t('fields.crn')}
            inputMode="numeric"
            hint={t('fields.crnHint')}
            error={errors.crn}
            {...form.register('crn', opt)}
          />
          <TextField
            label={t('fields.foundedOn')}
            type="date"
            error={errors.foundedOn}
            {...form.register('foundedOn', opt)}
          />
        </div>
      </FormSection>

      <FormSection title={t('companyForm.sizeIndustry')}>
        <div className="app-grid-2">
          <SelectField
            label={t('fields.sizeClass')}
            placeholder={t('common.select')}
            options={sizeClassOptions(t)}
            error={errors.sizeClass}
            {...form.register('sizeClass', opt)}
          />
          <TextField
            label={t('fields.ksicCode')}
            list={listId}
            autoComplete="off"
            hint={ksicCode ? ksic(String(ksicCode), lang) || t('fields.ksicHint') : t('fields.ksicHint')}
            error={errors.ksicCode}
            {...form.register('ksicCode', opt)}
          />
          <datalist id={listId}>
            {KSIC_DIVISIONS.map((d) => (
              <option key={d.code} value={d.code}>
                {d[lang]}
              </option>
            ))}
          </datalist>
          <TextField
            label={t('fields.employees')}
            inputMode="numeric"
            error={errors.employees}
            {...form.register('employees', num)}
          />
          <TextField
            label={t('fields.revenueKrw')}
            inputMode="numeric"
            hint={
              revenueNumber !== null ? `= ${formatKrwCompact(revenueNumber, lang)}` : t('fields.revenueHint')
            }
            error={errors.revenue}
            {...form.register('revenue', num)}
          />
        </div>
        <div className="app-inline-checks">
          <Check label={t('fields.isMicro')} {...form.register('isMicro')} />
          <Check label={t('fields.isStartup')} {...form.register('isStartup')} />
        </div>
      </FormSection>

      <FormSection title={t('companyForm.location')}>
        <div className="app-grid-2">
          <TextField
            label={t('fields.address')}
            autoComplete="street-address"
            error={errors.address}
            {...form.register('address', {
              ...opt,
              onBlur: (e) => {
                const d = districtFromAddress(String(e.target.value ?? ''));
                if (d && !form.getValues('district')) form.setValue('district', d, { shouldDirty: true });
              },
            })}
          />
          <SelectField
            label={t('fields.district')}
            placeholder={t('common.select')}
            options={districtOptions(lang)}
            hint={t('fields.districtHint')}
            error={errors.district}
            {...form.register('district', opt)}
          />
          <TextField
            label={t('fields.homepage')}
            type="url"
            placeholder="https://"
            error={errors.homepage}
            {...form.register('homepage', opt)}
          />
          <TextField
            label={t('fields.companyPhone')}
            type="tel"
            inputMode="tel"
            error={errors.phone}
            {...form.register('phone', opt)}
          />
          <TextField
            label={t('fields.companyEmail')}
            type="email"
            error={errors.email}
            {...form.register('email', opt)}
          />
        </div>
      </FormSection>

      <FormSection title={t('companyForm.interests')}>
        <ChoiceGroup legend={t('fields.dxInterests')} error={errors.dxInterests as never}>
          {dxInterestOptions(t).map((o) => (
            <Check key={o.value} value={o.value} label={o.label} {...form.register('dxInterests')} />
          ))}
        </ChoiceGroup>
        <TextField
          label={t('fields.tags')}
          hint={t('fields.tagsHint')}
          error={(errors.tags as never) ?? undefined}
          {...form.register('tags', { setValueAs: toList })}
        />
      </FormSection>

      {error ? <ErrorAlert error={error} extra={extra} /> : null}
      {Object.keys(errors).length > 0 && !error && (
        <Alert tone="error">{t('form.fixErrors', { count: Object.keys(errors).length })}</Alert>
      )}
      <SubmitActions label={submitLabel} pending={isSubmitting} size="large">
        {onCancel && (
          <button type="button" className="krds-btn large secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </SubmitActions>
    </form>
  );
}
