import { Anchor, Button, Card, Group, Modal, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { todayInFrance } from '../../../platform/calendar/contract';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PHONE_QUERY } from '../../components/ListTable';
import { Page } from '../../components/Page';
import { useFormat } from '../../lib/format';
import { useSession } from '../../lib/session';
import { useActivityOptions } from '../activities';
import { useSpendingCategories } from '../expenses';
import { LifecycleNotice, SupplierInvoiceStatusBadge } from './PurchasesPage';
import {
  supplierInvoiceFileUrl,
  useApproveSupplierInvoice,
  useDecideSupplierInvoice,
  usePaySupplierInvoice,
  useSupplierInvoice,
  useUpdateSupplierInvoice,
  type SupplierInvoiceData,
} from './use-purchases';

/** One received supplier invoice: the file beside what was read from it, and the decisions. */
export default function SupplierInvoicePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const invoice = useSupplierInvoice(id);
  const phone = useMediaQuery(PHONE_QUERY);
  const inv = invoice.data;
  return (
    <Page title={inv ? t('purchases.detail.title', { number: inv.number }) : t('purchases.title')}>
      <ErrorAlert error={invoice.error} />
      {inv && (
        <>
          <Group gap="sm">
            <SupplierInvoiceStatusBadge status={inv.status} />
            <Text size="sm">{t(`purchases.kind.${inv.kind}`)}</Text>
            {inv.statusReason && <Text size="sm" c="dimmed">{inv.statusReason}</Text>}
          </Group>
          <SimpleGrid cols={{ base: 1, md: inv.hasFile && inv.mediaType === 'application/pdf' ? 2 : 1 }} spacing="md">
            {inv.hasFile && inv.mediaType === 'application/pdf' && !phone && (
              <iframe title={t('purchases.detail.file')} src={supplierInvoiceFileUrl(inv.id)} style={{ width: '100%', minHeight: 720, border: '1px solid var(--mantine-color-gray-3)' }} data-testid="supplier-invoice-pdf" />
            )}
            <Stack gap="md">
              {inv.hasFile && (phone || inv.mediaType !== 'application/pdf') && (
                <Anchor href={supplierInvoiceFileUrl(inv.id)} target="_blank" rel="noopener" data-testid="supplier-invoice-file-link">
                  {t('purchases.detail.openFile', { name: inv.fileName ?? '' })}
                </Anchor>
              )}
              <WhatWasRead inv={inv} />
              <Decide inv={inv} />
              <LifecycleCard inv={inv} />
            </Stack>
          </SimpleGrid>
        </>
      )}
    </Page>
  );
}

function Field({ label, value, testId }: { label: string; value: string | null | undefined; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" data-testid={testId}>
        {value || '—'}
      </Text>
    </div>
  );
}

