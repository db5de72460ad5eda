import { isNotEmpty, matchesField, type UseFormReturnType } from '@mantine/form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { PasswordField } from '../../components/PasswordField';

export interface NewPasswordValues {
  newPassword: string;
  confirmPassword: string;
}

/** Validation rules of the pair: a new password, typed twice alike. */
export function newPasswordRules(t: TFunction) {
  return {
    newPassword: isNotEmpty(t('auth.validation.required')),
    confirmPassword: matchesField('newPassword', t('auth.validation.passwordsMismatch')),
  };
}

/** The two inputs of a new password. The strength rules are the server's; its messages show under the first. */
export function NewPasswordFields<V extends NewPasswordValues>({
  form,
  label,
}: {
  form: UseFormReturnType<V>;
  label?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <PasswordField
        label={label ?? t('auth.fields.newPassword')}
        autoComplete="new-password"
        key={form.key('newPassword')}
        {...form.getInputProps('newPassword')}
      />
      <PasswordField
        label={t('auth.fields.confirmPassword')}
        autoComplete="new-password"
        key={form.key('confirmPassword')}
        {...form.getInputProps('confirmPassword')}
      />
    </>
  );
}
