import { Badge, Card, Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { WorkQueue } from '../../../modules/dashboard/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { api } from '../../lib/api';

/** GET /api/dashboard/queues: what waits for the signed-in person, by their roles. */
function useWorkQueues() {
  return useQuery({ queryKey: ['dashboard', 'queues'], queryFn: ({ signal }) => api.get<{ items: WorkQueue[] }>('/api/dashboard/queues', { signal }) });
}

/**
 * "Waiting for you": one line per queue of the person's roles, its count, and the list that
 * shows those items. The queues come from the server's list (dashboard/work-queues.ts); a
 * queue whose label this catalogue lacks shows its key rather than nothing.
 */
export function WorkQueues() {
  const { t, i18n } = useTranslation();
  const queues = useWorkQueues();
  if (queues.isError) return <ErrorAlert error={queues.error} />;
  const items = queues.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card padding="lg" data-testid="work-queues">
      <Stack gap="xs">
        <Title order={2} fz="h4">{t('dashboard.queues.title')}</Title>
        {items.map((q) => (
          <UnstyledButton key={q.key} component={Link} to={q.link} data-testid={`queue-${q.key}`} py={6}>
            <Group justify="space-between" wrap="nowrap" gap="sm">
              <Text size="sm" c={q.count === 0 ? 'dimmed' : undefined}>
                {i18n.exists(`dashboard.queues.${q.key}`) ? String(t(`dashboard.queues.${q.key}` as never)) : q.key}
              </Text>
              <Group gap={4} wrap="nowrap">
                <Badge variant={q.count === 0 ? 'default' : 'filled'} color={q.count === 0 ? 'gray' : 'blue'} data-testid={`queue-${q.key}-count`}>
                  {q.count}
                </Badge>
                <IconChevronRight size={16} aria-hidden />
              </Group>
            </Group>
          </UnstyledButton>
        ))}
      </Stack>
    </Card>
  );
}