function WhatWasRead({ inv }: { inv: SupplierInvoiceData }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { hasRole } = useSession();
  // The supplier's page is the team's (it shows the 401 account and the IBAN): a member is not sent there.
  const team = hasRole('admin', 'staff', 'accountant');
  const read = inv.readModel;
  return (
    <Card withBorder padding="md" data-testid="supplier-invoice-read">
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('purchases.detail.read')}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
          <Field label={t('purchases.detail.supplier')} value={inv.supplier.name} testId="read-supplier" />
          <Field label="SIREN" value={read?.seller.siren ?? inv.supplier.siren} testId="read-siren" />
          <Field label={t('purchases.detail.vatNumber')} value={read?.seller.vatNumber ?? inv.supplier.vatNumber} testId="read-vat" />
          <Field label={t('purchases.detail.number')} value={inv.number} testId="read-number" />
          <Field label={t('purchases.detail.typeCode')} value={`${inv.typeCode} — ${t(`purchases.kind.${inv.kind}`)}`} />
          <Field label={t('purchases.detail.issueDate')} value={format.date(inv.issueDate)} />
          <Field label={t('purchases.detail.dueDate')} value={inv.dueDate ? format.date(inv.dueDate) : null} />
          <Field label={t('purchases.detail.buyer')} value={read ? `${read.buyer.name}${read.buyer.siren ? ` (${read.buyer.siren})` : ''}` : null} />
          <Field label="IBAN" value={inv.payeeIban} testId="read-iban" />
        </SimpleGrid>
        {team && (
          <Anchor component={Link} to={`/purchases/suppliers/${inv.supplierId}`} size="sm" data-testid="supplier-invoice-supplier-link">
            {t('suppliers.open', { name: inv.supplier.name })}
          </Anchor>
        )}
        {read && read.vat.length > 0 && (
          <Table.ScrollContainer minWidth={320}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('purchases.detail.vatRate')}</Table.Th>
                  <Table.Th ta="right">{t('purchases.detail.base')}</Table.Th>
                  <Table.Th ta="right">{t('purchases.detail.vat')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {read.vat.map((v, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{v.rateBp === null ? v.category : `${(v.rateBp / 100).toLocaleString(format.lang === 'en' ? 'en-GB' : 'fr-FR')} %`}</Table.Td>
                    <Table.Td ta="right">{format.money(v.baseCents)}</Table.Td>
                    <Table.Td ta="right">{format.money(v.vatCents)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Group gap="lg" wrap="wrap">
          <Field label={t('purchases.detail.net')} value={format.money(inv.netCents)} />
          <Field label={t('purchases.detail.vat')} value={format.money(inv.vatCents)} />
          <Field label={t('purchases.detail.gross')} value={format.money(inv.grossCents)} testId="read-gross" />
        </Group>
      </Stack>
    </Card>
  );
}

/** Before approval staff pick the activity and each line's spending category (its account, its place in the contribution base); then approve, dispute, refuse; once approved, mark paid. */
function Decide({ inv }: { inv: SupplierInvoiceData }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { hasRole } = useSession();
  const team = hasRole('admin', 'staff', 'accountant');
  const open = team && (inv.status === 'received' || inv.status === 'disputed');
  const activities = useActivityOptions({ status: 'active' });
  const update = useUpdateSupplierInvoice();
  const approve = useApproveSupplierInvoice();
  const categories = useSpendingCategories(true);
  const [chosen, setChosen] = useState<Record<number, string | null>>({});
  const [activityId, setActivityId] = useState<string | null>(inv.activityId);
  const [error, setError] = useState<unknown>(null);
  const [deciding, setDeciding] = useState<'refuse' | 'dispute' | null>(null);
  const [paying, setPaying] = useState(false);
  useEffect(() => {
    setChosen(Object.fromEntries(inv.lines.map((l) => [l.position, l.spendingCategoryId])));
    setActivityId(inv.activityId);
  }, [inv]);
  const english = i18n.language.startsWith('en');
  const categoryLabel = (c: { labelFr: string; labelEn: string; account: string; inContributionBase: boolean }) =>
    `${english ? c.labelEn : c.labelFr} (${c.account})${c.inContributionBase ? ` — ${t('purchases.detail.inBase')}` : ''}`;
  const categoryOptions = (categories.data?.items ?? []).filter((c) => c.active).map((c) => ({ value: c.id, label: categoryLabel(c) }));
  const categoryOf = (id: string | null) => (categories.data?.items ?? []).find((c) => c.id === id);

  const approveNow = async () => {
    setError(null);
    try {
      const lines = inv.lines.flatMap((l) => (chosen[l.position] ? [{ position: l.position, spendingCategoryId: chosen[l.position]! }] : []));
      await update.mutateAsync({ id: inv.id, activityId, lines });
      await approve.mutateAsync(inv.id);
      notifications.show({ color: 'teal', message: t('purchases.detail.approved') });
    } catch (err) {
      setError(err);
    }
  };

  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('purchases.detail.lines')}
        </Title>
        <ErrorAlert error={error} />
        {open ? (
          <Select
            label={t('purchases.receive.activity')}
            placeholder={t('purchases.coopOwn')}
            clearable
            searchable
            data={(activities.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.code} — ${a.name}` }))}
            value={activityId}
            onChange={setActivityId}
            data-testid="supplier-invoice-activity"
          />
        ) : (
          <Field label={t('purchases.receive.activity')} value={inv.activityName ?? t('purchases.coopOwn')} />
        )}
        {open && (
          <Text size="xs" c="dimmed">
            {t('purchases.detail.baseHint')}
          </Text>
        )}
        {inv.lines.map((l) => (
          <Stack key={l.position} gap={4} data-testid={`supplier-invoice-line-${l.position}`}>
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Text size="sm">{l.label}</Text>
              <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                {format.money(l.netCents)}
              </Text>
            </Group>
            {open ? (
              <Select
                aria-label={t('purchases.detail.category', { line: l.position })}
                placeholder={t('purchases.detail.chooseCategory')}
                data={categoryOptions}
                value={chosen[l.position] ?? null}
                onChange={(v) => setChosen((s) => ({ ...s, [l.position]: v }))}
                searchable
                data-testid={`supplier-invoice-category-${l.position}`}
              />
            ) : (
              <Text size="xs" c="dimmed" data-testid={`supplier-invoice-line-category-${l.position}`}>
                {categoryOf(l.spendingCategoryId) ? categoryLabel({ ...categoryOf(l.spendingCategoryId)!, account: l.account ?? categoryOf(l.spendingCategoryId)!.account }) : (l.account ?? '—')}
              </Text>
            )}
          </Stack>
        ))}
        {open && (
          <Group gap="sm" wrap="wrap">
            <Button onClick={() => void approveNow()} loading={update.isPending || approve.isPending} data-testid="supplier-invoice-approve">
              {t('purchases.detail.approve')}
            </Button>
            {inv.status === 'received' && (
              <Button variant="light" color="orange" onClick={() => setDeciding('dispute')} data-testid="supplier-invoice-dispute">
                {t('purchases.detail.dispute')}
              </Button>
            )}
            <Button variant="light" color="red" onClick={() => setDeciding('refuse')} data-testid="supplier-invoice-refuse">
              {t('purchases.detail.refuse')}
            </Button>
          </Group>
        )}
        {team && inv.status === 'approved' && inv.kind === 'invoice' && (
          <Group>
            <Button onClick={() => setPaying(true)} data-testid="supplier-invoice-pay">
              {t('purchases.detail.markPaid')}
            </Button>
          </Group>
        )}
      </Stack>
      <ReasonModal inv={inv} to={deciding} onClose={() => setDeciding(null)} />
      <PayModal inv={inv} opened={paying} onClose={() => setPaying(false)} />
    </Card>
  );
}

function ReasonModal({ inv, to, onClose }: { inv: SupplierInvoiceData; to: 'refuse' | 'dispute' | null; onClose: () => void }) {
  const { t } = useTranslation();
  const decide = useDecideSupplierInvoice();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  return (
    <Modal opened={to !== null} onClose={onClose} title={to ? t(`purchases.detail.${to}Title`, { number: inv.number }) : ''}>
      <Stack gap="sm">
        <ErrorAlert error={error} />
        <Textarea label={t('purchases.detail.reason')} required maxLength={500} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-testid="supplier-invoice-reason" />
        <Group justify="flex-end">
          <Button variant="subtle" onClick={onClose}>
            {t('purchases.cancel')}
          </Button>
          <Button
            color={to === 'refuse' ? 'red' : 'orange'}
            loading={decide.isPending}
            data-testid="supplier-invoice-reason-submit"
            onClick={() =>
              to &&
              decide.mutate(
                { id: inv.id, to, reason },
                {
                  onSuccess: () => {
                    setReason('');
                    onClose();
                  },
                  onError: setError,
                },
              )
            }
          >
            {t('purchases.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function PayModal({ inv, opened, onClose }: { inv: SupplierInvoiceData; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const pay = usePaySupplierInvoice();
  const [paidOn, setPaidOn] = useState<string>(todayInFrance(new Date()));
  const [reference, setReference] = useState('');
  const [error, setError] = useState<unknown>(null);
  return (
    <Modal opened={opened} onClose={onClose} title={t('purchases.detail.payTitle', { number: inv.number })}>
      <Stack gap="sm">
        <ErrorAlert error={error} />
        <DateField label={t('purchases.detail.paidOn')} required value={paidOn} onChange={setPaidOn} />
        <TextInput label={t('purchases.detail.reference')} required maxLength={140} value={reference} onChange={(e) => setReference(e.currentTarget.value)} data-testid="supplier-invoice-reference" />
        <Group justify="flex-end">
          <Button variant="subtle" onClick={onClose}>
            {t('purchases.cancel')}
          </Button>
          <Button
            loading={pay.isPending}
            data-testid="supplier-invoice-pay-submit"
            onClick={() =>
              pay.mutate(
                { id: inv.id, paidOn, reference },
                {
                  onSuccess: () => {
                    notifications.show({ color: 'teal', message: t('purchases.detail.paid') });
                    onClose();
                  },
                  onError: setError,
                },
              )
            }
          >
            {t('purchases.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function LifecycleCard({ inv }: { inv: SupplierInvoiceData }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card withBorder padding="md" data-testid="supplier-invoice-lifecycle">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('purchases.lifecycle.title')}
        </Title>
        {inv.statuses.map((s, i) => (
          <Text size="sm" key={i}>
            {s.code} {s.label} — {format.dateTime(s.at)}
            {s.byName ? ` — ${s.byName}` : ''}
            {s.reason ? ` — ${s.reason}` : ''}
            {' · '}
            {s.sentAt ? t('purchases.lifecycle.sent') : t('purchases.lifecycle.queued')}
          </Text>
        ))}
        <LifecycleNotice />
      </Stack>
    </Card>
  );
}
