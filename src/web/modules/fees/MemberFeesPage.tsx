import { Anchor, Badge, Button, Card, Checkbox, Group, Modal, Select, SimpleGrid, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFileTypePdf } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInFrance } from '../../../platform/calendar/contract';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListPager } from '../../components/ListPager';
import { ListTable, type ListColumn } from '../../components/ListTable';
import { Page } from '../../components/Page';
import { useFormat } from '../../lib/format';
import { applyApiError } from '../../lib/forms';
import { useLanguage } from '../../i18n';
import { useSession } from '../../lib/session';
import { useMemberOptions } from '../activities';
import {
  collectionFileUrl,
  feeFileUrl,
  useAmendMandate,
  useBillMonth,
  useBuildCollection,
  useCollectable,
  useCollections,
  useCreateMandate,
  useMandates,
  useMarkFeePaid,
  useMemberFees,
  useRecordDebitOutcome,
  useRevokeMandate,
  type CollectionData,
  type MandateData,
  type MemberFeeData,
} from './use-fees';

const PAGE_SIZE = 25;
/** The reason codes staff meet most on a statement; the API takes any ISO code. */
const RETURN_CODES = ['AM04', 'AC04', 'MD01', 'MD06', 'MS02', 'MS03', 'AC01', 'AG01', 'MD07', 'SL01'];

/**
 * Members: their monthly fees (paid or not, each invoice to download) and their SEPA mandate.
 * The team: bill a month, record mandates, build the direct debit file and record what the
 * bank did with each debit.
 */
export default function MemberFeesPage() {
  const { t } = useTranslation();
  const { hasRole } = useSession();
  const team = hasRole('admin', 'staff', 'accountant');
  if (!team) {
    return (
      <Page title={t('fees.myTitle')}>
        <FeeList team={false} />
        <Title order={2} fz="h4">
          {t('fees.mandates.myTitle')}
        </Title>
        <MandateList team={false} />
      </Page>
    );
  }
  return (
    <Page title={t('fees.title')}>
      <Tabs defaultValue="fees" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="fees" data-testid="fees-tab-fees">
            {t('fees.tabs.fees')}
          </Tabs.Tab>
          <Tabs.Tab value="mandates" data-testid="fees-tab-mandates">
            {t('fees.tabs.mandates')}
          </Tabs.Tab>
          <Tabs.Tab value="collections" data-testid="fees-tab-collections">
            {t('fees.tabs.collections')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="fees" pt="md">
          <Stack gap="md">
            <BillMonthCard />
            <FeeList team />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="mandates" pt="md">
          <Stack gap="md">
            {hasRole('admin', 'staff') && <MandateForm />}
            <MandateList team={hasRole('admin', 'staff')} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="collections" pt="md">
          <Stack gap="md">
            <CollectionBuilder />
            <CollectionList />
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </Page>
  );
}

function BillMonthCard() {
  const { t } = useTranslation();
  const bill = useBillMonth();
  const [month, setMonth] = useState(todayInFrance(new Date()).slice(0, 7));
  const [error, setError] = useState<unknown>(null);
  return (
    <Card padding="md" withBorder>
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t('fees.bill.intro')}
        </Text>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput label={t('fees.bill.month')} value={month} onChange={(e) => setMonth(e.currentTarget.value)} placeholder="AAAA-MM" maxLength={7} w={140} data-testid="fees-bill-month" />
          <Button
            loading={bill.isPending}
            data-testid="fees-bill"
            onClick={() => {
              setError(null);
              bill.mutate(month, { onSuccess: (r) => notifications.show({ color: 'teal', message: t('fees.bill.done', { billed: r.billed, already: r.alreadyBilled }) }), onError: setError });
            }}
          >
            {t('fees.bill.action')}
          </Button>
        </Group>
        <ErrorAlert error={error} />
      </Stack>
    </Card>
  );
}

function FeeStatus({ fee }: { fee: MemberFeeData }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <Stack gap={2}>
      <Group gap={4}>
        <Badge color={fee.status === 'paid' ? 'teal' : 'orange'} variant="light" data-testid="fee-status">
          {t(`fees.status.${fee.status}`)}
        </Badge>
        {fee.inCollection && (
          <Badge color="blue" variant="outline">
            {t('fees.inCollection')}
          </Badge>
        )}
      </Group>
      {fee.lastReturn && (
        <Text size="xs" c="red" data-testid="fee-return-reason">
          {t('fees.returned', { code: fee.lastReturn.code, reason: lang === 'en' ? fee.lastReturn.en : fee.lastReturn.fr })}
        </Text>
      )}
    </Stack>
  );
}

