import { Alert, Anchor, Card, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { useFormat } from '../../lib/format';
import { useBankAccounts, useReconciliationStatement } from './use-bank';

/** Today as the browser's calendar day, the default date of the statement. */
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/**
 * The état de rapprochement of a bank account at a date: the bank's balance, the books' 512
 * balance, and the movements on one side only that explain the difference.
 */
export default function ReconciliationStatementPage() {
  const { t } = useTranslation();
  const { money, date } = useFormat();
  const [params, setParams] = useSearchParams();
  const accounts = useBankAccounts();
  const accountId = params.get('account') ?? accounts.data?.items[0]?.id ?? null;
  const day = params.get('date') ?? today();
  const statement = useReconciliationStatement(accountId, day);
  const s = statement.data;
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  useEffect(() => {
    if (!params.get('account') && accountId) set('account', accountId);
  }, [accountId]); // eslint-disable-line react-hooks/exhaustive-deps
  const cur = s?.bankAccount.currency;

  return (
    <Page title={t('bank.etat.title')}>
      <Anchor component={Link} to="/bank" size="sm">
        {t('bank.import.backToStatements')}
      </Anchor>
      <Group gap="sm" wrap="wrap" align="flex-end">
        <Select
          label={t('bank.etat.account')}
          allowDeselect={false}
          data={(accounts.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.label} (${a.ledgerAccount})` }))}
          value={accountId}
          onChange={(v) => set('account', v)}
          w={{ base: '100%', xs: 300 }}
          data-testid="bank-etat-account"
        />
        <TextInput type="date" label={t('bank.etat.date')} value={day} onChange={(e) => set('date', e.currentTarget.value)} w={{ base: '100%', xs: 180 }} data-testid="bank-etat-date" />
      </Group>
      {statement.isError && <ErrorAlert error={statement.error} />}
      {accounts.data?.items.length === 0 && <Text c="dimmed">{t('bank.accounts.empty')}</Text>}
      {s && (
        <Stack gap="md" data-testid="bank-etat" style={{ minWidth: 0 }}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Card withBorder padding="sm">
              <Text size="sm" c="dimmed">{t('bank.etat.bankBalance')}</Text>
              <Text fw={700} size="lg" data-testid="bank-etat-bank-balance">{s.bankBalanceCents === null ? '—' : money(s.bankBalanceCents, cur)}</Text>
              <Text size="xs" c="dimmed">
                {s.statement ? t('bank.etat.fromStatement', { ref: s.statement.statementRef ?? '', date: s.statement.lastDate ? date(s.statement.lastDate) : '—' }) : t('bank.etat.noBankBalance')}
              </Text>
            </Card>
            <Card withBorder padding="sm">
              <Text size="sm" c="dimmed">{t('bank.etat.ledgerBalance', { account: s.bankAccount.ledgerAccount })}</Text>
              <Text fw={700} size="lg" data-testid="bank-etat-ledger-balance">{money(s.ledgerBalanceCents, cur)}</Text>
            </Card>
          </SimpleGrid>
          <Items
            title={t('bank.etat.bankOnly')}
            rows={s.bankOnly.map((l) => ({ key: l.lineId, date: l.date, label: l.status === 'ignored' ? `${l.label} (${t('bank.etat.ignoredTag')})` : l.label, amount: l.amountCents }))}
            currency={cur}
            testId="bank-etat-bank-only"
          />
          <Items
            title={t('bank.etat.ledgerOnly', { account: s.bankAccount.ledgerAccount })}
            rows={s.ledgerOnly.map((l) => ({ key: l.entryId, date: l.date, label: `n° ${l.entryNumber} – ${l.label}`, amount: l.amountCents }))}
            currency={cur}
            testId="bank-etat-ledger-only"
          />
          <Card withBorder padding="sm">
            <Group justify="space-between" wrap="wrap">
              <Text size="sm">{t('bank.etat.explained')}</Text>
              <Text fw={700}>{money(s.explainedBalanceCents, cur)}</Text>
            </Group>
            {s.differenceCents !== null && (
              <Group justify="space-between" wrap="wrap">
                <Text size="sm">{t('bank.etat.difference')}</Text>
                <Text fw={700} data-testid="bank-etat-difference">{money(s.differenceCents, cur)}</Text>
              </Group>
            )}
          </Card>
          {s.differenceCents !== null && (
            <Alert color={s.differenceCents === 0 ? 'teal' : 'orange'} data-testid="bank-etat-verdict">
              {s.differenceCents === 0 ? t('bank.etat.balanced') : t('bank.etat.unbalanced', { amount: money(s.differenceCents, cur) })}
            </Alert>
          )}
        </Stack>
      )}
    </Page>
  );
}

function Items({ title, rows, currency, testId }: { title: string; rows: { key: string; date: string; label: string; amount: number }[]; currency?: string; testId: string }) {
  const { t } = useTranslation();
  const { money, date } = useFormat();
  return (
    <Stack gap={4} data-testid={testId}>
      <Text fw={600}>{title}</Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">{t('bank.etat.none')}</Text>
      ) : (
        // Rows that wrap rather than a table: on a phone the label takes the room left and
        // breaks, the day and the amount stay whole, and nothing widens the page.
        <Stack gap={0}>
          {rows.map((r) => (
            <Group key={r.key} gap="sm" wrap="nowrap" align="flex-start" py={6} style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
              <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{date(r.date)}</Text>
              <Text size="sm" style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>{r.label}</Text>
              <Text size="sm" ta="right" style={{ whiteSpace: 'nowrap' }}>{money(r.amount, currency)}</Text>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
