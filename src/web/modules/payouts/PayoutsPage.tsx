import { Anchor, Badge, Button, Card, Checkbox, Group, Select, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';
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
  usePayoutBatch,
  useBuildBatch,
  useCancelBatch,
  usePayables,
  usePayoutBankAccounts,
  usePayoutBatches,
  usePayoutSettings,
  useUpdatePayoutSettings,
  type PayableData,
  type PayoutBatchData,
  type PayoutItemData,
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
  const { hasRole } = useSession();
  const payables = usePayables();
  const accounts = usePayoutBankAccounts();
  const build = useBuildBatch();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [bankAccountId, setBankAccountId] = useState<string | null>(null);
  const [executionDate, setExecutionDate] = useState(todayInFrance(new Date()));
  const rows = payables.data?.items ?? [];
  const picked = rows.filter((r) => chosen.has(keyOf(r)));
  // A SEPA transfer leaves a euro account named by its IBAN; the coop's first one is chosen
  // until the accountant picks another, so a coop with one account never has to.
  const debitable = (accounts.data?.items ?? []).filter((a) => a.currency === 'EUR' && a.iban);
  const account = bankAccountId ?? debitable[0]?.id ?? null;
  // A member's bank details are fixed on their file, which the team (not the accountant) edits.
  const mayFixMember = hasRole('admin') || hasRole('staff');

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
    {
      key: 'iban',
      header: t('payouts.columns.iban'),
      cell: (r) =>
        r.hasIban ? (
          r.payeeIbanMasked
        ) : (
          <Group gap={6} wrap="nowrap">
            <Badge color="red" variant="light" data-testid="payable-iban-missing">
              {t('payouts.ibanMissing')}
            </Badge>
            {mayFixMember && r.payeeMemberId && (
              <Anchor component={Link} to={`/members/${r.payeeMemberId}`} size="sm" data-testid="payable-iban-fix">
                {t('payouts.fixIban')}
              </Anchor>
            )}
          </Group>
        ),
      nowrap: true,
    },
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
            data={debitable.map((a) => ({ value: a.id, label: `${a.label} (${a.iban.slice(-4)})` }))}
            data-testid="payout-bank-account"
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
  const [opened, setOpened] = useState<string | null>(null);
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
          <Button size="xs" variant="default" onClick={() => setOpened(opened === b.id ? null : b.id)} aria-expanded={opened === b.id} data-testid="batch-open">
            {opened === b.id ? t('payouts.hideItems') : t('payouts.showItems')}
          </Button>
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
        <ListTable
          query={batches}
          columns={columns}
          rowKey={(b) => b.id}
          rowTestId={() => 'batch-row'}
          empty={t('payouts.noBatches')}
          minWidth={720}
          expanded={(b) => (opened === b.id ? <BatchItems id={b.id} /> : null)}
        />
        {(approve.error || cancel.error) && <ErrorAlert error={approve.error ?? cancel.error} />}
      </Stack>
    </Card>
  );
}

/** The transfers of one batch and what the bank statement said of each. */
function BatchItems({ id }: { id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const batch = usePayoutBatch(id);
  const items = { isError: batch.isError, error: batch.error, isPending: batch.isPending, data: batch.data ? { items: batch.data.items } : undefined };
  const state = (i: PayoutItemData) => {
    if (i.status === 'paid') return <Badge color="teal" variant="light">{i.paidOn ? t('payouts.itemStatus.paidOn', { date: format.date(i.paidOn) }) : t('payouts.itemStatus.paid')}</Badge>;
    if (i.status === 'returned') return <Badge color="red" variant="light">{t('payouts.itemStatus.returned', { reason: i.returnReason ?? '' })}</Badge>;
    if (i.status === 'cancelled') return <Badge color="gray" variant="light">{t('payouts.itemStatus.cancelled')}</Badge>;
    return <Badge color="blue" variant="light">{t('payouts.itemStatus.pending')}</Badge>;
  };
  const columns: ListColumn<PayoutItemData>[] = [
    { key: 'payee', header: t('payouts.columns.payee'), cell: (i) => i.payeeName, phone: 'title' },
    { key: 'status', header: t('payouts.columns.status'), cell: state, phone: 'badge' },
    { key: 'reference', header: t('payouts.columns.reference'), cell: (i) => i.reference },
    { key: 'e2e', header: t('payouts.columns.endToEndId'), cell: (i) => <Text size="xs" ff="monospace">{i.endToEndId}</Text> },
    { key: 'iban', header: t('payouts.columns.iban'), cell: (i) => i.payeeIbanMasked, nowrap: true },
    { key: 'amount', header: t('payouts.columns.amount'), cell: (i) => format.money(i.amountCents), align: 'right', nowrap: true },
  ];
  return (
    <Stack gap="xs" data-testid="batch-items">
      <Text size="sm" fw={600}>
        {batch.data ? t('payouts.itemsOf', { date: format.date(batch.data.executionDate), id: batch.data.messageId }) : t('payouts.showItems')}
      </Text>
      <ListTable query={items} columns={columns} rowKey={(i) => i.id} rowTestId={() => 'batch-item-row'} empty={t('payouts.noBatches')} minWidth={720} />
    </Stack>
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
