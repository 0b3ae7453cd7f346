import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Check } from '../../../components/Field';
import { FieldRows } from '../../../components/FieldRows';
import type { ErrorLike } from '../../../lib/use-field-error';
import type { ConsentText } from '../api/auth';

/** One consent: its title, purpose, items and retention (PIPA), then the checkbox. */
export function ConsentBlock({
  text,
  required,
  error,
  registration,
}: {
  text: ConsentText;
  required: boolean;
  error?: ErrorLike;
  registration: UseFormRegisterReturn;
}) {
  const { t } = useTranslation();
  return (
    <div className="app-consent">
      <h3 className="app-h3">
        {text.title}{' '}
        <span className={required ? 'app-req-tag' : 'app-opt-tag'}>
          {required ? t('auth.consentRequired') : t('auth.consentOptional')}
        </span>
      </h3>
      <FieldRows
        rows={[
          { label: t('auth.consentPurpose'), value: text.purpose },
          { label: t('auth.consentItems'), value: text.items },
          { label: t('auth.consentRetention'), value: text.retention },
        ]}
      />
      {required && <p className="app-muted">{t('auth.consentRefuse')}</p>}
      <Check label={text.agree} error={error} aria-required={required || undefined} {...registration} />
    </div>
  );
}
