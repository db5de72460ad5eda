import { Anchor, Button, Card, Checkbox, Group, SegmentedControl, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileInvoice } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { InvoiceQuoteBody } from '../../../modules/quotes/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { isApiError } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { eurosToCents } from '../documents';
import { percentToBp } from './quote-form';
import { type QuoteData, useInvoiceQuote } from './use-quotes';

type Kind = InvoiceQuoteBody['kind'];

/**
 * Turns an accepted quote into draft invoices: all of it, a deposit (a percentage or an
 * amount excluding VAT), a stage, then the balance; with what is already invoiced and what
 * remains, and going beyond the quote only when said so, with the reason. The new draft opens
 * at once, where it is checked and sent. Once nothing is left (`canInvoice` false), only the
 * invoices made from the quote are listed.
 */
export function InvoiceQuotePanel({ quote, canInvoice = true }: { quote: QuoteData; canInvoice?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const fmt = useFormat();
  const invoice = useInvoiceQuote(quote.id);
  const started = quote.invoices.length > 0;
  const [kind, setKind] = useState<Kind>(started ? 'balance' : 'deposit');
  const [shareMode, setShareMode] = useState<'percent' | 'amount'>('percent');
  const [share, setShare] = useState('30');
  const [allowExceed, setAllowExceed] = useState(false);
  const [exceedReason, setExceedReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const remaining = Math.max(0, quote.netCents - quote.invoicedNetCents);
  const kinds: Kind[] = started ? ['deposit', 'stage', 'balance'] : ['whole', 'deposit', 'stage'];

  const fieldError = (path: string) => (isApiError(error) ? error.fields.find((f) => f.path === path)?.message : undefined);
  const localShareError = () => {
    if (kind === 'whole' || kind === 'balance') return undefined;
    const ok = kind === 'deposit' && shareMode === 'amount' ? (eurosToCents(share) ?? 0) > 0 : percentToBp(share) !== null;
    return ok ? undefined : t(kind === 'deposit' && shareMode === 'amount' ? 'quotes.invoicing.badAmount' : 'quotes.invoicing.badPercent');
  };

  const submit = async () => {
    setError(null);
    if (localShareError()) return;
    const byAmount = kind === 'deposit' && shareMode === 'amount';
    const body: InvoiceQuoteBody = {
      kind,
      ...(kind === 'deposit' || kind === 'stage' ? (byAmount ? { amountCents: eurosToCents(share)! } : { percentBp: percentToBp(share)! }) : {}),
      ...(allowExceed ? { allowExceed: true, exceedReason: exceedReason.trim() } : {}),
    };
    try {
      const made = await invoice.mutateAsync(body);
      notifications.show({ color: 'teal', message: t('quotes.invoicing.made', { amount: fmt.money(made.grossCents) }) });
      navigate(`/invoices/${made.invoiceId}`);
    } catch (e) {
      setError(e);
      if (isApiError(e) && e.fields.some((f) => f.path === 'allowExceed')) setAllowExceed(true);
    }
  };

  const unplaced = isApiError(error) && error.fields.every((f) => !['percentBp', 'amountCents', 'allowExceed', 'exceedReason'].includes(f.path));
  return (
    <Card padding="lg" data-testid="quote-invoicing">
      <Title order={2} fz="h4" mb="sm">
        {t('quotes.invoicing.title')}
      </Title>
      <Stack gap="md">
        {started && (
          <Table.ScrollContainer minWidth={420}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('quotes.invoicing.kindColumn')}</Table.Th>
                  <Table.Th>{t('quotes.invoicing.date')}</Table.Th>
                  <Table.Th ta="right">{t('quotes.invoicing.net')}</Table.Th>
                  <Table.Th ta="right">{t('quotes.invoicing.gross')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {quote.invoices.map((i) => (
                  <Table.Tr key={i.invoiceId} data-testid={`quote-invoice-${i.kind}`}>
                    <Table.Td>
                      <Anchor component={Link} to={`/invoices/${i.invoiceId}`}>
                        {t(`quotes.invoicing.kind.${i.kind}`)}
                      </Anchor>
                      {i.exceedReason && (
                        <Text size="xs" c="orange">
                          {t('quotes.invoicing.exceeded', { amount: fmt.money(i.excessNetCents), reason: i.exceedReason })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{fmt.date(i.createdAt)}</Table.Td>
                    <Table.Td ta="right">{fmt.money(i.netCents)}</Table.Td>
                    <Table.Td ta="right">{fmt.money(i.netCents + i.vatCents)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Group gap="xl">
          <Text size="sm">
            {t('quotes.invoicing.invoiced')} : <b data-testid="quote-invoiced">{fmt.money(quote.invoicedNetCents)}</b>
          </Text>
          <Text size="sm">
            {t('quotes.invoicing.remaining')} : <b data-testid="quote-remaining">{fmt.money(remaining)}</b>
          </Text>
        </Group>

        {canInvoice ? (
          <>
        <SegmentedControl
          value={kind}
          onChange={(v) => setKind(v as Kind)}
          data={kinds.map((k) => ({ value: k, label: t(`quotes.invoicing.kind.${k}`) }))}
          aria-label={t('quotes.invoicing.kindColumn')}
          data-testid="quote-invoice-kind"
        />
        {(kind === 'deposit' || kind === 'stage') && (
          <Group align="flex-start" wrap="wrap">
            {kind === 'deposit' && (
              <SegmentedControl
                value={shareMode}
                onChange={(v) => setShareMode(v as 'percent' | 'amount')}
                data={[
                  { value: 'percent', label: t('quotes.invoicing.byPercent') },
                  { value: 'amount', label: t('quotes.invoicing.byAmount') },
                ]}
                aria-label={t('quotes.invoicing.shareMode')}
              />
            )}
            <TextInput
              label={kind === 'deposit' && shareMode === 'amount' ? t('quotes.invoicing.amount') : t('quotes.invoicing.percent')}
              inputMode="decimal"
              rightSection={kind === 'deposit' && shareMode === 'amount' ? '€' : '%'}
              value={share}
              onChange={(e) => setShare(e.currentTarget.value)}
              error={localShareError() ?? fieldError('percentBp') ?? fieldError('amountCents')}
              w={180}
              data-testid="quote-invoice-share"
            />
          </Group>
        )}
        <Checkbox label={t('quotes.invoicing.allowExceed')} checked={allowExceed} onChange={(e) => setAllowExceed(e.currentTarget.checked)} error={fieldError('allowExceed')} />
        {allowExceed && (
          <Textarea label={t('quotes.invoicing.exceedReason')} required value={exceedReason} onChange={(e) => setExceedReason(e.currentTarget.value)} error={fieldError('exceedReason')} autosize minRows={2} />
        )}
        {unplaced && <ErrorAlert error={error} />}
        <Group justify="flex-end">
          <Button leftSection={<IconFileInvoice size={18} aria-hidden />} loading={invoice.isPending} onClick={() => void submit()} data-testid="quote-invoice-submit">
            {t('quotes.invoicing.submit')}
          </Button>
        </Group>
          </>
        ) : (
          <Text size="sm" c="dimmed" data-testid="quote-fully-invoiced">
            {t('quotes.invoicing.fullyInvoiced')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
