import { Anchor, Button, Group, Select, Table } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { QUOTE_VIEW_STATES } from '../../../modules/quotes/contract';
import { useUrlFilters } from '../../lib/url-filters';
import { ListTable } from '../../components/ListTable';
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
  const { params, page, setFilter, setPage } = useUrlFilters();
  const statusParam = params.get('status');
  const status = isState(statusParam) ? statusParam : undefined;
  const activityId = params.get('activityId') ?? undefined;
  const clientId = params.get('clientId') ?? undefined;
  const filters: QuoteFilters = { page, pageSize: PAGE_SIZE, status, activityId, clientId };
  const list = useQuotes(filters);
  const activities = useActivityOptions();
  const clients = useClients({ pageSize: 100 });

  const total = list.data?.total ?? 0;
  const filtered = Boolean(status || activityId || clientId);

  return (
    <Page
      title={manages ? t('quotes.title') : t('quotes.myTitle')}
      actions={
        <Button component={Link} to={`/quotes/new${activityId ? `?activityId=${activityId}` : ''}`} leftSection={<IconPlus size={18} aria-hidden />} data-testid="quote-new">
          {t('quotes.new')}
        </Button>
      }
    >
      <Group gap="sm" align="flex-end" wrap="wrap">
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
        minWidth={680}
        empty={filtered ? t('quotes.emptyFiltered') : t('quotes.empty')}
        head={
          <>
            <Table.Th>{t('quotes.columns.number')}</Table.Th>
            <Table.Th>{t('quotes.columns.client')}</Table.Th>
            <Table.Th>{t('quotes.columns.activity')}</Table.Th>
            <Table.Th>{t('quotes.columns.validUntil')}</Table.Th>
            <Table.Th>{t('quotes.columns.state')}</Table.Th>
            <Table.Th ta="right">{t('quotes.columns.gross')}</Table.Th>
          </>
        }
      >
        {list.data?.items.map((quote) => (
          <QuoteRow key={quote.id} quote={quote} onOpen={() => navigate(`/quotes/${quote.id}`)} />
        ))}
      </ListTable>

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

function QuoteRow({ quote, onOpen }: { quote: QuoteSummaryData; onOpen: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Table.Tr data-testid={`quote-row-${quote.number ?? quote.id}`} onClick={onOpen} style={{ cursor: 'pointer' }}>
      <Table.Td>
        <Anchor component={Link} to={`/quotes/${quote.id}`} fw={600} ff={quote.number ? 'monospace' : undefined} onClick={(e) => e.stopPropagation()}>
          {quote.number ?? t('quotes.draftNumber')}
        </Anchor>
      </Table.Td>
      <Table.Td>{quote.clientName}</Table.Td>
      <Table.Td>{quote.activityName}</Table.Td>
      <Table.Td>{fmt.date(quote.validUntil)}</Table.Td>
      <Table.Td>
        <QuoteStateBadge state={quote.state} />
      </Table.Td>
      <Table.Td ta="right">{fmt.money(quote.grossCents)}</Table.Td>
    </Table.Tr>
  );
}
