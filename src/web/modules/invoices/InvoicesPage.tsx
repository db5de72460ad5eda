import { Anchor, Button, Checkbox, Group, Select, Text, TextInput } from '@mantine/core';
import { IconDownload, IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { amountLeftCents, INVOICE_KINDS, INVOICE_SORTS, INVOICE_STATUS_FILTERS, type InvoiceListPage, type InvoiceStatusFilter } from '../../../modules/invoicing/contract';
import { exportQueryOf, useUrlFilters, useUrlSearch, useUrlSort } from '../../lib/url-filters';
import { type ListColumn, ListTable } from '../../components/ListTable';
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
  const { params, setParams, page, setFilter, setPage } = useUrlFilters();
  const sort = useUrlSort(params, setParams);

  const q = params.get('q') ?? '';
  const filters: InvoiceFilters = {
    page,
    pageSize: PAGE_SIZE,
    q: q || undefined,
    status: oneOf<InvoiceStatusFilter>(INVOICE_STATUS_FILTERS, params.get('status')),
    kind: oneOf(INVOICE_KINDS, params.get('kind')),
    activityId: params.get('activityId') ?? undefined,
    clientId: params.get('clientId') ?? undefined,
    // `false` comes from the dashboard's "drafts to finish": the drafts not handed to the team.
    toValidate: oneOf(['true', 'false'] as const, params.get('toValidate')),
    sort: oneOf(INVOICE_SORTS, sort.by ?? null),
    dir: sort.dir,
  };
  const list = useInvoices(filters);
  const activities = useActivityOptions();
  const clients = useClients({ pageSize: 100 });

  const columns = useInvoiceColumns(list.data?.totals);
  const { search, onSearch } = useUrlSearch(params, setFilter);
  const total = list.data?.total ?? 0;
  const filtered = Boolean(q || filters.status || filters.kind || filters.activityId || filters.clientId || filters.toValidate);

  return (
    <Page
      title={manages || readOnly ? t('invoices.title') : t('invoices.myTitle')}
      actions={
        <Group gap="xs">
          <Button component="a" href={`/api/invoices/export.csv${exportQueryOf({ ...filters })}`} download variant="default" leftSection={<IconDownload size={18} aria-hidden />} data-testid="invoice-export">
            {t('common.list.exportCsv')}
          </Button>
          {!readOnly && (
            <Button component={Link} to="/invoices/new" leftSection={<IconPlus size={18} aria-hidden />} data-testid="invoice-new">
              {t('invoices.new')}
            </Button>
          )}
        </Group>
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
          checked={filters.toValidate === 'true'}
          onChange={(e) => setFilter('toValidate', e.currentTarget.checked ? 'true' : null)}
          mb={8}
          data-testid="invoice-filter-to-validate"
        />
      </Group>

      <ListTable
        query={list}
        minWidth={980}
        empty={filtered ? t('invoices.emptyFiltered') : t('invoices.empty')}
        columns={columns}
        rowKey={(invoice) => invoice.id}
        rowTestId={(invoice) => `invoice-row-${invoice.number ?? invoice.id}`}
        onRowClick={(invoice) => navigate(`/invoices/${invoice.id}`)}
        sort={sort}
        totalsLabel={t('invoices.totalsLabel', { count: total })}
      />

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


/** What is left on a row: nothing on a draft or a credit note (they are not owed). */
const leftOf = (invoice: InvoiceSummaryData) => (invoice.status === 'draft' || invoice.kind === 'credit_note' ? null : amountLeftCents(invoice));

/** The invoices list's columns; the totals are the server's, of the whole filtered set. */
function useInvoiceColumns(totals: InvoiceListPage['totals'] | undefined): ListColumn<InvoiceSummaryData>[] {
  const { t } = useTranslation();
  const fmt = useFormat();
  return [
    {
      key: 'number',
      header: t('invoices.columns.number'),
      sort: 'number',
      nowrap: true,
      phone: 'title',
      cell: (invoice) => (
        <>
          <Anchor component={Link} to={`/invoices/${invoice.id}`} fw={600} ff={invoice.number ? 'monospace' : undefined}>
            {invoice.number ?? t('invoices.draftLabel')}
          </Anchor>
          {invoice.kind !== 'invoice' && (
            <Text size="xs" c="dimmed">
              {t(`invoices.kind.${invoice.kind}`)}
            </Text>
          )}
        </>
      ),
    },
    { key: 'client', header: t('invoices.columns.client'), cell: (invoice) => invoice.clientName },
    {
      key: 'activity',
      header: t('invoices.columns.activity'),
      cell: (invoice) => (
        <>
          <Text size="sm" ff="monospace" span>
            {invoice.activityCode}
          </Text>{' '}
          <Text size="sm" c="dimmed" span>
            {invoice.activityName}
          </Text>
        </>
      ),
    },
    { key: 'issueDate', header: t('invoices.columns.issueDate'), sort: 'issueDate', nowrap: true, cell: (invoice) => (invoice.issueDate ? fmt.date(invoice.issueDate) : '—') },
    { key: 'dueDate', header: t('invoices.columns.dueDate'), sort: 'dueDate', nowrap: true, cell: (invoice) => (invoice.dueDate ? fmt.date(invoice.dueDate) : '—') },
    {
      key: 'gross',
      header: t('invoices.columns.gross'),
      sort: 'gross',
      align: 'right',
      nowrap: true,
      cell: (invoice) => fmt.money(invoice.kind === 'credit_note' ? -invoice.grossCents : invoice.grossCents),
      total: totals && <span data-testid="invoices-total-gross">{fmt.money(totals.grossCents)}</span>,
    },
    {
      key: 'paid',
      header: t('invoices.columns.paid'),
      sort: 'paid',
      align: 'right',
      nowrap: true,
      cell: (invoice) => (leftOf(invoice) === null ? '—' : fmt.money(invoice.paidCents)),
      total: totals && <span data-testid="invoices-total-paid">{fmt.money(totals.paidCents)}</span>,
    },
    {
      key: 'left',
      header: t('invoices.columns.left'),
      align: 'right',
      nowrap: true,
      cell: (invoice) => {
        const left = leftOf(invoice);
        return left === null ? '—' : fmt.money(left);
      },
      total: totals && <span data-testid="invoices-total-left">{fmt.money(totals.leftCents)}</span>,
    },
    {
      key: 'status',
      header: t('invoices.columns.status'),
      minWidth: 150,
      phone: 'badge',
      cell: (invoice) => (
        <>
          <InvoiceStatusBadge invoice={invoice} />
          {invoice.status === 'draft' && invoice.submittedAt && (
            <Text size="xs" c="dimmed">
              {t('invoices.submitted')}
            </Text>
          )}
        </>
      ),
    },
  ];
}
