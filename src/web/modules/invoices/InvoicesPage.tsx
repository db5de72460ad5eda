import { Anchor, Button, Checkbox, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { amountLeftCents, INVOICE_KINDS, INVOICE_STATUS_FILTERS, type InvoiceStatusFilter } from '../../../modules/invoicing/contract';
import { useUrlFilters, useUrlSearch } from '../../lib/url-filters';
import { ListTable } from '../../components/ListTable';
import { ListPager } from '../../components/ListPager';
import { Page } from '../../components/Page';
import { useFormat } from '../../lib/format';
import { useSession } from '../../lib/session';
import { useActivityOptions } from '../activities';
import { useClients } from '../clients';
import { InvoiceStatusBadge } from './InvoiceStatusBadge';
import { type InvoiceFilters, type InvoiceSummaryData, useInvoices } from './use-invoices';

const PAGE_SIZE = 25;

const oneOf = <T extends string>(values: readonly T[], v: string | null): T | undefined => ((values as readonly string[]).includes(v ?? '') ? (v as T) : undefined);

/** Invoices and credit notes: all of the coop for the team, a member's own activities for a member. */
export default function InvoicesPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const { hasRole } = useSession();
  const manages = hasRole('admin', 'staff');
  // The accountant reads every invoice and drafts none.
  const readOnly = !manages && !hasRole('member');
  const { params, page, setFilter, setPage } = useUrlFilters();

  const q = params.get('q') ?? '';
  const filters: InvoiceFilters = {
    page,
    pageSize: PAGE_SIZE,
    q: q || undefined,
    status: oneOf<InvoiceStatusFilter>(INVOICE_STATUS_FILTERS, params.get('status')),
    kind: oneOf(INVOICE_KINDS, params.get('kind')),
    activityId: params.get('activityId') ?? undefined,
    clientId: params.get('clientId') ?? undefined,
    toValidate: params.get('toValidate') === 'true' ? 'true' : undefined,
  };
  const list = useInvoices(filters);
  const activities = useActivityOptions();
  const clients = useClients({ pageSize: 100 });

  const { search, onSearch } = useUrlSearch(params, setFilter);
  const total = list.data?.total ?? 0;
  const filtered = Boolean(q || filters.status || filters.kind || filters.activityId || filters.clientId || filters.toValidate);

  return (
    <Page
      title={manages || readOnly ? t('invoices.title') : t('invoices.myTitle')}
      actions={
        !readOnly && (
          <Button component={Link} to="/invoices/new" leftSection={<IconPlus size={18} aria-hidden />} data-testid="invoice-new">
            {t('invoices.new')}
          </Button>
        )
      }
    >
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t('invoices.search')}
          placeholder={t('invoices.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(e) => onSearch(e.currentTarget.value)}
          w={{ base: '100%', xs: 220 }}
          type="search"
          data-testid="invoice-search"
        />
        <Select
          label={t('invoices.filterStatus')}
          placeholder={t('invoices.allStatuses')}
          data={INVOICE_STATUS_FILTERS.map((s) => ({ value: s, label: t(`invoices.status.${s}`) }))}
          value={filters.status ?? null}
          onChange={(v) => setFilter('status', v)}
          clearable
          w={{ base: '100%', xs: 170 }}
          data-testid="invoice-filter-status"
        />
        <Select
          label={t('invoices.filterKind')}
          placeholder={t('invoices.allKinds')}
          data={INVOICE_KINDS.map((k) => ({ value: k, label: t(`invoices.kind.${k}`) }))}
          value={filters.kind ?? null}
          onChange={(v) => setFilter('kind', v)}
          clearable
          w={{ base: '100%', xs: 170 }}
        />
        <Select
          label={t('invoices.filterActivity')}
          placeholder={t('invoices.allActivities')}
          data={(activities.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.code} — ${a.name}` }))}
          value={filters.activityId ?? null}
          onChange={(v) => setFilter('activityId', v)}
          searchable
          clearable
          w={{ base: '100%', xs: 220 }}
        />
        <Select
          label={t('invoices.filterClient')}
          placeholder={t('invoices.allClients')}
          data={(clients.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={filters.clientId ?? null}
          onChange={(v) => setFilter('clientId', v)}
          searchable
          clearable
          w={{ base: '100%', xs: 220 }}
        />
        <Checkbox
          label={t('invoices.toValidate')}
          checked={Boolean(filters.toValidate)}
          onChange={(e) => setFilter('toValidate', e.currentTarget.checked ? 'true' : null)}
          mb={8}
          data-testid="invoice-filter-to-validate"
        />
      </Group>

      <ListTable
        query={list}
        minWidth={980}
        empty={filtered ? t('invoices.emptyFiltered') : t('invoices.empty')}
        head={
          <>
            <Table.Th>{t('invoices.columns.number')}</Table.Th>
            <Table.Th>{t('invoices.columns.client')}</Table.Th>
            <Table.Th>{t('invoices.columns.activity')}</Table.Th>
            <Table.Th>{t('invoices.columns.issueDate')}</Table.Th>
            <Table.Th>{t('invoices.columns.dueDate')}</Table.Th>
            <Table.Th ta="right">{t('invoices.columns.gross')}</Table.Th>
            <Table.Th ta="right">{t('invoices.columns.paid')}</Table.Th>
            <Table.Th ta="right">{t('invoices.columns.left')}</Table.Th>
            <Table.Th>{t('invoices.columns.status')}</Table.Th>
          </>
        }
      >
        {list.data?.items.map((invoice) => (
          <InvoiceRow key={invoice.id} invoice={invoice} fmt={fmt} onOpen={() => navigate(`/invoices/${invoice.id}`)} />
        ))}
      </ListTable>

      <ListPager
        total={total}
        pageSize={PAGE_SIZE}
        page={page}
        onChange={setPage}
        label={t('invoices.pagination')}
        count={t('invoices.count', { count: total })}
      />
    </Page>
  );
}

function InvoiceRow({ invoice, fmt, onOpen }: { invoice: InvoiceSummaryData; fmt: ReturnType<typeof useFormat>; onOpen: () => void }) {
  const { t } = useTranslation();
  const credit = invoice.kind === 'credit_note';
  const left = invoice.status === 'draft' || credit ? null : amountLeftCents(invoice);
  const label = invoice.number ?? t('invoices.draftLabel');
  return (
    <Table.Tr data-testid={`invoice-row-${invoice.number ?? invoice.id}`} onClick={onOpen} style={{ cursor: 'pointer' }}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Anchor component={Link} to={`/invoices/${invoice.id}`} fw={600} ff={invoice.number ? 'monospace' : undefined} onClick={(e) => e.stopPropagation()}>
          {label}
        </Anchor>
        {invoice.kind !== 'invoice' && (
          <Text size="xs" c="dimmed">
            {t(`invoices.kind.${invoice.kind}`)}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{invoice.clientName}</Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace" span>
          {invoice.activityCode}
        </Text>{' '}
        <Text size="sm" c="dimmed" span>
          {invoice.activityName}
        </Text>
      </Table.Td>
      <Table.Td>{invoice.issueDate ? fmt.date(invoice.issueDate) : '—'}</Table.Td>
      <Table.Td>{invoice.dueDate ? fmt.date(invoice.dueDate) : '—'}</Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
        {fmt.money(credit ? -invoice.grossCents : invoice.grossCents)}
      </Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
        {left === null ? '—' : fmt.money(invoice.paidCents)}
      </Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
        {left === null ? '—' : fmt.money(left)}
      </Table.Td>
      <Table.Td miw={160}>
        <InvoiceStatusBadge invoice={invoice} />
        {invoice.status === 'draft' && invoice.submittedAt && (
          <Text size="xs" c="dimmed">
            {t('invoices.submitted')}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
