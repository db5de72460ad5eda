import { Button, Center, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { usePageTitle } from '../components/Page';
import { type Role, useSession } from '../lib/session';

/** Where a guarded page sends the user back after signing in. */
export interface LoginRedirectState {
  from?: { pathname: string; search: string };
}

/** Signed-out visitors are sent to /login, which brings them back here afterwards. */
export function RequireAuth({ children }: { children?: ReactNode }) {
  const { isAuthenticated } = useSession();
  const location = useLocation();
  if (!isAuthenticated) {
    const state: LoginRedirectState = { from: { pathname: location.pathname, search: location.search } };
    return <Navigate to="/login" replace state={state} />;
  }
  return children ?? <Outlet />;
}

/** Signed-in users have nothing to do on the login page: send them on. */
export function RedirectIfAuthenticated({ children }: { children?: ReactNode }) {
  const { isAuthenticated } = useSession();
  const location = useLocation();
  if (isAuthenticated) {
    const from = (location.state as LoginRedirectState | null)?.from;
    return <Navigate to={from ? `${from.pathname}${from.search}` : '/'} replace />;
  }
  return children ?? <Outlet />;
}

/** Renders the page only for holders of one of `roles` in the current coop; a 403 otherwise. */
export function RequireRole({ roles, children }: { roles: Role[]; children?: ReactNode }) {
  const { hasRole } = useSession();
  if (!hasRole(...roles)) return <StatusPage text="common.forbidden" />;
  return children ?? <Outlet />;
}

export function NotFoundPage() {
  return <StatusPage text="common.notFound" />;
}

function StatusPage({ text }: { text: 'common.forbidden' | 'common.notFound' }) {
  const { t } = useTranslation();
  usePageTitle(t(text));
  return (
    <Center py={64}>
      <Stack align="center" gap="md">
        <Title order={1} fz="h3" ta="center">
          {t(text)}
        </Title>
        <Button component={Link} to="/" variant="light">
          {t('common.backHome')}
        </Button>
      </Stack>
    </Center>
  );
}
