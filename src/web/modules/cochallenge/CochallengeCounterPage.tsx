import { Card, Group, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { useCounter } from './use-cochallenge';

/** The big number of the day, against the goal: refreshed every few seconds (a screen in the hall, or a phone). */
export default function CochallengeCounterPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const counter = useCounter(id);
  const c = counter.data;
  return (
    <Page title={t('cochallenge.live.title')}>
      {counter.error && <ErrorAlert error={counter.error} />}
      {c && (
        <>
          <Card withBorder>
            <Stack align="center" gap="xs">
              <Text fz={72} fw={800} lh={1} data-testid="counter-promised">
                {c.promised}
              </Text>
              <Text c="dimmed" ta="center">
                {t('cochallenge.live.ofGoal', { goal: c.goal })}
              </Text>
              <Progress value={Math.min(100, (100 * c.promised) / c.goal)} size="xl" w="100%" aria-label={t('cochallenge.live.title')} />
            </Stack>
          </Card>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Card withBorder>
              <Title order={4} mb="xs">
                {t('cochallenge.live.byPair')}
              </Title>
              <Table>
                <Table.Tbody>
                  {c.byPair.map((p) => (
                    <Table.Tr key={p.pairNumber}>
                      <Table.Td>
                        {p.pairNumber}. {p.names}
                      </Table.Td>
                      <Table.Td ta="right" fw={700}>
                        {p.promised}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
            <Card withBorder>
              <Title order={4} mb="xs">
                {t('cochallenge.live.byProfile')}
              </Title>
              <Stack gap={4}>
                {c.byProfile.map((p) => (
                  <Group key={p.memberId} justify="space-between" wrap="nowrap">
                    <Text size="sm">{p.name}</Text>
                    <Text fw={700}>{p.promised}</Text>
                  </Group>
                ))}
              </Stack>
            </Card>
          </SimpleGrid>
        </>
      )}
    </Page>
  );
}
