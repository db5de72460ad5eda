import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

/** Last resort when a page crashes or its code cannot be loaded (e.g. after a deployment). */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <Center mih="100dvh" p="md">
      <Stack align="center" gap="md" maw={420}>
        <Title order={1} fz="h3" ta="center">
          {t('common.errors.title')}
        </Title>
        <Text c="dimmed" ta="center">
          {t('common.errors.unexpected')}
        </Text>
        <Button onClick={() => window.location.assign('/')}>{t('common.backHome')}</Button>
      </Stack>
    </Center>
  );
}
