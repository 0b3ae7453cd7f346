import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/Page';

export function BeforeAfterPage() {
  const { t } = useTranslation();
  return <PageHeader title={t('nav.diagnosis')} />;
}
