import { Anchor, Group, Text } from '@mantine/core';
import { IconFileDescription } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuoteOfInvoice } from './use-quotes';

/**
 * "Issue du devis D-…": the client's order an invoice bills, and which part of it. Shows
 * nothing when the invoice was not drafted from a quote (the API answers `{ quote: null }`) or while loading.
 */
export function QuoteOfInvoiceLink({ invoiceId }: { invoiceId: string }) {
  const { t } = useTranslation();
  const origin = useQuoteOfInvoice(invoiceId);
  if (!origin.data?.quote) return null;
  const { quoteId, number, kind } = origin.data.quote;
  return (
    <Group gap={6} mt="md" wrap="nowrap">
      <IconFileDescription size={16} aria-hidden />
      <Text size="sm">
        <Anchor component={Link} to={`/quotes/${quoteId}`} data-testid="invoice-from-quote">
          {t('quotes.fromQuote.link', { number: number ?? t('quotes.draftNumber'), kind: t(`quotes.fromQuote.kind.${kind}`) })}
        </Anchor>
      </Text>
    </Group>
  );
}
