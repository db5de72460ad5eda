import { Badge, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconDownload, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ListColumn, ListTable } from '../../components/ListTable';
import { ListPager } from '../../components/ListPager';
import { Page } from '../../components/Page';
import { useFormat } from '../../lib/format';
import { exportQueryOf, useUrlFilters, useUrlSort } from '../../lib/url-filters';
import { PAYMENT_SORTS, type PaymentListPage, type PaymentModeValue, type PaymentSort } from '../../../modules/payments/contract';
import { useClients } from '../clients';
import { useSession } from '../../lib/session';
import { DateField } from '../../components/DateField';
import { CancelPaymentModal } from './CancelPaymentModal';
import { PAYMENT_MODES, RecordPaymentForm } from './RecordPaymentForm';
import { RemittancesPanel } from './RemittancesPanel';
import { type PaymentData, type PaymentFilters, usePayments } from './use-payments';

const PAGE_SIZE = 25;

/** The payments received: the team records them; a member sees those settling their invoices. */
export default function PaymentsPage() {
  const { t } = useTranslation();
  const { hasRole } = useSession();
  const manages = hasRole('admin', 'staff');
  const { money } = useFormat();
  const { params, setParams, page, setPage, setFilter } = useUrlFilters();
  const sort = useUrlSort(params, setParams);
  const [recording, setRecording] = useState(false);
  const [cancelling, setCancelling] = useState<PaymentData | null>(null);
  const isDate = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);
  const modeParam = params.get('mode');
  const reconciledParam = params.get('reconciled');
  const filters: PaymentFilters = {
    page,
    pageSize: PAGE_SIZE,
    clientId: params.get('clientId') ?? undefined,
    from: isDate(params.get('from')),
    to: isDate(params.get('to')),
    mode: (PAYMENT_MODES as readonly string[]).includes(modeParam ?? '') ? (modeParam as PaymentModeValue) : undefined,
    reconciled: reconciledParam === 'true' || reconciledParam === 'false' ? reconciledParam : undefined,
    ...((PAYMENT_SORTS as readonly string[]).includes(sort.by ?? '') ? { sort: sort.by as PaymentSort, dir: sort.dir } : {}),
  };
  const list = usePayments(filters);
  const clients = useClients({ pageSize: 100 });
  const columns = usePaymentColumns(list.data?.totals, manages ? setCancelling : undefined);
  const total = list.data?.total ?? 0;
  const filtered = Boolean(filters.clientId || filters.from || filters.to || filters.mode || filters.reconciled);

  return (
    <Page
      title={t('payments.title')}
      actions={
        <Group gap="xs">
          <Button component="a" href={`/api/payments/export.csv${exportQueryOf({ ...filters })}`} download variant="default" leftSection={<IconDownload size={18} aria-hidden />} data-testid="payment-export">
            {t('common.list.exportCsv')}
          </Button>
          {manages && (
            <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setRecording(true)} data-testid="payment-new">
              {t('payments.new')}
            </Button>
          )}
        </Group>
      }
    >
      <Group gap="sm" align="flex-end" wrap="wrap">
        <DateField label={t('payments.filters.from')} value={filters.from ?? ''} onChange={(day) => setFilter('from', day)} w={{ base: '100%', xs: 170 }} data-testid="payment-filter-from" />
        <DateField label={t('payments.filters.to')} value={filters.to ?? ''} onChange={(day) => setFilter('to', day)} w={{ base: '100%', xs: 170 }} data-testid="payment-filter-to" />
        <Select
          label={t('payments.filters.mode')}
          placeholder={t('payments.filters.allModes')}
          data={PAYMENT_MODES.map((m) => ({ value: m, label: t(`payments.mode.${m}`) }))}
          value={filters.mode ?? null}
          onChange={(v) => setFilter('mode', v)}
          clearable
          w={{ base: '100%', xs: 170 }}
          data-testid="payment-filter-mode"
        />
        <Select
          label={t('payments.filters.client')}
          placeholder={t('payments.filters.allClients')}
          data={(clients.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={filters.clientId ?? null}
          onChange={(v) => setFilter('clientId', v)}
          searchable
          clearable
          w={{ base: '100%', xs: 220 }}
        />
        <Select
          label={t('payments.filters.reconciled')}
          placeholder={t('payments.filters.allReconciled')}
          data={[
            { value: 'true', label: t('payments.filters.reconciledYes') },
            { value: 'false', label: t('payments.filters.reconciledNo') },
          ]}
          value={filters.reconciled ?? null}
          onChange={(v) => setFilter('reconciled', v)}
          clearable
          w={{ base: '100%', xs: 190 }}
          data-testid="payment-filter-reconciled"
        />
      </Group>
      <ListTable
        query={list}
        minWidth={960}
        highlightOnHover={false}
        empty={filtered ? t('payments.emptyFiltered') : t('payments.empty')}
        columns={columns}
        rowKey={(payment) => payment.id}
        rowTestId={(payment) => `payment-row-${payment.id}`}
        sort={sort}
        totalsLabel={t('payments.totalsLabel', { count: total })}
      />
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

/** The payments list's columns; the total is the server's, of the whole filtered set (cancelled payments left out). */
function usePaymentColumns(totals: PaymentListPage['totals'] | undefined, onCancel?: (payment: PaymentData) => void): ListColumn<PaymentData>[] {
  const { t } = useTranslation();
  const { money, date, dateTime } = useFormat();
  const cancelled = (payment: PaymentData) => payment.status === 'cancelled';
  return [
    { key: 'date', header: t('payments.columns.date'), sort: 'date', nowrap: true, phone: 'title', cell: (payment) => <b>{date(payment.date)}</b> },
    { key: 'client', header: t('payments.columns.client'), cell: (payment) => payment.clientName },
    {
      key: 'amount',
      header: t('payments.columns.amount'),
      sort: 'amount',
      align: 'right',
      nowrap: true,
      phone: 'badge',
      cell: (payment) => <span style={{ textDecoration: cancelled(payment) ? 'line-through' : undefined }}>{money(payment.amountCents)}</span>,
      total: totals && <span data-testid="payments-total-amount">{money(totals.amountCents)}</span>,
    },
    { key: 'mode', header: t('payments.columns.mode'), sort: 'mode', cell: (payment) => t(`payments.mode.${payment.mode}`) },
    { key: 'reference', header: t('payments.columns.reference'), cell: (payment) => payment.reference ?? '—' },
    {
      key: 'invoices',
      header: t('payments.columns.invoices'),
      minWidth: 200,
      cell: (payment) => (
        <Group gap={4} justify="flex-start">
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
      ),
    },
    {
      key: 'bank',
      header: t('payments.columns.bank'),
      cell: (payment) =>
        cancelled(payment) ? (
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
        ),
    },
    ...(onCancel
      ? [
          {
            key: 'actions',
            header: '',
            cell: (payment: PaymentData) =>
              !cancelled(payment) && (
                <Button size="xs" variant="subtle" color="red" leftSection={<IconArrowBackUp size={14} aria-hidden />} onClick={() => onCancel(payment)} data-testid={`payment-cancel-${payment.id}`}>
                  {t('payments.cancel.action')}
                </Button>
              ),
          } satisfies ListColumn<PaymentData>,
        ]
      : []),
  ];
}
