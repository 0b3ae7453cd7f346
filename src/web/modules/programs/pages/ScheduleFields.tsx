import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/Field';
import { currentLang } from '../../../i18n';
import { formatDateTime, formatKrw } from '../../../lib/format';
import type { ErrorLike } from '../../../lib/use-field-error';
import { fromKstInput } from './editor-model';

/**
 * A date and time in Korea Standard Time (a datetime-local input read as +09:00 whatever the browser's
 * zone), with the chosen instant spelled out under it.
 */
export function KstDateTimeField({
  id,
  label,
  value,
  required,
  error,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  required?: boolean;
  error?: ErrorLike;
  onChange: (v: string) => void;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  const iso = fromKstInput(value);
  return (
    <TextField
      id={id}
      label={`${label} (KST)`}
      type="datetime-local"
      required={required}
      value={value}
      error={error}
      hint={iso ? t('callEditor.kstValue', { at: formatDateTime(iso, lang) }) : t('callEditor.kstHint')}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/** An amount in KRW typed with thousands separators (40,000,000), shown back as 40,000,000원. */
export function MoneyField({
  id,
  label,
  value,
  error,
  onChange,
}: {
  id: string;
  label: string;
  value: number | null;
  error?: ErrorLike;
  onChange: (v: number | null) => void;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  return (
    <TextField
      id={id}
      label={label}
      inputMode="numeric"
      autoComplete="off"
      value={value === null ? '' : value.toLocaleString('ko-KR')}
      error={error}
      hint={
        value === null
          ? t('callEditor.moneyHint')
          : t('callEditor.moneyValue', { value: formatKrw(value, lang) })
      }
      onChange={(e) => {
        const digits = e.target.value.replace(/[^0-9]/g, '').slice(0, 15);
        onChange(digits ? Number(digits) : null);
      }}
    />
  );
}
