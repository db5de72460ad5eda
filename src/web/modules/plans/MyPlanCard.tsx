import { Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormat } from '../../lib/format';
import { useMyBalance, type BalanceData } from './use-plans';

/** "Mon forfait": the member's plan, what is left of their passes and credits with expiry, and every use. */
export function MyPlanCard() {
  const { t } = useTranslation();
  const balance = useMyBalance();
  if (balance.isError) return <ErrorAlert error={balance.error} />;
  if (!balance.data) return null;
  const b = balance.data;
  return (
    <Card withBorder data-testid="my-plan">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {t('plans.my.title')}
        </Title>
        {b.subscription ? (
          <Group gap="xs">
            <Text fw={600} data-testid="my-plan-name">
              {b.subscription.planName}
            </Text>
            <Badge variant="light">{t(`plans.status.${b.subscription.status}`)}</Badge>
          </Group>
        ) : (
          <Text c="dimmed">{t('plans.my.none')}</Text>
        )}
        <Grants balance={b} />
        <Uses balance={b} />
      </Stack>
    </Card>
  );
}

const unitOf = (kind: string) => (kind === 'credit_minutes' ? 'minutes' : kind === 'credit_cents' ? 'cents' : 'passes');

function Amount({ kind, quantity }: { kind: string; quantity: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const unit = unitOf(kind);
  if (unit === 'cents') return <>{format.money(quantity)}</>;
  if (unit === 'minutes') return <>{t('plans.my.hours', { hours: (quantity / 60).toLocaleString(format.lang) })}</>;
  return <>{quantity}</>;
}

function Grants({ balance }: { balance: BalanceData }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (balance.grants.length === 0) return <Text c="dimmed">{t('plans.my.noGrants')}</Text>;
  return (
    <Stack gap={4}>
      {balance.grants.map((g) => (
        <Group key={g.id} justify="space-between" wrap="wrap" gap="xs" data-testid={`grant-${g.kind}`}>
          <Text>
            {t(`plans.grantKinds.${g.kind}`)} :{' '}
            <Text span fw={700} data-testid={`grant-left-${g.kind}`}>
              <Amount kind={g.kind} quantity={g.left} />
            </Text>{' '}
            / <Amount kind={g.kind} quantity={g.quantity} />
          </Text>
          {/* The grant stops covering at this instant; shown as the last day it covers. */}
          <Text size="sm" c="dimmed">
            {t('plans.my.until', { date: format.date(new Date(Date.parse(g.expiresAt) - 1).toISOString()) })}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

function Uses({ balance }: { balance: BalanceData }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (balance.uses.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text fw={600}>{t('plans.my.history')}</Text>
      <Table.ScrollContainer minWidth={320}>
        <Table striped data-testid="plan-uses">
          <Table.Tbody>
            {balance.uses.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>{format.dateTime(u.at)}</Table.Td>
                <Table.Td>
                  {t(`plans.grantKinds.${u.kind}`)} × <Amount kind={u.kind} quantity={u.quantity} />
                </Table.Td>
                <Table.Td>{u.releasedAt ? <Badge color="gray">{t('plans.my.released')}</Badge> : t(`plans.my.source.${u.source}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
