import { Anchor, Button, Card, SimpleGrid, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { COOP_TREASURY_SORTS, type CoopTreasurySort } from '../../../modules/treasury/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListPager } from '../../components/ListPager';
import { type ListColumn, ListTable } from '../../components/ListTable';
import { Page } from '../../components/Page';
import { useFormat } from '../../lib/format';
import { exportQueryOf, useUrlFilters, useUrlSort } from '../../lib/url-filters';
import { type CoopTreasuryData, type CoopTreasuryFilters, type CoopTreasuryRowData, useCoopTreasury, useGuaranteeFund } from './use-treasury';

const PAGE_SIZE = 25;

/** Every activity's money in one table (the team and the accountant), and the guarantee fund beside it. */
export default function CoopTreasuryPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { params, setParams, page, setPage } = useUrlFilters();
  const sort = useUrlSort(params, setParams);
  const sortBy = (COOP_TREASURY_SORTS as readonly string[]).includes(sort.by ?? '') ? (sort.by as CoopTreasurySort) : undefined;
  const filters: CoopTreasuryFilters = { page, pageSize: PAGE_SIZE, ...(sortBy ? { sort: sortBy, dir: sort.dir } : {}) };
  const list = useCoopTreasury(filters);
  const columns = useColumns(list.data?.totals);
  const total = list.data?.total ?? 0;
  return (
    <Page
      title={t('treasury.coop.title')}
      actions={
        <Button
          component="a"
          href={`/api/treasury/activities.csv${exportQueryOf(sortBy ? { sort: sortBy, dir: sort.dir } : {})}`}
          download
          variant="default"
          leftSection={<IconDownload size={18} aria-hidden />}
          data-testid="treasury-export"
        >
          {t('common.list.exportCsv')}
        </Button>
      }
    >
      <GuaranteeFundCard />
      {!sortBy && (
        <Text size="sm" c="dimmed">
          {t('treasury.coop.defaultOrder')}
        </Text>
      )}
      <ListTable
        query={list}
        minWidth={980}
        columns={columns}
        rowKey={(r) => r.activityId}
        rowTestId={(r) => `treasury-row-${r.activityCode}`}
        onRowClick={(r) => navigate(`/activities/${r.activityId}/treasury`)}
        sort={sort}
        empty={t('treasury.coop.empty')}
        totalsLabel={t('treasury.coop.totalsLabel', { count: total })}
        totalsTestId="treasury-totals"
      />
      <ListPager total={total} pageSize={PAGE_SIZE} page={page} onChange={setPage} label={t('treasury.coop.pagination')} count={t('treasury.coop.count', { count: total })} />
    </Page>
  );
}

function useColumns(totals: CoopTreasuryData['totals'] | undefined): ListColumn<CoopTreasuryRowData>[] {
  const { t } = useTranslation();
  const fmt = useFormat();
  const money = (key: keyof CoopTreasuryData['totals'], header: string, sort?: CoopTreasurySort): ListColumn<CoopTreasuryRowData> => ({
    key,
    header,
    align: 'right',
    nowrap: true,
    sort,
    cell: (r) => fmt.money(r[key]),
    total: totals ? fmt.money(totals[key]) : undefined,
  });
  return [
    {
      key: 'activity',
      header: t('treasury.coop.activity'),
      phone: 'title',
      minWidth: 200,
      cell: (r) => (
        <Anchor component={Link} to={`/activities/${r.activityId}/treasury`} fw={600}>
          {r.activityCode} — {r.activityName}
        </Anchor>
      ),
    },
    money('invoicedCents', t('treasury.figures.invoiced'), 'invoiced'),
    money('collectedCents', t('treasury.figures.collected'), 'collected'),
    money('owedCents', t('treasury.figures.owed'), 'owed'),
    money('contributionCents', t('treasury.figures.contribution')),
    money('expensesCents', t('treasury.figures.expenses')),
    money('salariesCents', t('treasury.figures.salaries'), 'salaries'),
    money('advancesOutstandingCents', t('treasury.figures.advances'), 'advances'),
    money('availableCents', t('treasury.figures.available'), 'available'),
  ];
}

/** The guarantee fund as the ledger says: endowment and fees in, write-offs and advances out. */
function GuaranteeFundCard() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const fund = useGuaranteeFund();
  const figure = (label: string, cents: number | undefined, testId: string, strong = false) => (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={strong ? 700 : 600} fz={strong ? 'lg' : undefined} data-testid={testId}>
        {cents === undefined ? '…' : fmt.money(cents)}
      </Text>
    </div>
  );
  return (
    <Card padding="lg" data-testid="guarantee-fund">
      <Title order={2} fz="h4" mb="sm">
        {t('treasury.fund.title')}
      </Title>
      {fund.isError ? (
        <ErrorAlert error={fund.error} />
      ) : (
        <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
          {figure(t('treasury.fund.endowment'), fund.data?.endowmentCents, 'fund-endowment')}
          {figure(t('treasury.fund.income'), fund.data?.incomeCents, 'fund-income')}
          {figure(t('treasury.fund.writeOffs'), fund.data?.writeOffsCents, 'fund-write-offs')}
          {figure(t('treasury.fund.advancesOutstanding'), fund.data?.advancesOutstandingCents, 'fund-advances')}
          {figure(t('treasury.fund.available'), fund.data?.availableCents, 'fund-available', true)}
        </SimpleGrid>
      )}
    </Card>
  );
}
