import { Alert, Anchor, Button, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePageTitle } from '../../components/Page';
import { api, isApiError } from '../../lib/api';
import { applyApiError } from '../../lib/forms';
import { NewPasswordFields, newPasswordRules } from './NewPasswordFields';

/** Reached from the e-mailed link /reset-password?token=…; sends to the login page when done. */
export default function ResetPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.resetPassword.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const [formError, setFormError] = useState<string | null>(null);
  const [tokenRejected, setTokenRejected] = useState(false);

  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { newPassword: '', confirmPassword: '' },
    validate: newPasswordRules(t),
  });

  const mutation = useMutation({
    mutationFn: (newPassword: string) => api.post('/api/auth/password-reset/confirm', { token, newPassword }),
    onMutate: () => setFormError(null),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('auth.resetPassword.success') });
      navigate('/login', { replace: true });
    },
    onError: (error) => {
      if (isApiError(error, 'INVALID_TOKEN')) setTokenRejected(true);
      else setFormError(applyApiError(form, error));
    },
  });

  const requestNewLink = (
    <Anchor component={Link} to="/forgot-password" size="sm" ta="center">
      {t('auth.resetPassword.requestNewLink')}
    </Anchor>
  );

  if (!token || tokenRejected) {
    return (
      <Stack gap="md">
        <Title order={1} fz="h2">
          {t('auth.resetPassword.title')}
        </Title>
        <Alert color="orange" variant="light" role="alert">
          {token ? t('auth.resetPassword.invalidToken') : t('auth.resetPassword.missingToken')}
        </Alert>
        {requestNewLink}
      </Stack>
    );
  }

  return (
    <form onSubmit={form.onSubmit((values) => mutation.mutate(values.newPassword))} noValidate>
      <Stack gap="md">
        <Title order={1} fz="h2">
          {t('auth.resetPassword.title')}
        </Title>
        <ErrorAlert>{formError}</ErrorAlert>
        <NewPasswordFields form={form} />
        <Button type="submit" fullWidth loading={mutation.isPending} data-testid="reset-password-submit">
          {t('auth.resetPassword.submit')}
        </Button>
      </Stack>
    </form>
  );
}
