import { useTranslation } from 'react-i18next';

export interface ErrorLike {
  message?: string;
  type?: string;
}

/**
 * Field error text: zod/issue codes ('brn_checksum', 'required', 'too_small') are translated
 * from fieldErrors.*; the server's already-localized sentences are shown as they are.
 */
export function useFieldErrorText() {
  const { t, i18n } = useTranslation();
  return (err: ErrorLike | undefined): string | undefined => {
    if (!err) return undefined;
    const msg = err.message || err.type || 'custom';
    const key = `fieldErrors.${msg}`;
    if (i18n.exists(key)) return t(key);
    if (/^[a-z_]+$/.test(msg)) return t('fieldErrors.custom');
    return msg;
  };
}
