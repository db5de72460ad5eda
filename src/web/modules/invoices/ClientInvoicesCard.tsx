import { Anchor, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { amountLeftCents } from '../../../modules/invoicing/contract';
import { useFormat } from '../../lib/format';
import { InvoiceStatusBadge } from './InvoiceStatusBadge';
import { useInvoices } from './use-invoices';

const SHOWN = 10;

/**
 * A client's invoices on the client's page: what it still owes (the server's total of all its
 * invoices the person sees, not only the ten shown), the latest invoices, and a new invoice
 * for this client.
 */
export function ClientInvoicesCard({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const list = useInvoices({ clientId, pageSize: SHOWN });
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  return (
    <Card padding="lg" data-testid="client-invoices">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} fz="h4">
          {t('invoices.ofClient.title')}
        </Title>
        <Button component={Link} to={`/invoices/new?clientId=${clientId}`} variant="light" leftSection={<IconPlus size={16} aria-hidden />} data-testid="client-new-invoice">
          {t('invoices.ofClient.new')}
        </Button>
      </Group>
      <Group gap="xl" mb="sm" wrap="wrap">
        <Text size="sm">
          {t('invoices.ofClient.invoiced')} : <b data-testid="client-invoiced">{fmt.money(list.data?.totals.grossCents ?? 0)}</b>
        </Text>
        <Text size="sm">
          {t('invoices.ofClient.outstanding')} : <b data-testid="client-outstanding">{fmt.money(list.data?.totals.leftCents ?? 0)}</b>
        </Text>
      </Group>
      {items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {list.isPending ? t('common.loading') : t('invoices.ofClient.none')}
        </Text>
      ) : (
        <Stack gap="xs">
          <Table.ScrollContainer minWidth={0}>
            <Table verticalSpacing="xs">
              <Table.Tbody>
                {items.map((invoice) => {
                  const left = invoice.status === 'draft' || invoice.kind === 'credit_note' ? null : amountLeftCents(invoice);
                  return (
                    <Table.Tr key={invoice.id} data-testid={`client-invoice-${invoice.number ?? invoice.id}`}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Anchor component={Link} to={`/invoices/${invoice.id}`} ff={invoice.number ? 'monospace' : undefined}>
                          {invoice.number ?? t('invoices.draftLabel')}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {invoice.issueDate ? fmt.date(invoice.issueDate) : '—'}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {fmt.money(invoice.kind === 'credit_note' ? -invoice.grossCents : invoice.grossCents)}
                        {left !== null && left > 0 && (
                          <Text size="xs" c="dimmed">
                            {t('invoices.ofClient.left', { amount: fmt.money(left) })}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td ta="right">
                        <InvoiceStatusBadge invoice={invoice} />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {total > items.length && (
            <Anchor component={Link} to={`/invoices?clientId=${clientId}`} size="sm">
              {t('invoices.ofClient.all', { count: total })}
            </Anchor>
          )}
        </Stack>
      )}
    </Card>
  );
}
