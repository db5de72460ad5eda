import { Alert, Anchor, Badge, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionLoader } from '../../components/FullPageLoader';
import { usePageTitle } from '../../components/Page';
import { api, isApiError } from '../../lib/api';
import { applyApiError } from '../../lib/forms';
import { useRoleLabel } from '../../lib/roles';
import { type Session, useSession } from '../../lib/session';
import { NewPasswordFields, newPasswordRules } from './NewPasswordFields';
import type { InvitationView as Invitation } from '../../../platform/auth/contract';

/** Reached from the e-mailed link /invitation?token=…: creates the account and signs in. */
export default function AcceptInvitationPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';

  const invitation = useQuery({
    queryKey: ['auth', 'invitation', token],
    queryFn: () => api.get<Invitation>(`/api/auth/invitations/${encodeURIComponent(token)}`),
    enabled: token !== '',
    retry: false,
    staleTime: Infinity,
  });

  usePageTitle(invitation.data ? t('auth.invitation.title', { coopName: invitation.data.coopName }) : t('common.appName'));

  if (!token || invitation.isError) {
    const notFound = !token || (isApiError(invitation.error) && invitation.error.status === 404);
    return (
      <Stack gap="md">
        <Alert color="orange" variant="light" role="alert">
          {!token
            ? t('auth.invitation.missingToken')
            : notFound
              ? t('auth.invitation.invalid')
              : isApiError(invitation.error)
                ? invitation.error.message
                : t('common.errors.unexpected')}
        </Alert>
        <Anchor component={Link} to="/login" size="sm" ta="center">
          {t('auth.forgotPassword.backToLogin')}
        </Anchor>
      </Stack>
    );
  }
  if (!invitation.data) return <SectionLoader />;
  return <InvitationForm token={token} invitation={invitation.data} />;
}

function InvitationForm({ token, invitation }: { token: string; invitation: Invitation }) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const { applySession } = useSession();
  const navigate = useNavigate();
  const [formError, setFormError] = useState<string | null>(null);

  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { displayName: invitation.displayName, newPassword: '', confirmPassword: '' },
    validate: { displayName: isNotEmpty(t('auth.validation.required')), ...newPasswordRules(t) },
  });

  const mutation = useMutation({
    mutationFn: (values: { displayName: string; password: string }) =>
      api.post<Session>('/api/auth/invitations/accept', { token, ...values }),
    onMutate: () => setFormError(null),
    onSuccess: (session) => {
      applySession(session, { resetData: true });
      notifications.show({ color: 'teal', message: t('auth.invitation.welcome', { coopName: invitation.coopName }) });
      navigate('/', { replace: true });
    },
    onError: (error) => setFormError(applyApiError(form, error, { password: 'newPassword' })),
  });

  return (
    <form
      onSubmit={form.onSubmit((values) =>
        mutation.mutate({ displayName: values.displayName.trim(), password: values.newPassword }),
      )}
      noValidate
    >
      <Stack gap="md">
        <div>
          <Title order={1} fz="h2">
            {t('auth.invitation.title', { coopName: invitation.coopName })}
          </Title>
          <Text c="dimmed" size="sm" mt={4}>
            {t('auth.invitation.intro', { coopName: invitation.coopName })}
          </Text>
        </div>
        <Group gap="xs" wrap="wrap">
          <Badge variant="light" size="lg" tt="none" data-testid="invitation-role">
            {t('auth.invitation.role', { role: roleLabel(invitation.role) })}
          </Badge>
        </Group>
        <Text size="sm">{t('auth.invitation.email', { email: invitation.email })}</Text>
        <ErrorAlert>{formError}</ErrorAlert>
        <TextInput
          label={t('auth.fields.displayName')}
          autoComplete="name"
          key={form.key('displayName')}
          {...form.getInputProps('displayName')}
        />
        <NewPasswordFields form={form} label={t('auth.fields.password')} />
        <Button type="submit" fullWidth loading={mutation.isPending} data-testid="accept-invitation-submit">
          {t('auth.invitation.submit')}
        </Button>
      </Stack>
    </form>
  );
}
