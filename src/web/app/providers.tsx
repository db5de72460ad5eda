import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
import '@mantine/dates/styles.css';
import 'dayjs/locale/fr';
import '../i18n';

import { Button, Center, MantineProvider, Stack, Text } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FullPageLoader } from '../components/FullPageLoader';
import { ApiError } from '../lib/api';
import { SESSION_QUERY_KEY, SessionProvider } from '../lib/session';
import { theme } from './theme';

/**
 * A 401 means the session ended (expired, signed out in another tab): reloading it lets the
 * route guard send the user to the login page. A CSRF refusal means another tab signed in
 * and renewed the token: reloading the session fetches the new one for the next try.
 */
function shouldReloadSession(error: unknown) {
  return error instanceof ApiError && (error.status === 401 || error.code === 'CSRF_FAILED');
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error) => {
      if (shouldReloadSession(error)) void queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
    },
  }),
  mutationCache: new MutationCache({
    onError: (error) => {
      if (shouldReloadSession(error)) void queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A 4xx will answer the same on a second try; only network and server errors retry.
      retry: (failureCount, error) =>
        failureCount < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
  },
});

function SessionUnavailable({ retry }: { retry: () => void }) {
  const { t } = useTranslation();
  return (
    <Center h="100dvh" p="md">
      <Stack align="center" gap="md">
        <Text ta="center">{t('common.errors.sessionUnavailable')}</Text>
        <Button onClick={retry}>{t('common.retry')}</Button>
      </Stack>
    </Center>
  );
}

/**
 * Date fields and pickers in the app's language, not the browser's: month and weekday names
 * from dayjs's locale for the language chosen in the app, weeks from Monday as in France.
 */
function AppDates({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage === 'en' ? 'en' : 'fr';
  return <DatesProvider settings={{ locale, firstDayOfWeek: 1 }}>{children}</DatesProvider>;
}

export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-right" zIndex={1000} />
      <AppDates>
        <QueryClientProvider client={queryClient}>
          <SessionProvider fallback={<FullPageLoader />} errorFallback={(retry) => <SessionUnavailable retry={retry} />}>
            {children}
          </SessionProvider>
        </QueryClientProvider>
      </AppDates>
    </MantineProvider>
  );
}
