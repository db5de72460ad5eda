import { Anchor, Badge, Button, Card, Checkbox, Group, Select, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInFrance } from '../../../platform/calendar/contract';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListTable, type ListColumn } from '../../components/ListTable';
import { Page } from '../../components/Page';
import { useFormat } from '../../lib/format';
import { useSession } from '../../lib/session';
import {
  batchFileUrl,
  useApproveBatch,
  useBuildBatch,
  useCancelBatch,
  usePayables,
  usePayoutBankAccounts,
  usePayoutBatches,
  usePayoutSettings,
  useUpdatePayoutSettings,
  type PayableData,
  type PayoutBatchData,
} from './use-payouts';

const keyOf = (p: PayableData) => `${p.sourceType}:${p.sourceId}`;

/**
 * The accountant's transfers: what the coop owes (member invoices, net salaries…), chosen
 * into a batch that becomes the pain.001 file for the bank; the batches, their approval by a
 * second person when the coop asks it, and which transfers the bank statement showed paid.
 */
export default function PayoutsPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('payouts.title')}>
      <Text size="sm" c="dimmed">
        {t('payouts.intro')}
      </Text>
      <PayablesCard />
      <BatchesCard />
      <SettingsCard />
    </Page>
  );
}

function PayablesCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const payables = usePayables();
  const accounts = usePayoutBankAccounts();
  const build = useBuildBatch();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [bankAccountId, setBankAccountId] = useState<string | null>(null);
  const [executionDate, setExecutionDate] = useState(todayInFrance(new Date()));
  const rows = payables.data?.items ?? [];
  const picked = rows.filter((r) => chosen.has(keyOf(r)));
  const account = bankAccountId ?? accounts.data?.items[0]?.id ?? null;

  const toggle = (row: PayableData) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (next.has(keyOf(row))) next.delete(keyOf(row));
      else next.add(keyOf(row));
      return next;
    });

  const columns: ListColumn<PayableData>[] = [
    {
      key: 'pick',
      header: '',
      cell: (r) => <Checkbox aria-label={t('payouts.pick', { name: r.payeeName })} checked={chosen.has(keyOf(r))} disabled={!r.hasIban} onChange={() => toggle(r)} data-testid="payable-pick" />,
    },
    { key: 'payee', header: t('payouts.columns.payee'), cell: (r) => r.payeeName, phone: 'title' },
    { key: 'source', header: t('payouts.columns.source'), cell: (r) => <Badge variant="light">{t(`payouts.sources.${r.sourceType}`)}</Badge>, phone: 'badge' },
    { key: 'reference', header: t('payouts.columns.reference'), cell: (r) => r.reference },
    { key: 'iban', header: t('payouts.columns.iban'), cell: (r) => (r.hasIban ? r.payeeIbanMasked : <Badge color="red" variant="light">{t('payouts.ibanMissing')}</Badge>), nowrap: true },
    { key: 'amount', header: t('payouts.columns.amount'), cell: (r) => format.money(r.amountCents), align: 'right', nowrap: true },
  ];

  const submit = () =>
    build.mutate(
      { bankAccountId: account ?? '', executionDate, items: picked.map((p) => ({ sourceType: p.sourceType, sourceId: p.sourceId })) },
      {
        onSuccess: () => {
          setChosen(new Set());
          notifications.show({ color: 'teal', message: t('payouts.built') });
        },
      },
    );

  return (
    <Card withBorder>
      <Stack>
        <Title order={3}>{t('payouts.payables')}</Title>
        <ListTable query={payables} columns={columns} rowKey={keyOf} rowTestId={() => 'payable-row'} empty={t('payouts.noPayables')} minWidth={720} />
        <Group align="flex-end" wrap="wrap">
          <Select
            label={t('payouts.bankAccount')}
            data={(accounts.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.label} (${a.iban.slice(-4)})` }))}
            value={account}
            onChange={setBankAccountId}
            allowDeselect={false}
          />
          <DateField label={t('payouts.executionDate')} value={executionDate} onChange={setExecutionDate} min={todayInFrance(new Date())} data-testid="payout-execution-date" />
          <Button onClick={submit} disabled={picked.length === 0 || !account} loading={build.isPending} data-testid="payout-build">
            {t('payouts.build', { count: picked.length, amount: format.money(picked.reduce((s, p) => s + p.amountCents, 0)) })}
          </Button>
        </Group>
        {build.error && <ErrorAlert error={build.error} />}
      </Stack>
    </Card>
  );
}

function BatchesCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const { user } = useSession();
  const batches = usePayoutBatches();
  const approve = useApproveBatch();
  const cancel = useCancelBatch();
  const me = user?.id;

  const status = (b: PayoutBatchData) => {
    if (b.status === 'cancelled') return <Badge color="gray">{t('payouts.batchStatus.cancelled')}</Badge>;
    if (b.paidCount === b.itemCount) return <Badge color="teal" data-testid="batch-status">{t('payouts.batchStatus.paid')}</Badge>;
    if (b.needsApproval && b.status === 'built') return <Badge color="orange" data-testid="batch-status">{t('payouts.batchStatus.awaitingApproval')}</Badge>;
    return <Badge color="blue" data-testid="batch-status">{t('payouts.batchStatus.ready', { paid: b.paidCount, count: b.itemCount })}</Badge>;
  };

  const columns: ListColumn<PayoutBatchData>[] = [
    { key: 'date', header: t('payouts.columns.executionDate'), cell: (b) => format.date(b.executionDate), phone: 'title', nowrap: true },
    { key: 'status', header: t('payouts.columns.status'), cell: status, phone: 'badge' },
    { key: 'count', header: t('payouts.columns.count'), cell: (b) => b.itemCount, align: 'right' },
    { key: 'total', header: t('payouts.columns.amount'), cell: (b) => format.money(b.totalCents), align: 'right', nowrap: true },
    { key: 'by', header: t('payouts.columns.by'), cell: (b) => (b.approvedByName ? t('payouts.byAndApproved', { by: b.createdByName ?? '', approver: b.approvedByName }) : (b.createdByName ?? '')) },
    {
      key: 'actions',
      header: t('payouts.columns.actions'),
      cell: (b) => (
        <Group gap="xs" wrap="wrap">
          {b.downloadable && (
            <Anchor href={batchFileUrl(b.id)} size="sm" data-testid="batch-download">
              {t('payouts.download')}
            </Anchor>
          )}
          {b.status === 'built' && b.needsApproval && (b.createdBy === me ? <Text size="xs" c="dimmed">{t('payouts.waitsForSecond')}</Text> : (
            <Button size="xs" onClick={() => approve.mutate(b.id)} loading={approve.isPending && approve.variables === b.id} data-testid="batch-approve">
              {t('payouts.approve')}
            </Button>
          ))}
          {b.status !== 'cancelled' && b.paidCount === 0 && (
            <Button size="xs" variant="subtle" color="red" onClick={() => cancel.mutate(b.id)} loading={cancel.isPending && cancel.variables === b.id}>
              {t('payouts.cancel')}
            </Button>
          )}
        </Group>
      ),
    },
  ];
  return (
    <Card withBorder>
      <Stack>
        <Title order={3}>{t('payouts.batches')}</Title>
        <ListTable query={batches} columns={columns} rowKey={(b) => b.id} rowTestId={() => 'batch-row'} empty={t('payouts.noBatches')} minWidth={720} />
        {(approve.error || cancel.error) && <ErrorAlert error={approve.error ?? cancel.error} />}
      </Stack>
    </Card>
  );
}

/** Shown to the coop's management only: they decide how transfers leave. */
function SettingsCard() {
  const { t } = useTranslation();
  const { hasRole } = useSession();
  const settings = usePayoutSettings();
  const update = useUpdatePayoutSettings();
  if (!hasRole('admin') || !settings.data) return null;
  return (
    <Card withBorder>
      <Stack>
        <Title order={3}>{t('payouts.settings.title')}</Title>
        <Switch
          label={t('payouts.settings.secondApproval')}
          checked={settings.data.secondApproval}
          onChange={(e) => update.mutate({ secondApproval: e.currentTarget.checked })}
          data-testid="payout-second-approval"
        />
        <Select
          label={t('payouts.settings.painVersion')}
          description={t('payouts.settings.painVersionHelp')}
          data={[
            { value: '001.001.09', label: 'pain.001.001.09' },
            { value: '001.001.03', label: 'pain.001.001.03' },
          ]}
          value={settings.data.painVersion}
          onChange={(v) => v && update.mutate({ painVersion: v as '001.001.09' | '001.001.03' })}
          allowDeselect={false}
        />
        {update.error && <ErrorAlert error={update.error} />}
      </Stack>
    </Card>
  );
}
