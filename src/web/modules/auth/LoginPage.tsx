import { Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { isEmail, isNotEmpty, useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePageTitle } from '../../components/Page';
import { PasswordField } from '../../components/PasswordField';
import { isApiError } from '../../lib/api';
import { applyApiError } from '../../lib/forms';
import { useSession } from '../../lib/session';

/** Sign-in. Once the session has a user, the route guard sends them where they were going. */
export default function LoginPage() {
  const { t } = useTranslation();
  const { login } = useSession();
  usePageTitle(t('auth.login.title'));
  const [formError, setFormError] = useState<string | null>(null);

  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { email: '', password: '' },
    validate: {
      email: isEmail(t('auth.validation.emailInvalid')),
      password: isNotEmpty(t('auth.validation.required')),
    },
  });

  const mutation = useMutation({
    mutationFn: login,
    onMutate: () => setFormError(null),
    onError: (error) => {
      // Locked out for a while: say so plainly rather than repeat "wrong password".
      if (isApiError(error) && error.status === 429) setFormError(t('auth.login.tooManyAttempts'));
      else setFormError(applyApiError(form, error));
    },
  });

  return (
    <form onSubmit={form.onSubmit((values) => mutation.mutate({ email: values.email.trim(), password: values.password }))} noValidate>
      <Stack gap="md">
        <div>
          <Title order={1} fz="h2">
            {t('auth.login.title')}
          </Title>
          <Text c="dimmed" size="sm" mt={4}>
            {t('auth.login.subtitle')}
          </Text>
        </div>
        <ErrorAlert>{formError}</ErrorAlert>
        <TextInput
          label={t('auth.fields.email')}
          type="email"
          autoComplete="username"
          inputMode="email"
          autoFocus
          key={form.key('email')}
          {...form.getInputProps('email')}
        />
        <PasswordField
          label={t('auth.fields.password')}
          autoComplete="current-password"
          key={form.key('password')}
          {...form.getInputProps('password')}
        />
        <Button type="submit" fullWidth loading={mutation.isPending} data-testid="login-submit">
          {t('auth.login.submit')}
        </Button>
        <Anchor component={Link} to="/forgot-password" size="sm" ta="center">
          {t('auth.login.forgotPassword')}
        </Anchor>
      </Stack>
    </form>
  );
}
