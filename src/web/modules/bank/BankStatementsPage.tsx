import { Anchor, Badge, Button, Group, Table, Text } from '@mantine/core';
import { IconBuildingBank, IconScale, IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useUrlFilters } from '../../lib/url-filters';
import { ListTable } from '../../components/ListTable';
import { ListPager } from '../../components/ListPager';
import { Page } from '../../components/Page';
import { useFormat } from '../../lib/format';
import { useStatements } from './use-bank';

const PAGE_SIZE = 25;

/** The bank statements imported, last first, with what is left to reconcile on each. */
export default function BankStatementsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { money, date, dateTime } = useFormat();
  const { page, setPage } = useUrlFilters();
  const list = useStatements({ page, pageSize: PAGE_SIZE });
  const total = list.data?.total ?? 0;

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
        minWidth={900}
        empty={t('bank.statements.empty')}
        head={
          <>
            <Table.Th>{t('bank.statements.columns.importedAt')}</Table.Th>
            <Table.Th>{t('bank.statements.columns.statement')}</Table.Th>
            <Table.Th>{t('bank.statements.columns.period')}</Table.Th>
            <Table.Th ta="right">{t('bank.statements.columns.opening')}</Table.Th>
            <Table.Th ta="right">{t('bank.statements.columns.credits')}</Table.Th>
            <Table.Th ta="right">{t('bank.statements.columns.debits')}</Table.Th>
            <Table.Th ta="right">{t('bank.statements.columns.closing')}</Table.Th>
            <Table.Th>{t('bank.statements.columns.progress')}</Table.Th>
          </>
        }
      >
        {list.data?.items.map((s) => (
          <Table.Tr key={s.id} data-testid={`bank-statement-row-${s.id}`} onClick={() => navigate(`/bank/statements/${s.id}`)} style={{ cursor: 'pointer' }}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateTime(s.importedAt)}</Table.Td>
            <Table.Td>
              <Anchor component={Link} to={`/bank/statements/${s.id}`} onClick={(e) => e.stopPropagation()} fw={600}>
                {s.statementRef ?? t(`bank.format.${s.format}`)}
              </Anchor>
              <Text size="xs" c="dimmed" ff="monospace">
                {s.accountIban}
              </Text>
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {s.firstDate && s.lastDate ? (s.firstDate === s.lastDate ? date(s.firstDate) : `${date(s.firstDate)} – ${date(s.lastDate)}`) : '—'}
            </Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} data-testid="bank-statement-opening">{s.openingBalanceCents === null ? '—' : money(s.openingBalanceCents, s.currency)}</Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{money(s.creditCents, s.currency)}</Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{money(s.debitCents, s.currency)}</Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} data-testid="bank-statement-closing">{s.closingBalanceCents === null ? '—' : money(s.closingBalanceCents, s.currency)}</Table.Td>
            <Table.Td>
              <Group gap={4}>
                {s.unmatchedCount > 0 ? (
                  <Badge color="orange" variant="light">{t('bank.statements.toReconcile', { count: s.unmatchedCount })}</Badge>
                ) : (
                  <Badge color="teal" variant="light">{t('bank.statements.done')}</Badge>
                )}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
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
