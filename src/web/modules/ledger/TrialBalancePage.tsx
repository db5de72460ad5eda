import { Button, Card, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type ListColumn, ListTable } from '../../components/ListTable';
import { Page } from '../../components/Page';
import { useFormat } from '../../lib/format';
import { LedgerExports } from './LedgerExports';
import { isValidPeriod, PeriodPicker } from './PeriodPicker';
import { csvUrl, currentYear, type Period, useTrialBalance } from './use-ledger';

type TrialBalanceRow = NonNullable<ReturnType<typeof useTrialBalance>['data']>['rows'][number];

/** Staff and admins: the trial balance (balance générale) of a period, account by account. */
export default function TrialBalancePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const defaults = currentYear();
  const period: Period = { from: params.get('from') ?? defaults.from, to: params.get('to') ?? defaults.to };
  const valid = isValidPeriod(period);
  const balance = useTrialBalance(period, valid);

  const setPeriod = (name: keyof Period, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set(name, value);
        return next;
      },
      { replace: true },
    );

  const amount = (cents: number) => (cents === 0 ? '' : format.money(cents));

  const totals = balance.data?.totals;
  const columns: ListColumn<TrialBalanceRow>[] = [
    { key: 'account', header: t('ledger.columns.account'), phone: 'title', cell: (row) => <Text ff="monospace" size="sm" fw={600}>{row.account}</Text> },
    { key: 'label', header: t('ledger.columns.label'), phone: 'title', cell: (row) => <Text size="sm">{row.label}</Text> },
    { key: 'debit', header: t('ledger.columns.debit'), align: 'right', nowrap: true, cell: (row) => amount(row.debitCents), total: totals && format.money(totals.debitCents) },
    { key: 'credit', header: t('ledger.columns.credit'), align: 'right', nowrap: true, cell: (row) => amount(row.creditCents), total: totals && format.money(totals.creditCents) },
    { key: 'debitBalance', header: t('ledger.columns.debitBalance'), align: 'right', nowrap: true, cell: (row) => amount(row.debitBalanceCents), total: totals && format.money(totals.debitBalanceCents) },
    { key: 'creditBalance', header: t('ledger.columns.creditBalance'), align: 'right', nowrap: true, cell: (row) => amount(row.creditBalanceCents), total: totals && format.money(totals.creditBalanceCents) },
  ];

  return (
    <Page
      title={t('ledger.trialBalance.title')}
      actions={
        <Button
          component="a"
          href={valid ? csvUrl('/api/ledger/trial-balance', { ...period }) : undefined}
          download
          variant="light"
          leftSection={<IconDownload size={16} aria-hidden />}
          disabled={!valid}
          data-testid="ledger-trial-balance-csv"
        >
          {t('ledger.downloadCsv')}
        </Button>
      }
    >
      <Text c="dimmed" mt={-8}>
        {t('ledger.trialBalance.intro')}
      </Text>
      <Card padding="md">
        <PeriodPicker period={period} onChange={setPeriod} />
      </Card>
      <LedgerExports period={period} valid={valid} />
      {valid && (
        <ListTable
          query={{ ...balance, data: balance.data && { items: balance.data.rows } }}
          columns={columns}
          rowKey={(row) => row.account}
          rowTestId={(row) => `ledger-trial-balance-row-${row.account}`}
          empty={t('ledger.trialBalance.empty')}
          minWidth={720}
          totalsLabel={t('ledger.total')}
          totalsTestId="ledger-trial-balance-totals"
          tableTestId="ledger-trial-balance-table"
          striped
          highlightOnHover={false}
        />
      )}
    </Page>
  );
}
