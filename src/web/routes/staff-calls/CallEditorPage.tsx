import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/Page';

export function CallEditorPage() {
  const { t } = useTranslation();
  return <PageHeader title={t('nav.staffCalls')} />;
}
