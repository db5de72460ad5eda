import { Badge, Button, Card, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { useSession } from '../../lib/session';
import { type PaymentPrefill, RecordPaymentForm } from './RecordPaymentForm';
import { usePayments } from './use-payments';

interface InvoiceToCollect {
  id: string;
  clientId: string;
  clientName: string;
  /** What is left to pay on it; 0 or less offers no payment to record. */
  leftCents: number;
  /** A draft or a credit note is not collected. */
  collectable: boolean;
}

/**
 * The payments that settled an invoice (date, mode, reference, the part on this invoice), and
 * for the team the way to record one, opened on this client and what is left, this invoice
 * settled first.
 */
export function InvoicePaymentsCard({ invoice }: { invoice: InvoiceToCollect }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { hasRole } = useSession();
  const [recording, setRecording] = useState(false);
  const list = usePayments({ invoiceId: invoice.id, pageSize: 100 }, { enabled: invoice.collectable });
  if (!invoice.collectable) return null;
  const payments = list.data?.items ?? [];
  const prefill: PaymentPrefill = { clientId: invoice.clientId, clientName: invoice.clientName, amountCents: invoice.leftCents, invoiceId: invoice.id };
  return (
    <Card padding="lg" data-testid="invoice-payments">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} fz="h4">
          {t('payments.onInvoice.title')}
        </Title>
        {hasRole('admin', 'staff') && invoice.leftCents > 0 && (
          <Button variant="light" leftSection={<IconCash size={16} aria-hidden />} onClick={() => setRecording(true)} data-testid="invoice-record-payment">
            {t('payments.onInvoice.record')}
          </Button>
        )}
      </Group>
      {payments.length === 0 ? (
        <Text c="dimmed" size="sm">
          {list.isPending ? t('common.loading') : t('payments.onInvoice.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={0}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('payments.columns.date')}</Table.Th>
                <Table.Th>{t('payments.columns.mode')}</Table.Th>
                <Table.Th>{t('payments.columns.reference')}</Table.Th>
                <Table.Th ta="right">{t('payments.onInvoice.amount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {payments.map((p) => {
                const here = p.allocations.find((a) => a.invoiceId === invoice.id)?.amountCents ?? 0;
                return (
                  <Table.Tr key={p.id} data-testid={`invoice-payment-${p.id}`}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.date(p.date)}</Table.Td>
                    <Table.Td>
                      <Stack gap={2} align="flex-start">
                        {t(`payments.mode.${p.mode}`)}
                        {p.bankLineId && (
                          <Badge size="xs" variant="light" color="teal">
                            {t('payments.filters.reconciledYes')}
                          </Badge>
                        )}
                      </Stack>
                    </Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{p.reference ?? '—'}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {fmt.money(here)}
                      {here !== p.amountCents && (
                        <Text size="xs" c="dimmed">
                          {t('payments.onInvoice.ofTotal', { amount: fmt.money(p.amountCents) })}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={recording} onClose={() => setRecording(false)} title={t('payments.new')} size="xl">
        {recording && (
          <RecordPaymentForm
            prefill={prefill}
            onCancel={() => setRecording(false)}
            onDone={(payment) => {
              notifications.show({ color: 'teal', message: t('payments.recorded', { amount: fmt.money(payment.amountCents), client: payment.clientName }) });
              setRecording(false);
            }}
          />
        )}
      </Modal>
    </Card>
  );
}
