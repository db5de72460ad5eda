import { Alert, Anchor, Card, Group, List, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormat } from '../../lib/format';
import { FIGURES } from './figures';
import { negativeAvailable } from './negative-available';
import type { ActivityTreasuryData } from './use-treasury';
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
          {data && <NegativeAvailableNote data={data} />}
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

/** Says in words why the available amount is below zero and what the member can do (nothing when it is not). */
function NegativeAvailableNote({ data }: { data: ActivityTreasuryData }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const why = negativeAvailable(data);
  if (!why) return null;
  return (
    <Alert color="orange" title={t('treasury.negative.title')} data-testid="treasury-negative">
      <Stack gap="xs">
        <Text size="sm">{t('treasury.negative.summary', { shortfall: fmt.money(why.shortfallCents), entered: fmt.money(why.inCents) })}</Text>
        <List size="sm" spacing={4}>
          {why.outflows.map((o) => (
            <List.Item key={o.key} data-testid={`treasury-negative-${o.key}`}>
              <Text span size="sm" fw={600}>
                {t(`treasury.figures.${o.key}`)} {fmt.money(o.cents)}
              </Text>{' '}
              — {t(`treasury.negative.why.${o.key}`)}
            </List.Item>
          ))}
        </List>
        {why.owedCents > 0 && (
          <Text size="sm">
            {why.coveredByOwed
              ? t('treasury.negative.owedCovers', { owed: fmt.money(why.owedCents) })
              : t('treasury.negative.owedShort', { owed: fmt.money(why.owedCents), gap: fmt.money(why.shortfallCents - why.owedCents) })}
          </Text>
        )}
        <Text size="sm">{t('treasury.negative.todo')}</Text>
      </Stack>
    </Alert>
  );
}
