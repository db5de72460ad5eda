import { Anchor, Card, Group, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormat } from '../../lib/format';
import { useActivityBalance } from './use-invoices';

/** What an activity earned (revenue excl. VAT), spent and kept, from its ledger entries, with its invoices a click away. */
export function ActivityBalanceCard({ activityId }: { activityId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const balance = useActivityBalance(activityId);
  const figure = (label: string, cents: number | undefined, testId: string) => (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz="lg" data-testid={testId}>
        {cents === undefined ? '…' : fmt.money(cents)}
      </Text>
    </div>
  );
  return (
    <Card padding="lg" data-testid="activity-balance">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="h4">
          {t('invoices.activityBalance.title')}
        </Title>
        <Anchor component={Link} to={`/invoices?activityId=${activityId}`} size="sm" data-testid="activity-invoices-link">
          {t('invoices.activityBalance.invoices')}
        </Anchor>
      </Group>
      {balance.isError ? (
        <ErrorAlert error={balance.error} />
      ) : (
        <SimpleGrid cols={{ base: 1, xs: 3 }}>
          {figure(t('invoices.activityBalance.revenue'), balance.data?.revenueCents, 'activity-revenue')}
          {figure(t('invoices.activityBalance.expenses'), balance.data?.expenseCents, 'activity-expenses')}
          {figure(t('invoices.activityBalance.result'), balance.data?.resultCents, 'activity-result')}
        </SimpleGrid>
      )}
    </Card>
  );
}
