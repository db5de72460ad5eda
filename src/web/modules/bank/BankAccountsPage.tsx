import { Anchor, Badge, Button, Card, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconScale } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { useSession } from '../../lib/session';
import { type BankAccountData, useBankAccounts, useSaveBankAccount } from './use-bank';

const CURRENCIES = ['EUR', 'CHF', 'GBP', 'USD'] as const;
type Editing = BankAccountData | 'new' | null;

/** The coop's bank accounts: each statement goes to the account its IBAN names, booked on its 512 sub-account. */
export default function BankAccountsPage() {
  const { t } = useTranslation();
  const { hasRole } = useSession();
  const admin = hasRole('admin');
  const accounts = useBankAccounts();
  const [editing, setEditing] = useState<Editing>(null);

  return (
    <Page
      title={t('bank.accounts.title')}
      actions={
        admin ? (
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setEditing('new')} data-testid="bank-account-add">
            {t('bank.accounts.add')}
          </Button>
        ) : undefined
      }
    >
      <Anchor component={Link} to="/bank" size="sm">
        {t('bank.import.backToStatements')}
      </Anchor>
      <Text size="sm" c="dimmed">{t('bank.accounts.intro')}</Text>
      {!admin && <Text size="sm" c="dimmed">{t('bank.accounts.adminOnly')}</Text>}
      {accounts.isError && <ErrorAlert error={accounts.error} />}
      {accounts.data?.items.length === 0 && <Text c="dimmed">{t('bank.accounts.empty')}</Text>}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {accounts.data?.items.map((a) => (
          <Card key={a.id} withBorder padding="sm" data-testid={`bank-account-${a.id}`}>
            <Stack gap={4}>
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Text fw={700}>{a.label}</Text>
                <Group gap={4}>
                  <Badge variant="light">{a.currency}</Badge>
                  <Badge variant="light" color="gray">{t('bank.accounts.statementCount', { count: a.statementCount })}</Badge>
                </Group>
              </Group>
              <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>{a.iban}</Text>
              {a.otherId && <Text size="xs" c="dimmed">{t('bank.accounts.fields.otherId')} : {a.otherId}</Text>}
              <Text size="sm">
                {t('bank.accounts.fields.ledgerAccount')} {a.ledgerAccount} · {t('bank.accounts.fields.journalCode')} {a.journalCode}
                {a.bic ? ` · BIC ${a.bic}` : ''}
              </Text>
              <Group gap="xs" mt={4}>
                <Button size="xs" variant="default" component={Link} to={`/bank/reconciliation?account=${a.id}`} leftSection={<IconScale size={14} aria-hidden />}>
                  {t('bank.accounts.reconciliation')}
                </Button>
                {admin && (
                  <Button size="xs" variant="subtle" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setEditing(a)} data-testid={`bank-account-edit-${a.id}`}>
                    {t('bank.accounts.edit')}
                  </Button>
                )}
              </Group>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      <BankAccountModal editing={editing} onClose={() => setEditing(null)} />
    </Page>
  );
}

function BankAccountModal({ editing, onClose }: { editing: Editing; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveBankAccount();
  const existing = editing && editing !== 'new' ? editing : null;
  const [values, setValues] = useState({ label: '', iban: '', otherId: '', bic: '', currency: 'EUR', ledgerAccount: '512', journalCode: 'BQ' });
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setValues({
      label: existing?.label ?? '',
      iban: existing?.iban ?? '',
      otherId: existing?.otherId ?? '',
      bic: existing?.bic ?? '',
      currency: existing?.currency ?? 'EUR',
      ledgerAccount: existing?.ledgerAccount ?? '5121',
      journalCode: existing?.journalCode ?? 'BQ',
    });
    setError(null);
  }, [editing]); // eslint-disable-line react-hooks/exhaustive-deps
  const field = (name: keyof typeof values) => ({ value: values[name], onChange: (e: React.ChangeEvent<HTMLInputElement>) => setValues({ ...values, [name]: e.currentTarget.value }) });
  const locked = Boolean(existing && existing.statementCount > 0);

  const submit = async () => {
    setError(null);
    const body = {
      label: values.label,
      ...(locked ? {} : { iban: values.iban, currency: values.currency }),
      otherId: values.otherId.trim() || null,
      bic: values.bic.trim() || null,
      ledgerAccount: values.ledgerAccount,
      journalCode: values.journalCode,
    };
    try {
      await save.mutateAsync({ id: existing?.id ?? null, body: body as never });
      notifications.show({ color: 'teal', message: t('bank.accounts.saved') });
      onClose();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <Modal opened={editing !== null} onClose={onClose} title={existing ? existing.label : t('bank.accounts.add')} size="lg">
      <Stack gap="sm">
        <TextInput label={t('bank.accounts.fields.label')} required maxLength={100} {...field('label')} data-testid="bank-account-label" />
        <TextInput label={t('bank.accounts.fields.iban')} required disabled={locked} {...field('iban')} data-testid="bank-account-iban" />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput label={t('bank.accounts.fields.bic')} {...field('bic')} />
          <Select
            label={t('bank.accounts.fields.currency')}
            disabled={locked}
            allowDeselect={false}
            data={[...CURRENCIES]}
            value={values.currency}
            onChange={(v) => setValues({ ...values, currency: v ?? 'EUR' })}
          />
          <TextInput label={t('bank.accounts.fields.ledgerAccount')} required {...field('ledgerAccount')} data-testid="bank-account-ledger" />
          <TextInput label={t('bank.accounts.fields.journalCode')} required {...field('journalCode')} />
        </SimpleGrid>
        <TextInput label={t('bank.accounts.fields.otherId')} description={t('bank.accounts.fields.otherIdHint')} {...field('otherId')} />
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button onClick={submit} loading={save.isPending} data-testid="bank-account-save">
            {t('bank.accounts.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
