import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import { associationCreateBody } from '../../../../server/modules/accounts/contract';
import { ErrorAlert, SuccessStatus } from '../../../components/Alert';
import { TextField } from '../../../components/Field';
import { Loading } from '../../../components/Loading';
import { PageHeader, Section } from '../../../components/Page';
import { TableScroll } from '../../../components/TableScroll';
import { currentLang } from '../../../i18n';
import { isApiError } from '../../../lib/api-client';
import { zodOptions } from '../../../lib/form';
import { formatNumber } from '../../../lib/format';
import { useAssociations, useCreateAssociation } from '../api/accounts';
import { useUser } from '../api/auth';

function CreateAssociation() {
  const { t } = useTranslation();
  const create = useCreateAssociation();
  const form = useForm<z.input<typeof associationCreateBody>>({
    resolver: zodResolver(associationCreateBody, zodOptions),
    defaultValues: { name: '' },
  });
  const submit = form.handleSubmit((v) =>
    create.mutate(v, {
      onSuccess: () => form.reset(),
      onError: (err) => {
        if (isApiError(err) && err.status === 409)
          form.setError('name', { type: 'server', message: t('associations.taken') }, { shouldFocus: true });
      },
    }),
  );
  return (
    <Section id="create" title={t('associations.createTitle')}>
      <form onSubmit={submit} noValidate className="app-form app-inline-form">
        <TextField
          label={t('associations.name')}
          required
          error={form.formState.errors.name}
          {...form.register('name')}
        />
        <button type="submit" className="krds-btn large primary" disabled={create.isPending}>
          {t('associations.create')}
        </button>
      </form>
      <SuccessStatus>
        {create.isSuccess && t('associations.created', { name: create.data.name })}
      </SuccessStatus>
      {create.error && !(isApiError(create.error) && create.error.status === 409) && (
        <ErrorAlert error={create.error} />
      )}
    </Section>
  );
}

/** Industry associations (협단체) and their member counts; admins add new ones. */
export function AssociationsPage() {
  const { t } = useTranslation();
  const lang = currentLang();
  const user = useUser();
  const list = useAssociations();
  return (
    <>
      <PageHeader title={t('associations.title')} lead={<p>{t('associations.lead')}</p>} />
      {user?.role === 'admin' && <CreateAssociation />}
      <Section id="list" title={t('associations.listTitle')}>
        {list.isPending && <Loading />}
        {list.error && <ErrorAlert error={list.error} />}
        {list.data && (
          <TableScroll labelledBy="assoc-caption">
            <table className="tbl col data app-table">
              <caption id="assoc-caption">{t('associations.caption', { n: list.data.items.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('associations.name')}</th>
                  <th scope="col">{t('associations.members')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((a) => (
                  <tr key={a.id}>
                    <td>{a.name}</td>
                    <td>
                      <Link to={`/companies?associationId=${a.id}`} className="app-link">
                        {t('associations.memberCount', { n: formatNumber(a.memberCount, lang) })}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </Section>
    </>
  );
}
