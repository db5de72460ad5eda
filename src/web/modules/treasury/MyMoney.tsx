import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormat } from '../../lib/format';
import { useMyTreasury } from './use-treasury';

/**
 * A member's money first on their dashboard: for each activity they hold, what it may pay out,
 * what the clients paid and still owe, and this year's invoicing, with its treasury a click away.
 */
export function MyMoney() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const mine = useMyTreasury(true);
  if (mine.isError) return <ErrorAlert error={mine.error} />;
  if (!mine.data) return null;
  const year = mine.data.asOf.slice(0, 4);
  return (
    <Stack gap="md" data-testid="my-money">
      <Title order={2} fz="h4">
        {t('treasury.mine.title')}
      </Title>
      {mine.data.activities.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('treasury.mine.none')}
        </Text>
      )}
      {mine.data.activities.map((a) => (
        <Card key={a.activityId} padding="lg" data-testid={`my-money-${a.activityCode}`}>
          <Group justify="space-between" mb="sm" wrap="wrap">
            <Text fw={600}>
              {a.activityCode} — {a.activityName}
            </Text>
            <Anchor component={Link} to={`/activities/${a.activityId}/treasury`} size="sm" fw={500} data-testid={`my-money-open-${a.activityCode}`}>
              {t('treasury.mine.open')}
            </Anchor>
          </Group>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            <div>
              <Text size="xs" c="dimmed">
                {t('treasury.mine.available')}
              </Text>
              <Text fz={24} fw={700} lh={1.2} c={a.availableCents < 0 ? 'red' : undefined} data-testid="my-money-available">
                {fmt.money(a.availableCents)}
              </Text>
            </div>
            <Figure label={t('treasury.mine.collected')} value={fmt.money(a.collectedCents)} testId="my-money-collected" />
            <Figure label={t('treasury.mine.owed')} value={fmt.money(a.owedCents)} testId="my-money-owed" />
            <Figure label={t('treasury.mine.invoicedThisYear', { year })} value={fmt.money(a.invoicedThisYearCents)} testId="my-money-invoiced" />
          </SimpleGrid>
        </Card>
      ))}
    </Stack>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} fz="lg" data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}
