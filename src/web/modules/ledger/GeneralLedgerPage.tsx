import { Button, Card, Select, Table, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionLoader } from '../../components/FullPageLoader';
import { ListPager } from '../../components/ListPager';
import { Page } from '../../components/Page';
import { useFormat } from '../../lib/format';
import { isValidPeriod, PeriodPicker } from './PeriodPicker';
import { csvUrl, currentYear, type Period, useAccounts, useGeneralLedger } from './use-ledger';

const PAGE_SIZE = 50;

/** Staff and admins: the general ledger (grand livre), every line of a period by account. */
export default function GeneralLedgerPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const defaults = currentYear();
  const period: Period = { from: params.get('from') ?? defaults.from, to: params.get('to') ?? defaults.to };
  const account = params.get('account') ?? undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const valid = isValidPeriod(period);
  const ledger = useGeneralLedger({ ...period, account, page, pageSize: PAGE_SIZE }, valid);
  const accounts = useAccounts();

  const setFilter = (name: keyof Period | 'account' | 'page', value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        // A new filter starts again from the first page.
        if (name !== 'page') next.delete('page');
        return next;
      },
      { replace: name !== 'page' },
    );

  const amount = (cents: number) => (cents === 0 ? '' : format.money(cents));

  return (
    <Page
      title={t('ledger.generalLedger.title')}
      actions={
        <Button
          component="a"
          href={valid ? csvUrl('/api/ledger/general-ledger', { ...period, account }) : undefined}
          download
          variant="light"
          leftSection={<IconDownload size={16} aria-hidden />}
          disabled={!valid}
          data-testid="ledger-general-ledger-csv"
        >
          {t('ledger.downloadCsv')}
        </Button>
      }
    >
      <Text c="dimmed" mt={-8}>
        {t('ledger.generalLedger.intro')}
      </Text>
      <Card padding="md">
        <PeriodPicker period={period} onChange={setFilter}>
          <Select
            label={t('ledger.generalLedger.account')}
            placeholder={t('ledger.generalLedger.allAccounts')}
            data={(accounts.data?.items ?? []).map((a) => ({ value: a.number, label: `${a.number} – ${a.label}` }))}
            value={account ?? null}
            onChange={(value) => setFilter('account', value)}
            searchable
            clearable
            data-testid="ledger-general-ledger-account"
          />
        </PeriodPicker>
      </Card>
      {ledger.isError ? (
        <ErrorAlert error={ledger.error} />
      ) : !ledger.data ? (
        valid ? <SectionLoader /> : null
      ) : (
        <Card padding={0}>
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="xs" striped data-testid="ledger-general-ledger-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('ledger.columns.account')}</Table.Th>
                  <Table.Th>{t('ledger.columns.date')}</Table.Th>
                  <Table.Th>{t('ledger.columns.journal')}</Table.Th>
                  <Table.Th>{t('ledger.columns.entryNumber')}</Table.Th>
                  <Table.Th>{t('ledger.columns.label')}</Table.Th>
                  <Table.Th>{t('ledger.columns.activity')}</Table.Th>
                  <Table.Th ta="right">{t('ledger.columns.debit')}</Table.Th>
                  <Table.Th ta="right">{t('ledger.columns.credit')}</Table.Th>
                  <Table.Th ta="right">{t('ledger.columns.balance')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {ledger.data.items.length === 0 ? (
                  <Table.Tr>
                    <Table.Td colSpan={9}>
                      <Text c="dimmed" ta="center" py="md">
                        {t('ledger.generalLedger.empty')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ) : (
                  ledger.data.items.map((line) => (
                    <Table.Tr key={`${line.entryId}-${line.lineNo}`} data-testid={`ledger-general-ledger-row-${line.entryNumber}-${line.lineNo}`}>
                      <Table.Td ff="monospace" title={line.accountLabel}>
                        {line.account}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.date(line.date)}</Table.Td>
                      <Table.Td>{line.journalCode}</Table.Td>
                      <Table.Td>{line.entryNumber}</Table.Td>
                      <Table.Td>{line.lineLabel ?? line.entryLabel}</Table.Td>
                      <Table.Td ff="monospace">{line.activityCode ?? ''}</Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{amount(line.debitCents)}</Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{amount(line.creditCents)}</Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{format.money(line.runningBalanceCents)}</Table.Td>
                    </Table.Tr>
                  ))
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      <ListPager
        total={ledger.data?.total ?? 0}
        pageSize={PAGE_SIZE}
        page={page}
        onChange={(value) => setFilter('page', value > 1 ? String(value) : null)}
        label={t('ledger.generalLedger.pages')}
        count={ledger.data ? t('ledger.generalLedger.count', { count: ledger.data.total }) : undefined}
      />
    </Page>
  );
}
