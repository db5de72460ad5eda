import { Button, Card, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormat } from '../../lib/format';
import { useSession } from '../../lib/session';
import { AdvanceStatusBadge } from './AdvanceStatusBadge';
import { useDocumentAdvance, useRequestAdvance } from './use-advances';

/** On an issued invoice: its advance, or the member's "Demander un préfinancement". */
export function InvoiceAdvanceCard({ invoiceId }: { invoiceId: string }) {
  return <DocumentAdvanceCard document={{ invoiceId }} />;
}

/** On a quote the client accepted: its advance, or the member's "Demander un préfinancement". */
export function QuoteAdvanceCard({ quoteId }: { quoteId: string }) {
  return <DocumentAdvanceCard document={{ quoteId }} />;
}

function DocumentAdvanceCard({ document }: { document: { invoiceId: string } | { quoteId: string } }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { hasRole } = useSession();
  const state = useDocumentAdvance(document);
  const ask = useRequestAdvance();
  const [asking, setAsking] = useState(false);
  const [amount, setAmount] = useState<number | string>('');
  if (!state.data) return null;
  const { advance, maxCents, feeRateBp, refusal } = state.data;
  const open = advance && ['requested', 'approved', 'paid'].includes(advance.status);
  const mayAsk = hasRole('member', 'admin', 'staff') && !open && maxCents > 0 && advance?.status !== 'settled';
  if (!advance && !mayAsk) return null;
  const submit = () =>
    ask.mutate(
      { ...document, amountCents: Math.round(Number(amount) * 100) },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('advances.card.asked') });
          setAsking(false);
        },
      },
    );
  return (
    <Card padding="lg" data-testid="invoice-advance">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} fz="h4">
          {t('advances.card.title')}
        </Title>
        {advance && <AdvanceStatusBadge status={advance.status} />}
      </Group>
      <Stack gap="xs">
        {'quoteId' in document && !advance && (
          <Text size="sm" c="dimmed">
            {t('advances.card.quoteRule')}
          </Text>
        )}
        {advance && (
          <Text size="sm">
            {t('advances.card.settled', { settled: fmt.money(advance.settledCents), amount: fmt.money(advance.amountCents) })}
          </Text>
        )}
        {advance?.reason && (
          <Text size="sm" c="dimmed">
            {t('advances.card.reason', { reason: advance.reason })}
          </Text>
        )}
        {!open && refusal && advance?.status !== 'settled' && (
          <Text size="sm" c="dimmed">
            {t(`advances.card.refusals.${refusal}`)}
          </Text>
        )}
        {mayAsk && !asking && (
          <Group>
            <Button variant="light" onClick={() => { setAmount(maxCents / 100); setAsking(true); }} data-testid="invoice-advance-ask">
              {t('advances.card.ask')}
            </Button>
          </Group>
        )}
        {mayAsk && asking && (
          <Stack gap="xs">
            {ask.isError && <ErrorAlert error={ask.error} />}
            <NumberInput
              label={t('advances.card.amount')}
              description={t('advances.card.max', { amount: fmt.money(maxCents), rate: feeRateBp / 100 })}
              value={amount}
              onChange={setAmount}
              min={0.01}
              max={maxCents / 100}
              decimalScale={2}
              data-testid="invoice-advance-amount"
            />
            <Group>
              <Button onClick={submit} loading={ask.isPending} disabled={!(Number(amount) > 0)} data-testid="invoice-advance-submit">
                {t('advances.card.submit')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
