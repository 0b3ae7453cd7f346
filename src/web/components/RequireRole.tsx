import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import type { Role } from '../../shared/enums';
import { useMe } from '../modules/accounts/api/auth';
import { ErrorAlert } from './Alert';
import { LinkAlert } from './LinkAlert';
import { Loading } from './Loading';
import { PageHeader } from './Page';

/** Renders children only for signed-in users with one of `roles`; sends others to sign in. */
export function RequireRole({ roles, children }: { roles?: readonly Role[]; children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorAlert error={me.error} />;
  const user = me.data.user;
  if (!user) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  if (roles && !roles.includes(user.role)) {
    return (
      <>
        <PageHeader title={t('errors.forbiddenTitle')} />
        <LinkAlert tone="warning">{t('errors.forbiddenBody')}</LinkAlert>
      </>
    );
  }
  return <>{children}</>;
}
