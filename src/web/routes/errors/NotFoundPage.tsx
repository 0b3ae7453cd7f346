import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../components/Alert';
import { PageHeader } from '../../components/Page';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('errors.notFoundTitle')} />
      <Alert tone="info" live={false}>
        <p>{t('errors.notFoundBody')}</p>
        <p>
          <Link to="/" className="app-link">
            {t('errors.backHome')}
          </Link>
        </p>
      </Alert>
    </>
  );
}
