import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormat } from '../../lib/format';
import { FIGURES } from './figures';
import { useActivityTreasury } from './use-treasury';

/**
 * An activity's treasury: what it may pay out first, then every figure that makes it, each
 * opening the ledger lines behind it on the treasury page (members included: the lines are
 * their activity's). `detailLink` adds the way to that page (on the activity's page).
 */
export function TreasuryCard({ activityId, detailLink = false }: { activityId: string; detailLink?: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const treasury = useActivityTreasury(activityId);
  const data = treasury.data;
  // "Already requested" shows only when something is requested: a zero line would promise a feature not there.
  const figures = FIGURES.filter((f) => f.key !== 'reserved' || (data?.reservedCents ?? 0) !== 0);
  return (
    <Card padding="lg" data-testid="activity-treasury">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Stack gap={0}>
          <Title order={2} fz="h4">
            {t('treasury.card.title')}
          </Title>
          {data && (
            <Text size="xs" c="dimmed">
              {t('treasury.card.asOf', { date: fmt.date(data.asOf) })}
            </Text>
          )}
        </Stack>
        <Group gap="md">
          <Anchor component={Link} to={`/invoices?activityId=${activityId}`} size="sm" data-testid="treasury-invoices-link">
            {t('treasury.card.invoices')}
          </Anchor>
          {detailLink && (
            <Anchor component={Link} to={`/activities/${activityId}/treasury`} size="sm" fw={500} data-testid="treasury-open">
              {t('treasury.card.open')}
            </Anchor>
          )}
        </Group>
      </Group>
      {treasury.isError ? (
        <ErrorAlert error={treasury.error} />
      ) : (
        <Stack gap="md">
          <div>
            <Text size="sm" c="dimmed" fw={500}>
              {t('treasury.figures.available')}
            </Text>
            <Text fz={32} fw={700} lh={1.2} c={data && data.availableCents < 0 ? 'red' : undefined} data-testid="treasury-available">
              {data ? fmt.money(data.availableCents) : '…'}
            </Text>
            <Text size="xs" c="dimmed">
              {t('treasury.card.availableHint')}
            </Text>
          </div>
          <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} spacing="sm">
            {figures.map((f) => {
              const label = t(`treasury.figures.${f.key}`);
              const value = (
                <>
                  <Text size="xs" c="dimmed">
                    {f.sign ? `${f.sign} ` : ''}
                    {label}
                  </Text>
                  <Text fw={600} data-testid={`treasury-${f.key}`}>
                    {data ? fmt.money(data[f.value]) : '…'}
                  </Text>
                </>
              );
              return f.group ? (
                <UnstyledButton
                  key={f.key}
                  component={Link}
                  to={`/activities/${activityId}/treasury?group=${f.group}`}
                  aria-label={t('treasury.card.showLines', { figure: label })}
                  data-testid={`treasury-figure-${f.key}`}
                >
                  {value}
                </UnstyledButton>
              ) : (
                <div key={f.key}>{value}</div>
              );
            })}
          </SimpleGrid>
        </Stack>
      )}
    </Card>
  );
}
