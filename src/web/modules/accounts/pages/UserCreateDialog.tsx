import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { userCreateBody } from '../../../../server/modules/accounts/contract';
import { ErrorAlert } from '../../../components/Alert';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { SelectField, TextField } from '../../../components/Field';
import { isApiError } from '../../../lib/api-client';
import { applyServerErrors, emptyToNull, zodOptions } from '../../../lib/form';
import { roleOptions } from '../../../lib/options';
import { useAssociations, useCreateUser } from '../api/accounts';

type Form = z.input<typeof userCreateBody>;
const FIELDS = ['email', 'name', 'phone', 'role', 'password', 'associationIds'] as const;
/** Roles an admin grants here; sme and supplier accounts sign up themselves. */
const GRANTABLE = ['manager', 'admin', 'reviewer', 'consultant', 'partner', 'viewer'];

export function UserCreateDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (name: string) => void;
}) {
  const { t } = useTranslation();
  const associations = useAssociations(open);
  const create = useCreateUser();
  const form = useForm<Form, unknown, z.output<typeof userCreateBody>>({
    resolver: zodResolver(userCreateBody, zodOptions),
    defaultValues: { email: '', name: '', phone: null, role: 'manager', password: '', associationIds: [] },
  });
  const { errors } = form.formState;
  const role = form.watch('role');
  const close = () => {
    form.reset();
    create.reset();
    onClose();
  };
  const submit = form.handleSubmit((v) =>
    create.mutate(
      { ...v, associationIds: v.role === 'partner' ? v.associationIds : undefined },
      {
        onSuccess: (u) => {
          onCreated(u.name);
          close();
        },
        onError: (err) => {
          if (!isApiError(err)) return;
          if (err.code === 'email_taken') form.setError('email', { type: 'server', message: err.message });
          applyServerErrors(err, form.setError, FIELDS);
        },
      },
    ),
  );
  return (
    <ConfirmDialog
      open={open}
      onClose={close}
      title={t('users.createTitle')}
      confirmLabel={t('users.create')}
      pending={create.isPending}
      form="user-create-form"
    >
      <form id="user-create-form" onSubmit={submit} noValidate className="fieldset">
        <TextField
          label={t('fields.email')}
          type="email"
          required
          error={errors.email}
          {...form.register('email')}
        />
        <TextField label={t('fields.name')} required error={errors.name} {...form.register('name')} />
        <TextField
          label={t('fields.phoneOptional')}
          type="tel"
          error={errors.phone}
          {...form.register('phone', { setValueAs: emptyToNull })}
        />
        <SelectField
          label={t('fields.role')}
          required
          options={roleOptions(t).filter((o) => GRANTABLE.includes(o.value))}
          error={errors.role}
          {...form.register('role')}
        />
        {role === 'partner' && (
          <SelectField
            label={t('fields.association')}
            required
            hint={t('users.associationHint')}
            options={(associations.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
            placeholder={t('common.select')}
            error={errors.associationIds as never}
            {...form.register('associationIds', { setValueAs: (v) => (Array.isArray(v) ? v : v ? [v] : []) })}
          />
        )}
        <TextField
          label={t('users.initialPassword')}
          type="password"
          autoComplete="new-password"
          required
          hint={t('users.passwordHint')}
          error={errors.password}
          {...form.register('password')}
        />
        {create.error && <ErrorAlert error={create.error} />}
      </form>
    </ConfirmDialog>
  );
}
