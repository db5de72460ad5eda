import { Anchor, Button, Card, Select, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useActivityOptions } from '../activities';
import { type ListColumn, ListTable } from '../../components/ListTable';
import { ListPager } from '../../components/ListPager';
import { Page } from '../../components/Page';
import { useFormat } from '../../lib/format';
import { isValidPeriod, PeriodPicker } from './PeriodPicker';
import { documentLink } from './document-links';
import { LedgerExports } from './LedgerExports';
import { csvUrl, currentYear, type Period, useAccounts, useGeneralLedger } from './use-ledger';

type LedgerLine = NonNullable<ReturnType<typeof useGeneralLedger>['data']>['items'][number];
type LedgerAccount = NonNullable<ReturnType<typeof useGeneralLedger>['data']>['accounts'][number];

const PAGE_SIZE = 50;

/** Staff, admins and the accountant: the general ledger (grand livre), every line of a period by account, opened on each account's balance, for the coop or one activity. */
export default function GeneralLedgerPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const defaults = currentYear();
  const period: Period = { from: params.get('from') ?? defaults.from, to: params.get('to') ?? defaults.to };
  const account = params.get('account') ?? undefined;
  const activityId = params.get('activityId') ?? undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const valid = isValidPeriod(period);
  const ledger = useGeneralLedger({ ...period, account, activityId, page, pageSize: PAGE_SIZE }, valid);
  const accounts = useAccounts();
  const activities = useActivityOptions();

  const setFilter = (name: keyof Period | 'account' | 'activityId' | 'page', value: string | null) =>
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

  const columns: ListColumn<LedgerLine>[] = [
    {
      key: 'account',
      header: t('ledger.columns.account'),
      phone: 'title',
      cell: (line) => (
        <Text ff="monospace" size="sm" title={line.accountLabel}>
          {line.account}
        </Text>
      ),
    },
    { key: 'date', header: t('ledger.columns.date'), nowrap: true, cell: (line) => format.date(line.date) },
    { key: 'journal', header: t('ledger.columns.journal'), cell: (line) => line.journalCode },
    { key: 'entryNumber', header: t('ledger.columns.entryNumber'), phone: 'badge', cell: (line) => line.entryNumber },
    {
      key: 'label',
      header: t('ledger.columns.label'),
      cell: (line) => {
        const text = line.lineLabel ?? line.entryLabel;
        const to = documentLink(line.sourceType, line.sourceId, line.date);
        return to ? (
          <Anchor component={Link} to={to} size="sm" title={t('ledger.generalLedger.openDocument')} data-testid={`ledger-line-document-${line.entryNumber}-${line.lineNo}`}>
            {text}
          </Anchor>
        ) : (
          text
        );
      },
    },
    { key: 'auxiliary', header: t('ledger.columns.auxiliary'), cell: (line) => <Text ff="monospace" size="sm">{line.auxiliaryNumber ?? ''}</Text> },
    { key: 'activity', header: t('ledger.columns.activity'), cell: (line) => <Text ff="monospace" size="sm">{line.activityCode ?? ''}</Text> },
    { key: 'debit', header: t('ledger.columns.debit'), align: 'right', nowrap: true, cell: (line) => amount(line.debitCents) },
    { key: 'credit', header: t('ledger.columns.credit'), align: 'right', nowrap: true, cell: (line) => amount(line.creditCents) },
    { key: 'balance', header: t('ledger.columns.balance'), align: 'right', nowrap: true, cell: (line) => format.money(line.runningBalanceCents) },
  ];

  const summaries = ledger.data?.accounts;
  const sum = (pick: (a: LedgerAccount) => number) => format.money((summaries ?? []).reduce((n, a) => n + pick(a), 0));
  const accountColumns: ListColumn<LedgerAccount>[] = [
    { key: 'account', header: t('ledger.columns.account'), phone: 'title', cell: (a) => <Text ff="monospace" size="sm" fw={600}>{a.account}</Text> },
    { key: 'label', header: t('ledger.columns.label'), phone: 'title', cell: (a) => <Text size="sm">{a.accountLabel}</Text> },
    { key: 'opening', header: t('ledger.columns.opening'), align: 'right', nowrap: true, cell: (a) => format.money(a.openingCents), total: summaries && sum((a) => a.openingCents) },
    { key: 'debit', header: t('ledger.columns.debit'), align: 'right', nowrap: true, cell: (a) => amount(a.debitCents), total: summaries && sum((a) => a.debitCents) },
    { key: 'credit', header: t('ledger.columns.credit'), align: 'right', nowrap: true, cell: (a) => amount(a.creditCents), total: summaries && sum((a) => a.creditCents) },
    { key: 'closing', header: t('ledger.columns.closing'), align: 'right', nowrap: true, cell: (a) => format.money(a.closingCents), total: summaries && sum((a) => a.closingCents) },
  ];

  return (
    <Page
      title={t('ledger.generalLedger.title')}
      actions={
        <Button
          component="a"
          href={valid ? csvUrl('/api/ledger/general-ledger', { ...period, account, activityId }) : undefined}
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
          <Select
            label={t('ledger.generalLedger.activity')}
            placeholder={t('ledger.generalLedger.allActivities')}
            data={(activities.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.code} – ${a.name}` }))}
            value={activityId ?? null}
            onChange={(value) => setFilter('activityId', value)}
            searchable
            clearable
            data-testid="ledger-general-ledger-activity"
          />
        </PeriodPicker>
      </Card>
      <LedgerExports period={period} valid={valid} />
      {valid && (
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('ledger.generalLedger.accountsTitle')}
          </Title>
          <ListTable
            query={{ ...ledger, data: summaries && { items: summaries } }}
            columns={accountColumns}
            rowKey={(a) => a.account}
            rowTestId={(a) => `ledger-general-ledger-account-${a.account}`}
            empty={t('ledger.generalLedger.accountsEmpty')}
            minWidth={720}
            totalsLabel={t('ledger.total')}
            tableTestId="ledger-general-ledger-accounts"
            striped
            highlightOnHover={false}
          />
        </Stack>
      )}
      {valid && (
        <ListTable
          query={ledger}
          columns={columns}
          rowKey={(line) => `${line.entryId}-${line.lineNo}`}
          rowTestId={(line) => `ledger-general-ledger-row-${line.entryNumber}-${line.lineNo}`}
          empty={t('ledger.generalLedger.empty')}
          minWidth={1000}
          tableTestId="ledger-general-ledger-table"
          striped
          highlightOnHover={false}
        />
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
