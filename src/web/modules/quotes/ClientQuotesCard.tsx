import { Anchor, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../lib/format';
import { QuoteStateBadge } from './QuoteStateBadge';
import { useQuotes } from './use-quotes';

const SHOWN = 10;

/** A client's quotes on the client's page: the latest ones, and a new quote for this client. */
export function ClientQuotesCard({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const list = useQuotes({ clientId, pageSize: SHOWN });
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  return (
    <Card padding="lg" data-testid="client-quotes">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} fz="h4">
          {t('quotes.ofClient.title')}
        </Title>
        <Button component={Link} to={`/quotes/new?clientId=${clientId}`} variant="light" leftSection={<IconPlus size={16} aria-hidden />} data-testid="client-new-quote">
          {t('quotes.ofClient.new')}
        </Button>
      </Group>
      {items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {list.isPending ? t('common.loading') : t('quotes.ofClient.none')}
        </Text>
      ) : (
        <Stack gap="xs">
          <Table.ScrollContainer minWidth={0}>
            <Table verticalSpacing="xs">
              <Table.Tbody>
                {items.map((quote) => (
                  <Table.Tr key={quote.id} data-testid={`client-quote-${quote.number ?? quote.id}`}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Anchor component={Link} to={`/quotes/${quote.id}`} ff={quote.number ? 'monospace' : undefined}>
                        {quote.number ?? t('quotes.draftNumber')}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {t('quotes.ofClient.validUntil', { date: fmt.date(quote.validUntil) })}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {fmt.money(quote.grossCents)}
                    </Table.Td>
                    <Table.Td ta="right">
                      <QuoteStateBadge state={quote.state} fullyInvoiced={quote.fullyInvoiced} mailStatus={quote.sentMailStatus} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {total > items.length && (
            <Anchor component={Link} to={`/quotes?clientId=${clientId}`} size="sm">
              {t('quotes.ofClient.all', { count: total })}
            </Anchor>
          )}
        </Stack>
      )}
    </Card>
  );
}
