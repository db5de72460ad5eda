import { Anchor, Button, Checkbox, Group, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconBook } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormat } from '../../lib/format';
import { useActivityOptions } from '../activities';
import { type StatementLineData, useBookLine, useDebitAccounts, useUnbookLine } from './use-bank';

/** The French VAT rates a charge may carry (CGI art. 278 to 281 nonies), in basis points. */
const VAT_RATES = [2000, 1000, 550, 210] as const;
const COOP = 'coop';

/** The actions of a debit line: book it to the chart, or undo its booking by reversal. */
export function DebitActions({ line }: { line: StatementLineData }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const unbook = useUnbookLine();
  const [error, setError] = useState<unknown>(null);
  if (line.amountCents >= 0) return null;
  return (
    <>
      {line.status === 'unmatched' && (
        <Button size="xs" leftSection={<IconBook size={14} aria-hidden />} onClick={() => setOpen(true)} data-testid={`bank-line-book-${line.id}`}>
          {t('bank.book.action')}
        </Button>
      )}
      {line.status === 'booked' && (
        <>
          <Anchor component={Link} to="/ledger/general-ledger" size="sm">
            {t('bank.book.entry')}
          </Anchor>
          <Button
            size="xs"
            variant="subtle"
            color="gray"
            leftSection={<IconArrowBackUp size={14} aria-hidden />}
            loading={unbook.isPending}
            onClick={async () => {
              setError(null);
              try {
                await unbook.mutateAsync(line.id);
                notifications.show({ color: 'teal', message: t('bank.book.unbooked') });
              } catch (err) {
                setError(err);
              }
            }}
            data-testid={`bank-line-unbook-${line.id}`}
          >
            {t('bank.book.unbook')}
          </Button>
        </>
      )}
      <ErrorAlert error={error} />
      <BookDebitModal line={open ? line : null} onClose={() => setOpen(false)} />
    </>
  );
}

/** Staff choose what a debit paid: the account, who bears it, the deductible VAT; and may keep the choice as a rule. */
function BookDebitModal({ line, onClose }: { line: StatementLineData | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { money } = useFormat();
  const accounts = useDebitAccounts(Boolean(line));
  const activities = useActivityOptions({ enabled: Boolean(line) });
  const book = useBookLine();
  const [account, setAccount] = useState<string | null>(null);
  const [bearer, setBearer] = useState<string>(COOP);
  const [vatRate, setVatRate] = useState<string>('0');
  const [vatAmount, setVatAmount] = useState<number | string>('');
  const [thirdParty, setThirdParty] = useState('');
  const [remember, setRemember] = useState(false);
  const [ruleText, setRuleText] = useState('');
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const rule = line?.proposedRule;
    setAccount(rule?.account ?? null);
    setBearer(rule?.activityId ?? COOP);
    setVatRate(String(rule?.vatRateBp ?? 0));
    setVatAmount('');
    setThirdParty(rule?.thirdParty ?? '');
    setRemember(false);
    setRuleText(rule?.labelContains ?? (line?.label ?? '').split(/\s+/).slice(0, 3).join(' '));
    setError(null);
  }, [line]);

  const chosen = accounts.data?.items.find((a) => a.number === account);
  const submit = async () => {
    if (!line || !account) return;
    setError(null);
    try {
      await book.mutateAsync({
        lineId: line.id,
        body: {
          account,
          activityId: bearer === COOP ? null : bearer,
          vatRateBp: chosen?.mayDeductVat && vatRate !== '0' ? Number(vatRate) : null,
          vatCents: chosen?.mayDeductVat && vatAmount !== '' ? Math.round(Number(vatAmount) * 100) : null,
          thirdParty: thirdParty.trim() || null,
          saveRule: remember && ruleText.trim() ? { labelContains: ruleText.trim() } : null,
        },
      });
      notifications.show({ color: 'teal', message: t('bank.book.booked') });
      onClose();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <Modal opened={Boolean(line)} onClose={onClose} title={t('bank.book.title')} size="lg" fullScreen={false}>
      {line && (
        <Stack gap="sm">
          <Text size="sm">{line.label || line.reference}</Text>
          <Text size="sm" c="dimmed">{t('bank.book.intro', { amount: money(-line.amountCents) })}</Text>
          {line.proposedRule && (
            <Text size="sm" c="teal.8" data-testid="bank-book-proposed">
              {t('bank.book.proposed', { text: line.proposedRule.labelContains, account: line.proposedRule.account })}
            </Text>
          )}
          <Select
            label={t('bank.book.account')}
            searchable
            required
            data={(accounts.data?.items ?? []).map((a) => ({ value: a.number, label: `${a.number} – ${a.label}` }))}
            value={account}
            onChange={setAccount}
            data-testid="bank-book-account"
          />
          <Select
            label={t('bank.book.activity')}
            searchable
            allowDeselect={false}
            data={[{ value: COOP, label: t('bank.book.coop') }, ...(activities.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.code} – ${a.name}` }))]}
            value={bearer}
            onChange={(v) => setBearer(v ?? COOP)}
            data-testid="bank-book-activity"
          />
          {chosen?.needsThirdParty && (
            <TextInput label={t('bank.book.thirdParty')} required value={thirdParty} onChange={(e) => setThirdParty(e.currentTarget.value)} maxLength={100} data-testid="bank-book-third-party" />
          )}
          {chosen?.mayDeductVat && (
            <Group grow wrap="wrap" gap="sm">
              <Select
                label={t('bank.book.vatRate')}
                allowDeselect={false}
                data={[{ value: '0', label: t('bank.book.noVat') }, ...VAT_RATES.map((r) => ({ value: String(r), label: `${r / 100} %` }))]}
                value={vatRate}
                onChange={(v) => setVatRate(v ?? '0')}
                data-testid="bank-book-vat-rate"
                miw={140}
              />
              <NumberInput label={t('bank.book.vatAmount')} value={vatAmount} onChange={setVatAmount} min={0} decimalScale={2} decimalSeparator="," miw={140} />
            </Group>
          )}
          <Checkbox label={t('bank.book.saveRule')} checked={remember} onChange={(e) => setRemember(e.currentTarget.checked)} data-testid="bank-book-remember" />
          {remember && <TextInput label={t('bank.book.ruleText')} value={ruleText} onChange={(e) => setRuleText(e.currentTarget.value)} maxLength={100} />}
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button onClick={submit} disabled={!account} loading={book.isPending} data-testid="bank-book-submit">
              {t('bank.book.submit')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
