import { Button, Card, Stack } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { PasswordField } from '../../components/PasswordField';
import { api } from '../../lib/api';
import { applyApiError } from '../../lib/forms';
import { useSession } from '../../lib/session';
import { NewPasswordFields, newPasswordRules } from './NewPasswordFields';

export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const [formError, setFormError] = useState<string | null>(null);

  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: { currentPassword: isNotEmpty(t('auth.validation.required')), ...newPasswordRules(t) },
  });

  const mutation = useMutation({
    mutationFn: (values: { currentPassword: string; newPassword: string }) => api.post('/api/auth/password', values),
    onMutate: () => setFormError(null),
    onSuccess: async () => {
      form.reset();
      notifications.show({ color: 'teal', message: t('auth.changePassword.success') });
      // The server may renew the session (and its CSRF token) on a password change.
      await refresh();
    },
    onError: (error) => setFormError(applyApiError(form, error)),
  });

  return (
    <Page title={t('auth.changePassword.title')}>
      <Card maw={480} padding="lg">
        <form
          onSubmit={form.onSubmit((values) =>
            mutation.mutate({ currentPassword: values.currentPassword, newPassword: values.newPassword }),
          )}
          noValidate
        >
          <Stack gap="md">
            <ErrorAlert>{formError}</ErrorAlert>
            <PasswordField
              label={t('auth.fields.currentPassword')}
              autoComplete="current-password"
              key={form.key('currentPassword')}
              {...form.getInputProps('currentPassword')}
            />
            <NewPasswordFields form={form} />
            <Button type="submit" loading={mutation.isPending} data-testid="change-password-submit">
              {t('auth.changePassword.submit')}
            </Button>
          </Stack>
        </form>
      </Card>
    </Page>
  );
}
