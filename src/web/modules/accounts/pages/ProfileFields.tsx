import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/Field';
import type { ErrorLike } from '../../../lib/use-field-error';

/**
 * 이름 and 휴대전화(선택) of the signed-in person (or the one signing up): the sign-up form and 내 정보
 * share them. An empty phone means "no phone" (`emptyToNull` in the form's schema or registration).
 */
export function ProfileFields({
  name,
  phone,
  errors,
}: {
  name: UseFormRegisterReturn;
  phone: UseFormRegisterReturn;
  errors: { name?: ErrorLike; phone?: ErrorLike };
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField label={t('fields.name')} autoComplete="name" required error={errors.name} {...name} />
      <TextField
        label={t('fields.phoneOptional')}
        type="tel"
        autoComplete="tel"
        inputMode="tel"
        hint={t('fields.phoneHint')}
        error={errors.phone}
        {...phone}
      />
    </>
  );
}
