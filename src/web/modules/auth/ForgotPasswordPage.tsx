import { Alert, Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { isEmail, useForm } from '@mantine/form';
import { IconMailCheck } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePageTitle } from '../../components/Page';
import { api } from '../../lib/api';
import { applyApiError } from '../../lib/forms';

/**
 * Asks for a reset link. The answer is the same whether or not the address has an
 * account, so the page cannot be used to find out who is registered.
 */
export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.forgotPassword.title'));
  const [formError, setFormError] = useState<string | null>(null);

  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { email: '' },
    validate: { email: isEmail(t('auth.validation.emailInvalid')) },
  });

  const mutation = useMutation({
    mutationFn: (email: string) => api.post('/api/auth/password-reset/request', { email }),
    onMutate: () => setFormError(null),
    onError: (error) => setFormError(applyApiError(form, error)),
  });

  return (
    <Stack gap="md">
      <Title order={1} fz="h2">
        {t('auth.forgotPassword.title')}
      </Title>
      {mutation.isSuccess ? (
        <Alert color="teal" variant="light" icon={<IconMailCheck size={20} aria-hidden />} role="status" data-testid="forgot-password-sent">
          {t('auth.forgotPassword.sent')}
        </Alert>
      ) : (
        <form onSubmit={form.onSubmit((values) => mutation.mutate(values.email.trim()))} noValidate>
          <Stack gap="md">
            <Text c="dimmed" size="sm">
              {t('auth.forgotPassword.intro')}
            </Text>
            <ErrorAlert>{formError}</ErrorAlert>
            <TextInput
              label={t('auth.fields.email')}
              type="email"
              autoComplete="email"
              inputMode="email"
              autoFocus
              key={form.key('email')}
              {...form.getInputProps('email')}
            />
            <Button type="submit" fullWidth loading={mutation.isPending} data-testid="forgot-password-submit">
              {t('auth.forgotPassword.submit')}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/login" size="sm" ta="center">
        {t('auth.forgotPassword.backToLogin')}
      </Anchor>
    </Stack>
  );
}
