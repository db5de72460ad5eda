import { Anchor, Button, Group, Select, TextInput } from '@mantine/core';
import { IconDownload, IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { QUOTE_SORTS, QUOTE_VIEW_STATES, type QuoteListPage, type QuoteSort } from '../../../modules/quotes/contract';
import { exportQueryOf, useUrlFilters, useUrlSearch, useUrlSort } from '../../lib/url-filters';
import { type ListColumn, ListTable } from '../../components/ListTable';
import { ListPager } from '../../components/ListPager';
import { Page } from '../../components/Page';
import { useFormat } from '../../lib/format';
import { useSession } from '../../lib/session';
import { useActivityOptions } from '../activities';
import { useClients } from '../clients';
import { QuoteStateBadge } from './QuoteStateBadge';
import { type QuoteFilters, type QuoteSummaryData, useQuotes } from './use-quotes';

const PAGE_SIZE = 25;

type ViewState = (typeof QUOTE_VIEW_STATES)[number];
const isState = (v: string | null): v is ViewState => (QUOTE_VIEW_STATES as readonly string[]).includes(v ?? '');

/** The quotes a person may see: the coop's for its team, "my quotes" for a member. Filters live in the URL. */
export default function QuotesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { hasRole } = useSession();
  const manages = hasRole('admin', 'staff');
  const { params, setParams, page, setFilter, setPage } = useUrlFilters();
  const sort = useUrlSort(params, setParams);
  const { search, onSearch } = useUrlSearch(params, setFilter);
  const q = params.get('q') ?? undefined;
  const statusParam = params.get('status');
  const status = isState(statusParam) ? statusParam : undefined;
  const activityId = params.get('activityId') ?? undefined;
  const clientId = params.get('clientId') ?? undefined;
  const sortBy = (QUOTE_SORTS as readonly string[]).includes(sort.by ?? '') ? (sort.by as QuoteSort) : undefined;
  const filters: QuoteFilters = { page, pageSize: PAGE_SIZE, status, activityId, clientId, q, ...(sortBy ? { sort: sortBy, dir: sort.dir } : {}) };
  const list = useQuotes(filters);
  const columns = useQuoteColumns(list.data?.totals);
  const activities = useActivityOptions();
  const clients = useClients({ pageSize: 100 });

  const total = list.data?.total ?? 0;
  const filtered = Boolean(status || activityId || clientId || q);

  return (
    <Page
      title={manages ? t('quotes.title') : t('quotes.myTitle')}
      actions={
        <Group gap="xs">
          <Button component="a" href={`/api/quotes/export.csv${exportQueryOf({ ...filters })}`} download variant="default" leftSection={<IconDownload size={18} aria-hidden />} data-testid="quote-export">
            {t('common.list.exportCsv')}
          </Button>
          <Button component={Link} to={`/quotes/new${activityId ? `?activityId=${activityId}` : ''}`} leftSection={<IconPlus size={18} aria-hidden />} data-testid="quote-new">
            {t('quotes.new')}
          </Button>
        </Group>
      }
    >
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t('quotes.filters.search')}
          placeholder={t('quotes.filters.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(e) => onSearch(e.currentTarget.value)}
          w={{ base: '100%', xs: 220 }}
          type="search"
          data-testid="quote-search"
        />
        <Select
          label={t('quotes.filters.status')}
          placeholder={t('quotes.filters.allStatuses')}
          data={QUOTE_VIEW_STATES.map((s) => ({ value: s, label: t(`quotes.state.${s}`) }))}
          value={status ?? null}
          onChange={(v) => setFilter('status', v)}
          clearable
          w={{ base: '100%', xs: 180 }}
          data-testid="quote-filter-status"
        />
        <Select
          label={t('quotes.filters.activity')}
          placeholder={t('quotes.filters.allActivities')}
          data={(activities.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.code} — ${a.name}` }))}
          value={activityId ?? null}
          onChange={(v) => setFilter('activityId', v)}
          searchable
          clearable
          w={{ base: '100%', xs: 240 }}
        />
        <Select
          label={t('quotes.filters.client')}
          placeholder={t('quotes.filters.allClients')}
          data={(clients.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={clientId ?? null}
          onChange={(v) => setFilter('clientId', v)}
          searchable
          clearable
          w={{ base: '100%', xs: 240 }}
        />
      </Group>

      <ListTable
        query={list}
        minWidth={760}
        empty={filtered ? t('quotes.emptyFiltered') : t('quotes.empty')}
        columns={columns}
        rowKey={(quote) => quote.id}
        rowTestId={(quote) => `quote-row-${quote.number ?? quote.id}`}
        onRowClick={(quote) => navigate(`/quotes/${quote.id}`)}
        sort={sort}
        totalsLabel={t('quotes.totalsLabel', { count: total })}
      />

      <ListPager
        total={total}
        pageSize={PAGE_SIZE}
        page={page}
        onChange={setPage}
        label={t('quotes.pagination')}
        count={t('quotes.count', { count: total })}
      />
    </Page>
  );
}

/** The quotes list's columns; the totals are the server's, of the whole filtered set. */
function useQuoteColumns(totals: QuoteListPage['totals'] | undefined): ListColumn<QuoteSummaryData>[] {
  const { t } = useTranslation();
  const fmt = useFormat();
  return [
    {
      key: 'number',
      header: t('quotes.columns.number'),
      sort: 'number',
      nowrap: true,
      phone: 'title',
      cell: (quote) => (
        <Anchor component={Link} to={`/quotes/${quote.id}`} fw={600} ff={quote.number ? 'monospace' : undefined}>
          {quote.number ?? t('quotes.draftNumber')}
        </Anchor>
      ),
    },
    { key: 'client', header: t('quotes.columns.client'), cell: (quote) => quote.clientName },
    { key: 'activity', header: t('quotes.columns.activity'), cell: (quote) => quote.activityName },
    { key: 'validUntil', header: t('quotes.columns.validUntil'), sort: 'validUntil', nowrap: true, cell: (quote) => fmt.date(quote.validUntil) },
    { key: 'state', header: t('quotes.columns.state'), phone: 'badge', cell: (quote) => <QuoteStateBadge state={quote.state} fullyInvoiced={quote.fullyInvoiced} mailStatus={quote.sentMailStatus} /> },
    {
      key: 'net',
      header: t('quotes.columns.net'),
      sort: 'net',
      align: 'right',
      nowrap: true,
      cell: (quote) => fmt.money(quote.netCents),
      total: totals && <span data-testid="quotes-total-net">{fmt.money(totals.netCents)}</span>,
    },
    {
      key: 'gross',
      header: t('quotes.columns.gross'),
      sort: 'gross',
      align: 'right',
      nowrap: true,
      cell: (quote) => fmt.money(quote.grossCents),
      total: totals && <span data-testid="quotes-total-gross">{fmt.money(totals.grossCents)}</span>,
    },
  ];
}
