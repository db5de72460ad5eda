import { Anchor, Badge, Button, Group, Text } from '@mantine/core';
import { IconBuildingBank, IconScale, IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useUrlFilters } from '../../lib/url-filters';
import { type ListColumn, ListTable } from '../../components/ListTable';
import { ListPager } from '../../components/ListPager';
import { Page } from '../../components/Page';
import { useFormat } from '../../lib/format';
import { useStatements } from './use-bank';

const PAGE_SIZE = 25;

type StatementRow = NonNullable<ReturnType<typeof useStatements>['data']>['items'][number];

/** The bank statements imported, last first, with what is left to reconcile on each. */
export default function BankStatementsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { money, date, dateTime } = useFormat();
  const { page, setPage } = useUrlFilters();
  const list = useStatements({ page, pageSize: PAGE_SIZE });
  const total = list.data?.total ?? 0;

  const columns: ListColumn<StatementRow>[] = [
    { key: 'importedAt', header: t('bank.statements.columns.importedAt'), nowrap: true, cell: (s) => dateTime(s.importedAt) },
    {
      key: 'statement',
      header: t('bank.statements.columns.statement'),
      phone: 'title',
      cell: (s) => (
        <>
          <Anchor component={Link} to={`/bank/statements/${s.id}`} fw={600}>
            {s.statementRef ?? t(`bank.format.${s.format}`)}
          </Anchor>
          <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
            {s.accountIban}
          </Text>
        </>
      ),
    },
    {
      key: 'period',
      header: t('bank.statements.columns.period'),
      nowrap: true,
      cell: (s) => (s.firstDate && s.lastDate ? (s.firstDate === s.lastDate ? date(s.firstDate) : `${date(s.firstDate)} – ${date(s.lastDate)}`) : '—'),
    },
    {
      key: 'opening',
      header: t('bank.statements.columns.opening'),
      align: 'right',
      nowrap: true,
      cell: (s) => <span data-testid="bank-statement-opening">{s.openingBalanceCents === null ? '—' : money(s.openingBalanceCents, s.currency)}</span>,
    },
    { key: 'credits', header: t('bank.statements.columns.credits'), align: 'right', nowrap: true, cell: (s) => money(s.creditCents, s.currency) },
    { key: 'debits', header: t('bank.statements.columns.debits'), align: 'right', nowrap: true, cell: (s) => money(s.debitCents, s.currency) },
    {
      key: 'closing',
      header: t('bank.statements.columns.closing'),
      align: 'right',
      nowrap: true,
      cell: (s) => <span data-testid="bank-statement-closing">{s.closingBalanceCents === null ? '—' : money(s.closingBalanceCents, s.currency)}</span>,
    },
    {
      key: 'progress',
      header: t('bank.statements.columns.progress'),
      phone: 'badge',
      cell: (s) =>
        s.unmatchedCount > 0 ? (
          <Badge color="orange" variant="light" style={{ flexShrink: 0, minWidth: 'max-content' }}>
            {t('bank.statements.toReconcile', { count: s.unmatchedCount })}
          </Badge>
        ) : (
          <Badge color="teal" variant="light" style={{ flexShrink: 0, minWidth: 'max-content' }}>
            {t('bank.statements.done')}
          </Badge>
        ),
    },
  ];

  return (
    <Page
      title={t('bank.statements.title')}
      actions={
        <Group gap="xs" wrap="wrap">
          <Button component={Link} to="/bank/reconciliation" variant="default" leftSection={<IconScale size={18} aria-hidden />} data-testid="bank-etat-open">
            {t('bank.statements.etatLink')}
          </Button>
          <Button component={Link} to="/bank/accounts" variant="default" leftSection={<IconBuildingBank size={18} aria-hidden />} data-testid="bank-accounts-open">
            {t('bank.statements.accountsLink')}
          </Button>
          <Button component={Link} to="/bank/import" leftSection={<IconUpload size={18} aria-hidden />} data-testid="bank-import-open">
            {t('bank.import.title')}
          </Button>
        </Group>
      }
    >
      <ListTable
        query={list}
        columns={columns}
        rowKey={(s) => s.id}
        rowTestId={(s) => `bank-statement-row-${s.id}`}
        onRowClick={(s) => navigate(`/bank/statements/${s.id}`)}
        empty={t('bank.statements.empty')}
        minWidth={900}
      />
      <ListPager
        total={total}
        pageSize={PAGE_SIZE}
        page={page}
        onChange={setPage}
        label={t('bank.statements.pagination')}
        count={t('bank.statements.count', { count: total })}
      />
    </Page>
  );
}
