import { Badge, Card, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { InvoiceMail } from '../../../modules/dunning/contract';
import { api } from '../../lib/api';
import { useFormat } from '../../lib/format';
import type { Wire } from '../../lib/wire';

type InvoiceMailData = Wire<InvoiceMail>;

const STATUS_COLORS = { queued: 'yellow', sent: 'teal', failed: 'red' } as const;

/** GET /api/dunning/invoices/:id/mails (team): the sends and dunning steps of one invoice. */
function useInvoiceMails(invoiceId: string) {
  return useQuery({
    queryKey: ['dunning', 'invoice-mails', invoiceId],
    queryFn: ({ signal }) => api.get<{ items: InvoiceMailData[] }>(`/api/dunning/invoices/${invoiceId}/mails`, { signal }),
    refetchOnMount: 'always',
  });
}

/**
 * What was mailed about an invoice: each send to the client and each dunning step, with the
 * outbox's status. "Envoyé" is shown only once the mail actually left; until then it waits.
 */
export function InvoiceMailsCard({ invoiceId }: { invoiceId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const mails = useInvoiceMails(invoiceId);
  const items = mails.data?.items ?? [];
  return (
    <Card padding="lg" data-testid="invoice-mails">
      <Title order={2} fz="h4" mb="sm">
        {t('dunning.invoiceMails.title')}
      </Title>
      {items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {mails.isPending ? t('common.loading') : t('dunning.invoiceMails.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={0}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dunning.invoiceMails.when')}</Table.Th>
                <Table.Th>{t('dunning.invoiceMails.what')}</Table.Th>
                <Table.Th>{t('dunning.invoiceMails.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((m, i) => (
                <Table.Tr key={`${m.source}-${m.at}-${i}`} data-testid={`invoice-mail-${m.source}`}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.date(m.at)}</Table.Td>
                  <Table.Td>
                    <Stack gap={0}>
                      <Text size="sm">{m.source === 'invoice' ? t('dunning.invoiceMails.sent') : t(`dunning.kinds.${m.source}`)}</Text>
                      {m.to && (
                        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                          {m.to}
                        </Text>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    {m.mailStatus ? (
                      <Badge color={STATUS_COLORS[m.mailStatus]} variant="light" data-testid="invoice-mail-status">
                        {t(`dunning.invoiceMails.statuses.${m.mailStatus}`)}
                        {m.mailStatus === 'sent' && m.sentAt ? ` · ${fmt.date(m.sentAt)}` : ''}
                      </Badge>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {m.action ? t(`dunning.actions.${m.action}`) : '—'}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
