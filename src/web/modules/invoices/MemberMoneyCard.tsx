import { Anchor, Card, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../lib/format';
import { useActivities } from '../activities';
import { useInvoices } from './use-invoices';

interface ActivityRef {
  id: string;
  code: string;
  name: string;
}

/** One activity's money: the totals the invoices list computes over all its invoices (not a page of them). */
function ActivityMoneyRow({ activity }: { activity: ActivityRef }) {
  const fmt = useFormat();
  const list = useInvoices({ activityId: activity.id, pageSize: 1 });
  const totals = list.data?.totals;
  const amount = (cents: number | undefined) => (cents === undefined ? '…' : fmt.money(cents));
  return (
    <Table.Tr data-testid={`member-activity-${activity.code}`}>
      <Table.Td>
        <Anchor component={Link} to={`/activities/${activity.id}`} ff="monospace" fw={600}>
          {activity.code}
        </Anchor>
        <Text size="xs" c="dimmed">
          {activity.name}
        </Text>
      </Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
        <Anchor component={Link} to={`/invoices?activityId=${activity.id}`}>
          {amount(totals?.grossCents)}
        </Anchor>
      </Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
        {amount(totals?.paidCents)}
      </Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} data-testid="member-activity-left">
        {amount(totals?.leftCents)}
      </Table.Td>
    </Table.Tr>
  );
}

/** A member's activities, each with what it invoiced (incl. VAT), collected and is still owed, linking to the activity and its invoices. */
export function MemberMoneyCard({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const activities = useActivities({ memberId, pageSize: 100 });
  const items = activities.data?.items ?? [];
  return (
    <Card withBorder padding="md" data-testid="member-money">
      <Title order={2} fz="h4" mb="sm">
        {t('invoices.ofMember.title')}
      </Title>
      {items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {activities.isPending ? t('common.loading') : t('invoices.ofMember.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={0}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('invoices.columns.activity')}</Table.Th>
                <Table.Th ta="right">{t('invoices.ofMember.invoiced')}</Table.Th>
                <Table.Th ta="right">{t('invoices.ofMember.collected')}</Table.Th>
                <Table.Th ta="right">{t('invoices.ofMember.outstanding')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((a) => (
                <ActivityMoneyRow key={a.id} activity={a} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