function FeeList({ team }: { team: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<'unpaid' | 'paid' | undefined>(undefined);
  const list = useMemberFees({ page, pageSize: PAGE_SIZE, status });
  const [paying, setPaying] = useState<MemberFeeData | null>(null);
  const columns: ListColumn<MemberFeeData>[] = [
    { key: 'number', header: t('fees.columns.number'), cell: (r) => r.number, phone: 'title', nowrap: true },
    { key: 'status', header: t('fees.columns.status'), cell: (r) => <FeeStatus fee={r} />, phone: 'badge' },
    ...(team ? [{ key: 'member', header: t('fees.columns.member'), cell: (r: MemberFeeData) => r.memberName }] : []),
    { key: 'month', header: t('fees.columns.month'), cell: (r) => r.month, nowrap: true },
    { key: 'due', header: t('fees.columns.due'), cell: (r) => format.date(r.dueDate), nowrap: true },
    { key: 'gross', header: t('fees.columns.gross'), cell: (r) => format.money(r.grossCents), align: 'right', nowrap: true },
    {
      key: 'actions',
      header: t('fees.columns.actions'),
      cell: (r) => (
        <Group gap="xs" wrap="wrap">
          <Anchor href={feeFileUrl(r.id)} target="_blank" rel="noopener" size="sm" data-testid="fee-pdf">
            <Group gap={4} wrap="nowrap">
              <IconFileTypePdf size={16} aria-hidden />
              {t('fees.download')}
            </Group>
          </Anchor>
          {team && r.status === 'unpaid' && !r.inCollection && (
            <Button size="xs" variant="light" onClick={() => setPaying(r)} data-testid="fee-mark-paid">
              {t('fees.markPaid')}
            </Button>
          )}
        </Group>
      ),
    },
  ];
  return (
    <Stack gap="sm">
      <Select
        aria-label={t('fees.columns.status')}
        placeholder={t('fees.allStatuses')}
        clearable
        maw={240}
        data={(['unpaid', 'paid'] as const).map((s) => ({ value: s, label: t(`fees.status.${s}`) }))}
        value={status ?? null}
        onChange={(v) => {
          setStatus((v as 'unpaid' | 'paid' | null) ?? undefined);
          setPage(1);
        }}
      />
      <ListTable query={list} columns={columns} rowKey={(r) => r.id} rowTestId={(r) => `fee-${r.number}`} empty={t('fees.empty')} minWidth={760} />
      {list.data && <ListPager total={list.data.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} label={t('fees.pager')} count={t('fees.count', { count: list.data.total })} />}
      <PayModal fee={paying} onClose={() => setPaying(null)} />
    </Stack>
  );
}

function PayModal({ fee, onClose }: { fee: MemberFeeData | null; onClose: () => void }) {
  const { t } = useTranslation();
  const pay = useMarkFeePaid();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ initialValues: { paidOn: todayInFrance(new Date()) }, validate: { paidOn: isNotEmpty(' ') } });
  const submit = form.onSubmit((v) => {
    if (!fee) return;
    setFormError(null);
    pay.mutate({ id: fee.id, paidOn: v.paidOn }, { onSuccess: onClose, onError: (error) => setFormError(applyApiError(form, error)) });
  });
  return (
    <Modal opened={fee !== null} onClose={onClose} title={t('fees.payTitle', { number: fee?.number ?? '' })}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorAlert>{formError}</ErrorAlert>
          <DateField label={t('fees.paidOn')} required {...form.getInputProps('paidOn')} />
          <Group justify="flex-end">
            <Button variant="subtle" onClick={onClose}>
              {t('fees.cancel')}
            </Button>
            <Button type="submit" loading={pay.isPending}>
              {t('fees.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function MandateForm() {
  const { t } = useTranslation();
  const create = useCreateMandate();
  const members = useMemberOptions();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { memberId: '', reference: '', debtorName: '', iban: '', bic: '', signedOn: todayInFrance(new Date()) },
    validate: { memberId: isNotEmpty(t('fees.mandates.member')), reference: isNotEmpty(t('fees.mandates.reference')), debtorName: isNotEmpty(t('fees.mandates.debtorName')), iban: isNotEmpty('IBAN') },
  });
  const submit = form.onSubmit((v) => {
    setFormError(null);
    create.mutate(
      { memberId: v.memberId, reference: v.reference.trim(), debtorName: v.debtorName, iban: v.iban, bic: v.bic.trim() ? v.bic.trim() : null, signedOn: v.signedOn },
      {
        onSuccess: (m) => {
          notifications.show({ color: 'teal', message: t('fees.mandates.created', { reference: m.reference }) });
          form.reset();
        },
        onError: (error) => setFormError(applyApiError(form, error)),
      },
    );
  });
  return (
    <Card padding="md" withBorder>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} fz="h5">
            {t('fees.mandates.new')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('fees.mandates.intro')}
          </Text>
          <ErrorAlert>{formError}</ErrorAlert>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select label={t('fees.mandates.member')} required searchable data={(members.data ?? []).map((m) => ({ value: m.id, label: m.name }))} data-testid="mandate-member" {...form.getInputProps('memberId')} />
            <TextInput label={t('fees.mandates.reference')} description={t('fees.mandates.referenceHint')} required maxLength={35} data-testid="mandate-reference" {...form.getInputProps('reference')} />
            <TextInput label={t('fees.mandates.debtorName')} required maxLength={70} data-testid="mandate-debtor" {...form.getInputProps('debtorName')} />
            <TextInput label="IBAN" required maxLength={42} data-testid="mandate-iban" {...form.getInputProps('iban')} />
            <TextInput label="BIC" maxLength={11} data-testid="mandate-bic" {...form.getInputProps('bic')} />
            <DateField label={t('fees.mandates.signedOn')} required {...form.getInputProps('signedOn')} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending} data-testid="mandate-save">
              {t('fees.mandates.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function MandateList({ team }: { team: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useMandates();
  const revoke = useRevokeMandate();
  const [amending, setAmending] = useState<MandateData | null>(null);
  const [error, setError] = useState<unknown>(null);
  const columns: ListColumn<MandateData>[] = [
    { key: 'reference', header: t('fees.mandates.reference'), cell: (r) => r.reference, phone: 'title', nowrap: true },
    {
      key: 'status',
      header: t('fees.columns.status'),
      cell: (r) => (
        <Badge color={r.status === 'active' ? 'teal' : 'gray'} variant="light" data-testid="mandate-status">
          {t(`fees.mandates.status.${r.status}`)}
        </Badge>
      ),
      phone: 'badge',
    },
    ...(team ? [{ key: 'member', header: t('fees.columns.member'), cell: (r: MandateData) => r.memberName }] : []),
    { key: 'debtor', header: t('fees.mandates.debtorName'), cell: (r) => r.debtorName },
    { key: 'iban', header: 'IBAN', cell: (r) => r.iban, nowrap: true },
    { key: 'signed', header: t('fees.mandates.signedOn'), cell: (r) => format.date(r.signedOn), nowrap: true },
    { key: 'next', header: t('fees.mandates.next'), cell: (r) => (r.status === 'active' ? t(`fees.mandates.sequence.${r.nextSequence}`) : (r.revokedReason ?? '')) },
    ...(team
      ? [
          {
            key: 'actions',
            header: t('fees.columns.actions'),
            cell: (r: MandateData) =>
              r.status === 'active' ? (
                <Group gap="xs" wrap="wrap">
                  <Button size="xs" variant="light" onClick={() => setAmending(r)}>
                    {t('fees.mandates.amend')}
                  </Button>
                  <Button size="xs" variant="subtle" color="red" loading={revoke.isPending && revoke.variables?.id === r.id} onClick={() => revoke.mutate({ id: r.id, reason: t('fees.mandates.revokedByStaff') }, { onError: setError })}>
                    {t('fees.mandates.revoke')}
                  </Button>
                </Group>
              ) : null,
          },
        ]
      : []),
  ];
  return (
    <Stack gap="sm">
      <ErrorAlert error={error} />
      <ListTable query={list} columns={columns} rowKey={(r) => r.id} rowTestId={(r) => `mandate-${r.reference}`} empty={t('fees.mandates.empty')} minWidth={820} />
      <AmendModal mandate={amending} onClose={() => setAmending(null)} />
    </Stack>
  );
}

function AmendModal({ mandate, onClose }: { mandate: MandateData | null; onClose: () => void }) {
  const { t } = useTranslation();
  const amend = useAmendMandate();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ initialValues: { iban: '', bic: '' }, validate: { iban: isNotEmpty('IBAN') } });
  const submit = form.onSubmit((v) => {
    if (!mandate) return;
    setFormError(null);
    amend.mutate({ id: mandate.id, iban: v.iban, bic: v.bic.trim() ? v.bic.trim() : null }, { onSuccess: onClose, onError: (error) => setFormError(applyApiError(form, error)) });
  });
  return (
    <Modal opened={mandate !== null} onClose={onClose} title={t('fees.mandates.amendTitle', { reference: mandate?.reference ?? '' })}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('fees.mandates.amendHint')}
          </Text>
          <ErrorAlert>{formError}</ErrorAlert>
          <TextInput label="IBAN" required {...form.getInputProps('iban')} />
          <TextInput label="BIC" maxLength={11} {...form.getInputProps('bic')} />
          <Group justify="flex-end">
            <Button variant="subtle" onClick={onClose}>
              {t('fees.cancel')}
            </Button>
            <Button type="submit" loading={amend.isPending}>
              {t('fees.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function CollectionBuilder() {
  const { t } = useTranslation();
  const format = useFormat();
  const offer = useCollectable(true);
  const build = useBuildCollection();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [date, setDate] = useState('');
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (offer.data) {
      setSelected(new Set(offer.data.items.map((i) => i.feeId)));
      setDate(offer.data.earliestCollectionDate);
    }
  }, [offer.data]);
  type Item = NonNullable<typeof offer.data>['items'][number];
  const toggle = (id: string, on: boolean) => setSelected((s) => new Set([...s].filter((x) => x !== id).concat(on ? [id] : [])));
  const columns: ListColumn<Item>[] = [
    { key: 'pick', header: '', cell: (r) => <Checkbox aria-label={r.number} checked={selected.has(r.feeId)} onChange={(e) => toggle(r.feeId, e.currentTarget.checked)} data-testid="collect-pick" /> },
    { key: 'number', header: t('fees.columns.number'), cell: (r) => r.number, phone: 'title', nowrap: true },
    { key: 'member', header: t('fees.columns.member'), cell: (r) => r.memberName },
    { key: 'rum', header: t('fees.mandates.reference'), cell: (r) => r.mandateReference, nowrap: true },
    { key: 'seq', header: t('fees.collections.sequence'), cell: (r) => r.sequenceType, phone: 'badge' },
    { key: 'gross', header: t('fees.columns.gross'), cell: (r) => format.money(r.grossCents), align: 'right', nowrap: true },
  ];
  return (
    <Card padding="md" withBorder>
      <Stack gap="sm">
        <Title order={2} fz="h5">
          {t('fees.collections.new')}
        </Title>
        {offer.data && !offer.data.creditorId && <ErrorAlert>{t('fees.collections.noCreditorId')}</ErrorAlert>}
        {offer.data && (
          <Text size="sm" c="dimmed">
            {t('fees.collections.rule', { days: offer.data.prenotificationDays, date: format.date(offer.data.earliestCollectionDate) })}
          </Text>
        )}
        <ListTable query={{ ...offer, data: offer.data ? { items: offer.data.items } : undefined }} columns={columns} rowKey={(r) => r.feeId} rowTestId={(r) => `collectable-${r.number}`} empty={t('fees.collections.nothing')} minWidth={640} />
        <Group align="flex-end" gap="sm" wrap="wrap">
          <DateField label={t('fees.collections.date')} value={date} onChange={setDate} data-testid="collection-date" />
          <Button
            leftSection={<IconDownload size={16} aria-hidden />}
            disabled={selected.size === 0 || !date}
            loading={build.isPending}
            data-testid="collection-build"
            onClick={() => {
              setError(null);
              build.mutate({ collectionDate: date, feeIds: [...selected] }, { onSuccess: (c) => notifications.show({ color: 'teal', message: t('fees.collections.built', { id: c.messageId }) }), onError: setError });
            }}
          >
            {t('fees.collections.build')}
          </Button>
        </Group>
        <ErrorAlert error={error} />
      </Stack>
    </Card>
  );
}

