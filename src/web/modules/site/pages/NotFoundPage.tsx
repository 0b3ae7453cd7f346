import { useTranslation } from 'react-i18next';
import { LinkAlert } from '../../../components/LinkAlert';
import { PageHeader } from '../../../components/Page';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('errors.notFoundTitle')} />
      <LinkAlert tone="info">{t('errors.notFoundBody')}</LinkAlert>
    </>
  );
}
