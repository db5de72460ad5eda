import { Button, Card, Table, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionLoader } from '../../components/FullPageLoader';
import { Page } from '../../components/Page';
import { useFormat } from '../../lib/format';
import { isValidPeriod, PeriodPicker } from './PeriodPicker';
import { csvUrl, currentYear, type Period, useTrialBalance } from './use-ledger';

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
      {balance.isError ? (
        <ErrorAlert error={balance.error} />
      ) : !balance.data ? (
        valid ? <SectionLoader /> : null
      ) : (
        <Card padding={0}>
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="xs" striped data-testid="ledger-trial-balance-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('ledger.columns.account')}</Table.Th>
                  <Table.Th>{t('ledger.columns.label')}</Table.Th>
                  <Table.Th ta="right">{t('ledger.columns.debit')}</Table.Th>
                  <Table.Th ta="right">{t('ledger.columns.credit')}</Table.Th>
                  <Table.Th ta="right">{t('ledger.columns.debitBalance')}</Table.Th>
                  <Table.Th ta="right">{t('ledger.columns.creditBalance')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {balance.data.rows.length === 0 ? (
                  <Table.Tr>
                    <Table.Td colSpan={6}>
                      <Text c="dimmed" ta="center" py="md">
                        {t('ledger.trialBalance.empty')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ) : (
                  balance.data.rows.map((row) => (
                    <Table.Tr key={row.account} data-testid={`ledger-trial-balance-row-${row.account}`}>
                      <Table.Td ff="monospace">{row.account}</Table.Td>
                      <Table.Td>{row.label}</Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{amount(row.debitCents)}</Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{amount(row.creditCents)}</Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{amount(row.debitBalanceCents)}</Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{amount(row.creditBalanceCents)}</Table.Td>
                    </Table.Tr>
                  ))
                )}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr fw={700} data-testid="ledger-trial-balance-totals">
                  <Table.Td colSpan={2}>{t('ledger.total')}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{format.money(balance.data.totals.debitCents)}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{format.money(balance.data.totals.creditCents)}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{format.money(balance.data.totals.debitBalanceCents)}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{format.money(balance.data.totals.creditBalanceCents)}</Table.Td>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </Page>
  );
}