function CollectionList() {
  const { t } = useTranslation();
  const list = useCollections(true);
  return (
    <Stack gap="md">
      {(list.data?.items ?? []).map((c) => (
        <CollectionCard key={c.id} collection={c} />
      ))}
      {list.data && list.data.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('fees.collections.empty')}
        </Text>
      )}
      <ErrorAlert error={list.error} />
    </Stack>
  );
}

function CollectionCard({ collection }: { collection: CollectionData }) {
  const { t } = useTranslation();
  const format = useFormat();
  const lang = useLanguage();
  const record = useRecordDebitOutcome();
  const [error, setError] = useState<unknown>(null);
  const [endToEndId, setEndToEndId] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<string | null>('credited');
  const [bookedOn, setBookedOn] = useState(todayInFrance(new Date()));
  type Item = CollectionData['items'][number];
  const columns: ListColumn<Item>[] = [
    { key: 'e2e', header: t('fees.collections.endToEnd'), cell: (r) => r.endToEndId, phone: 'title', nowrap: true },
    {
      key: 'status',
      header: t('fees.columns.status'),
      cell: (r) => (
        <Badge color={r.status === 'paid' ? 'teal' : r.status === 'returned' ? 'red' : 'blue'} variant="light">
          {t(`fees.collections.status.${r.status}`)}
        </Badge>
      ),
      phone: 'badge',
    },
    { key: 'member', header: t('fees.columns.member'), cell: (r) => r.memberName },
    { key: 'seq', header: t('fees.collections.sequence'), cell: (r) => r.sequenceType },
    { key: 'amount', header: t('fees.columns.gross'), cell: (r) => format.money(r.amountCents), align: 'right', nowrap: true },
    { key: 'reason', header: t('fees.collections.reason'), cell: (r) => (r.returnReason ? `${r.returnReason.code} — ${lang === 'en' ? r.returnReason.en : r.returnReason.fr}` : '') },
  ];
  const open = collection.items.filter((i) => i.status !== 'returned');
  return (
    <Card padding="md" withBorder data-testid={`collection-${collection.messageId}`}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Text fw={600}>{t('fees.collections.title', { id: collection.messageId, date: format.date(collection.collectionDate), count: collection.itemCount, total: format.money(collection.totalCents) })}</Text>
          <Anchor href={collectionFileUrl(collection.id)} download size="sm" data-testid="collection-download">
            {t('fees.collections.download', { version: collection.painVersion })}
          </Anchor>
        </Group>
        <ListTable query={{ data: { items: collection.items }, isPending: false, isError: false, error: null }} columns={columns} rowKey={(r) => r.id} rowTestId={(r) => `debit-${r.endToEndId}`} empty="" minWidth={700} />
        {open.length > 0 && (
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              {t('fees.collections.outcomeIntro')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 4 }}>
              <Select label={t('fees.collections.endToEnd')} data={open.map((i) => ({ value: i.endToEndId, label: `${i.endToEndId} — ${i.memberName}` }))} value={endToEndId} onChange={setEndToEndId} data-testid="outcome-debit" />
              <Select
                label={t('fees.collections.outcome')}
                data={[{ value: 'credited', label: t('fees.collections.credited') }, ...RETURN_CODES.map((c) => ({ value: c, label: `${t('fees.collections.returnedWith')} ${c}` }))]}
                value={outcome}
                onChange={setOutcome}
                allowDeselect={false}
                data-testid="outcome-kind"
              />
              <DateField label={t('fees.collections.bookedOn')} value={bookedOn} onChange={setBookedOn} />
              <Stack justify="flex-end">
                <Button
                  disabled={!endToEndId || !outcome}
                  loading={record.isPending}
                  data-testid="outcome-save"
                  onClick={() => {
                    setError(null);
                    record.mutate({ endToEndId: endToEndId!, bookedOn, ...(outcome !== 'credited' ? { returnCode: outcome! } : {}) }, { onSuccess: () => setEndToEndId(null), onError: setError });
                  }}
                >
                  {t('fees.collections.record')}
                </Button>
              </Stack>
            </SimpleGrid>
            <ErrorAlert error={error} />
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
