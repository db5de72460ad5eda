import { Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../../components/ListTable';
import { ListPager } from '../../components/ListPager';
import { Page } from '../../components/Page';
import { useFormat } from '../../lib/format';
import { useUrlFilters } from '../../lib/url-filters';
import { useSession } from '../../lib/session';
import { CancelPaymentModal } from './CancelPaymentModal';
import { RecordPaymentForm } from './RecordPaymentForm';
import { RemittancesPanel } from './RemittancesPanel';
import { type PaymentData, usePayments } from './use-payments';

const PAGE_SIZE = 25;

/** The payments received: the team records them; a member sees those settling their invoices. */
export default function PaymentsPage() {
  const { t } = useTranslation();
  const { hasRole } = useSession();
  const manages = hasRole('admin', 'staff');
  const { money } = useFormat();
  const { params, page, setPage } = useUrlFilters();
  const [recording, setRecording] = useState(false);
  const [cancelling, setCancelling] = useState<PaymentData | null>(null);
  const clientId = params.get('clientId') ?? undefined;
  const list = usePayments({ page, pageSize: PAGE_SIZE, clientId });
  const total = list.data?.total ?? 0;

  return (
    <Page
      title={t('payments.title')}
      actions={
        manages && (
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setRecording(true)} data-testid="payment-new">
            {t('payments.new')}
          </Button>
        )
      }
    >
      <ListTable
        query={list}
        minWidth={960}
        highlightOnHover={false}
        empty={t('payments.empty')}
        head={
          <>
            <Table.Th>{t('payments.columns.date')}</Table.Th>
            <Table.Th>{t('payments.columns.client')}</Table.Th>
            <Table.Th ta="right">{t('payments.columns.amount')}</Table.Th>
            <Table.Th>{t('payments.columns.mode')}</Table.Th>
            <Table.Th>{t('payments.columns.reference')}</Table.Th>
            <Table.Th>{t('payments.columns.invoices')}</Table.Th>
            <Table.Th>{t('payments.columns.bank')}</Table.Th>
            {manages && <Table.Th />}
          </>
        }
      >
        {list.data?.items.map((payment) => <PaymentRow key={payment.id} payment={payment} onCancel={manages ? () => setCancelling(payment) : undefined} />)}
      </ListTable>
      <ListPager
        total={total}
        pageSize={PAGE_SIZE}
        page={page}
        onChange={setPage}
        label={t('payments.pagination')}
        count={t('payments.count', { count: total })}
      />
      {manages && <RemittancesPanel />}
      <CancelPaymentModal payment={cancelling} onClose={() => setCancelling(null)} />
      <Modal opened={recording} onClose={() => setRecording(false)} title={t('payments.new')} size="xl">
        {recording && (
          <RecordPaymentForm
            onCancel={() => setRecording(false)}
            onDone={(payment) => {
              notifications.show({ color: 'teal', message: t('payments.recorded', { amount: money(payment.amountCents), client: payment.clientName }) });
              setRecording(false);
            }}
          />
        )}
      </Modal>
    </Page>
  );
}

function PaymentRow({ payment, onCancel }: { payment: PaymentData; onCancel?: () => void }) {
  const { t } = useTranslation();
  const { money, date, dateTime } = useFormat();
  const cancelled = payment.status === 'cancelled';
  return (
    <Table.Tr data-testid={`payment-row-${payment.id}`} style={cancelled ? { opacity: 0.75 } : undefined}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{date(payment.date)}</Table.Td>
      <Table.Td>{payment.clientName}</Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap', textDecoration: cancelled ? 'line-through' : undefined }}>{money(payment.amountCents)}</Table.Td>
      <Table.Td>{t(`payments.mode.${payment.mode}`)}</Table.Td>
      <Table.Td>{payment.reference ?? '—'}</Table.Td>
      <Table.Td>
        <Group gap={4}>
          {payment.allocations.map((a) => (
            <Badge key={a.invoiceId} variant="outline" size="sm" ff="monospace">
              {a.invoiceNumber} · {money(a.amountCents)}
            </Badge>
          ))}
          {payment.creditCents > 0 && (
            <Badge color="yellow" variant="light" size="sm">
              {t('payments.creditBadge', { amount: money(payment.creditCents) })}
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        {cancelled ? (
          <Stack gap={2}>
            <Badge color="red" variant="light" size="sm" data-testid="payment-status">{t('payments.status.cancelled')}</Badge>
            <Text size="xs" c="dimmed">
              {t('payments.status.cancelledBy', { who: payment.cancelledByName ?? '—', when: payment.cancelledAt ? dateTime(payment.cancelledAt) : '' })}
            </Text>
            <Text size="xs" c="dimmed">{payment.cancelReason}</Text>
          </Stack>
        ) : payment.reconciled ? (
          <Badge color="teal" variant="light" size="sm" data-testid="payment-status">{t('payments.status.reconciled')}</Badge>
        ) : (
          <Badge color="orange" variant="light" size="sm" data-testid="payment-status">
            {payment.remittanceNumber ? t('payments.status.inSlip', { number: payment.remittanceNumber }) : t(payment.depositAccount === '512' ? 'payments.status.awaitingLine' : 'payments.status.toRemit', { account: payment.depositAccount })}
          </Badge>
        )}
      </Table.Td>
      {onCancel && (
        <Table.Td>
          {!cancelled && (
            <Button size="xs" variant="subtle" color="red" leftSection={<IconArrowBackUp size={14} aria-hidden />} onClick={onCancel} data-testid={`payment-cancel-${payment.id}`}>
              {t('payments.cancel.action')}
            </Button>
          )}
        </Table.Td>
      )}
    </Table.Tr>
  );
}
