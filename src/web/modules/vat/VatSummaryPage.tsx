import { Anchor, Badge, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { recentVatPeriods, VAT_LEDGER_BOXES } from '../../../modules/vat/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { type ListColumn, ListTable } from '../../components/ListTable';
import { ListPager } from '../../components/ListPager';
import { Page } from '../../components/Page';
import { useFormat } from '../../lib/format';
import { documentLink } from '../ledger';
import { type LedgerBox, useConfirmVatReturn, useVatBoxEntries, useVatSettings, useVatSummary, type VatBoxEntryData, type VatSummaryData } from './use-vat';

const PAGE_SIZE = 25;
type BoxRow = VatSummaryData['boxes'][number];
const isLedgerBox = (box: string | null): box is LedgerBox => box !== null && (VAT_LEDGER_BOXES as readonly string[]).includes(box);

/** The accountant's VAT return: the boxes of a month or a quarter, and the entries behind each. */
export default function VatSummaryPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const settings = useVatSettings();
  const today = new Date().toISOString().slice(0, 10);
  const periods = recentVatPeriods(today, settings.data?.periodicity ?? 'monthly', 12);
  const period = params.get('period') ?? periods[0]!;
  const boxParam = params.get('box');
  const box = isLedgerBox(boxParam) ? boxParam : null;
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const summary = useVatSummary(period);
  const entries = useVatBoxEntries({ period, box, page, pageSize: PAGE_SIZE });
  const confirm = useConfirmVatReturn();

  const set = (values: Record<string, string | null>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [k, v] of Object.entries(values)) if (v === null) next.delete(k); else next.set(k, v);
        return next;
      },
      { replace: true },
    );

  const periodLabel = (key: string) => {
    const [year, part] = key.split('-');
    return part!.startsWith('Q') ? t('vat.quarter', { quarter: part!.slice(1), year }) : format.date(`${key}-01`, { month: 'long', year: 'numeric' });
  };
  const amount = (cents: number | null) => (cents === null ? '' : format.money(cents));

  const boxColumns: ListColumn<BoxRow>[] = [
    {
      key: 'box',
      header: t('vat.columns.box'),
      phone: 'title',
      nowrap: true,
      cell: (row) =>
        isLedgerBox(row.box) ? (
          <Button variant={row.box === box ? 'filled' : 'light'} size="compact-sm" onClick={() => set({ box: row.box, page: null })} data-testid={`vat-box-${row.box}`} aria-label={t('vat.openBox', { box: row.box })}>
            {row.box}
          </Button>
        ) : (
          <Text fw={600} size="sm" data-testid={`vat-box-${row.box}`}>
            {row.box}
          </Text>
        ),
    },
    { key: 'label', header: t('vat.columns.label'), phone: 'title', cell: (row) => <Text size="sm">{t(`vat.boxes.${row.box}`)}</Text> },
    { key: 'base', header: t('vat.columns.base'), align: 'right', nowrap: true, cell: (row) => amount(row.baseCents) },
    { key: 'tax', header: t('vat.columns.tax'), align: 'right', nowrap: true, cell: (row) => (row.box === 'A1' ? '' : <span data-testid={`vat-box-tax-${row.box}`}>{amount(row.taxCents)}</span>) },
  ];

  const entryColumns: ListColumn<VatBoxEntryData>[] = [
    { key: 'date', header: t('vat.columns.date'), nowrap: true, phone: 'title', cell: (e) => format.date(e.date) },
    { key: 'number', header: t('vat.columns.entry'), nowrap: true, cell: (e) => `${e.journal} ${e.entryNumber}` },
    { key: 'label', header: t('vat.columns.label'), cell: (e) => <Text size="sm">{e.label}</Text> },
    {
      key: 'document',
      header: t('vat.columns.document'),
      nowrap: true,
      cell: (e) => {
        const to = documentLink(e.sourceType, e.sourceId, e.date);
        const text = e.documentRef ?? t('vat.open');
        return to ? (
          <Anchor component={Link} to={to} size="sm" data-testid={`vat-entry-document-${e.entryNumber}`}>
            {text}
          </Anchor>
        ) : (
          e.documentRef ?? ''
        );
      },
    },
    { key: 'amount', header: t('vat.columns.amount'), align: 'right', nowrap: true, cell: (e) => format.money(e.amountCents) },
  ];

  const data = summary.data;
  const over = data ? today > data.end : false;
  const doConfirm = () => {
    confirm.mutate(period, { onSuccess: () => notifications.show({ color: 'teal', message: t('vat.confirmed') }) });
  };

  return (
    <Page title={t('vat.title')}>
      <Text c="dimmed" mt={-8}>
        {t('vat.intro')}
      </Text>
      <Card padding="md">
        <Stack gap="sm">
          <Group align="end" wrap="wrap">
            <Select
              label={t('vat.period')}
              data={periods.map((key) => ({ value: key, label: periodLabel(key) }))}
              value={period}
              onChange={(value) => value && set({ period: value, box: null, page: null })}
              allowDeselect={false}
              maw={260}
              w="100%"
              data-testid="vat-period"
            />
            {data?.confirmed ? (
              <Badge color="teal" size="lg" leftSection={<IconCircleCheck size={14} aria-hidden />} data-testid="vat-confirmed">
                {t('vat.confirmedOn', { date: format.date(data.confirmed.at) })}
              </Badge>
            ) : (
              over && (
                <Button variant="light" onClick={doConfirm} loading={confirm.isPending} data-testid="vat-confirm">
                  {t('vat.confirm')}
                </Button>
              )
            )}
          </Group>
          {data && (
            <Text size="sm" c="dimmed">
              {t(data.regime === 'receipts' ? 'vat.regimeReceipts' : 'vat.regimeDebits')}
            </Text>
          )}
          <ErrorAlert error={confirm.error} />
        </Stack>
      </Card>
      <ListTable
        query={{ ...summary, data: data && { items: data.boxes } }}
        columns={boxColumns}
        rowKey={(row) => row.box}
        rowTestId={(row) => `vat-row-${row.box}`}
        empty={t('vat.empty')}
        minWidth={560}
        tableTestId="vat-boxes"
        striped
        highlightOnHover={false}
      />
      {data && data.otherCollectedCents !== 0 && <Text size="sm">{t('vat.otherRates', { amount: format.money(data.otherCollectedCents) })}</Text>}
      {box && (
        <Stack gap="sm">
          <Title order={2} fz="h4" data-testid="vat-entries-title">
            {t('vat.entriesOf', { box, label: t(`vat.boxes.${box}`) })}
          </Title>
          <ListTable
            query={entries}
            columns={entryColumns}
            rowKey={(e) => `${e.entryId}-${e.account}-${e.label}`}
            rowTestId={(e) => `vat-entry-${e.entryNumber}`}
            empty={t('vat.noEntries')}
            minWidth={760}
            tableTestId="vat-entries"
            striped
            highlightOnHover={false}
          />
          <ListPager
            total={entries.data?.total ?? 0}
            pageSize={PAGE_SIZE}
            page={page}
            onChange={(value) => set({ page: value > 1 ? String(value) : null })}
            label={t('vat.pages')}
            count={entries.data ? t('vat.count', { count: entries.data.total }) : undefined}
          />
        </Stack>
      )}
    </Page>
  );
}
