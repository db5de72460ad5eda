import { Alert, Anchor, Badge, Button, Group, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
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

/**
 * Reached from the e-mailed link /invitation?token=…: a newcomer chooses a name and password;
 * a person who already logs in to Mutualise confirms with their password. Either way they are
 * signed in to the cooperative that invited them.
 */
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
  return invitation.data.hasAccount ? <ConfirmInvitationForm token={token} invitation={invitation.data} /> : <InvitationForm token={token} invitation={invitation.data} />;
}

/** What the two forms share: who invites, for which role, which account; and what follows acceptance. */
function useAcceptance(token: string, invitation: Invitation, onError: (error: unknown) => void) {
  const { t } = useTranslation();
  const { applySession } = useSession();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (values: { displayName?: string; password: string }) => api.post<Session>('/api/auth/invitations/accept', { token, ...values }),
    onSuccess: (session) => {
      applySession(session, { resetData: true });
      notifications.show({ color: 'teal', message: t('auth.invitation.welcome', { coopName: invitation.coopName }) });
      navigate('/', { replace: true });
    },
    onError,
  });
}

function InvitationHeader({ invitation, intro }: { invitation: Invitation; intro: string }) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  return (
    <>
      <div>
        <Title order={1} fz="h2">
          {t('auth.invitation.title', { coopName: invitation.coopName })}
        </Title>
        <Text c="dimmed" size="sm" mt={4}>
          {intro}
        </Text>
      </div>
      <Group gap="xs" wrap="wrap">
        <Badge variant="light" size="lg" tt="none" data-testid="invitation-role">
          {t('auth.invitation.role', { role: roleLabel(invitation.role) })}
        </Badge>
      </Group>
      <Text size="sm">{t('auth.invitation.email', { email: invitation.email })}</Text>
    </>
  );
}

/** The person already has an account: they accept by confirming with its password. */
function ConfirmInvitationForm({ token, invitation }: { token: string; invitation: Invitation }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { password: '' },
    validate: { password: isNotEmpty(t('auth.validation.required')) },
  });
  const mutation = useAcceptance(token, invitation, (error) => setFormError(applyApiError(form, error)));
  return (
    <form onSubmit={form.onSubmit((values) => { setFormError(null); mutation.mutate({ password: values.password }); })} noValidate>
      <Stack gap="md">
        <InvitationHeader invitation={invitation} intro={t('auth.invitation.introExisting', { coopName: invitation.coopName })} />
        <ErrorAlert>{formError}</ErrorAlert>
        <PasswordInput label={t('auth.invitation.accountPassword')} autoComplete="current-password" key={form.key('password')} {...form.getInputProps('password')} />
        <Button type="submit" fullWidth loading={mutation.isPending} data-testid="accept-invitation-submit">
          {t('auth.invitation.submit')}
        </Button>
        <Anchor component={Link} to="/forgot-password" size="sm" ta="center">
          {t('auth.login.forgotPassword')}
        </Anchor>
      </Stack>
    </form>
  );
}

/** A newcomer: they choose the name shown and a password. */
function InvitationForm({ token, invitation }: { token: string; invitation: Invitation }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);

  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { displayName: invitation.displayName, newPassword: '', confirmPassword: '' },
    validate: { displayName: isNotEmpty(t('auth.validation.required')), ...newPasswordRules(t) },
  });

  const mutation = useAcceptance(token, invitation, (error) => setFormError(applyApiError(form, error, { password: 'newPassword' })));

  return (
    <form
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        mutation.mutate({ displayName: values.displayName.trim(), password: values.newPassword });
      })}
      noValidate
    >
      <Stack gap="md">
        <InvitationHeader invitation={invitation} intro={t('auth.invitation.intro', { coopName: invitation.coopName })} />
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
