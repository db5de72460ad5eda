import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { useSession } from '../../lib/session';
import { DunningPauses } from './DunningPauses';
import { NoticeDecision } from './NoticeDecision';
import { StepBadge } from './StepBadge';
import { letterUrl, useClientDunningPauses, useInvoiceDunning } from './use-dunning';

/** On an issued invoice, for the team: its dunning steps (with where each mail stands), its pauses, pause and resume. */
export function DunningOfInvoice({ invoiceId, number }: { invoiceId: string; number?: string | null }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { hasRole } = useSession();
  const team = hasRole('admin', 'staff');
  const dunning = useInvoiceDunning(invoiceId, team);
  if (!team || !dunning.data) return null;
  return (
    <Card padding="lg" data-testid="invoice-dunning">
      <Title order={2} fz="h4" mb="sm">
        {t('dunning.pause.title')}
      </Title>
      <Stack gap="sm">
        {dunning.data.events.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('dunning.pause.none')}
          </Text>
        ) : (
          dunning.data.events.map((event) => (
            <Stack key={event.id} gap={2}>
              <Group gap="xs" wrap="wrap" justify="space-between">
                <StepBadge event={event} />
                <Text size="xs" c="dimmed">
                  {fmt.dateTime(event.createdAt)}
                </Text>
              </Group>
              {event.recipient && (
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {t('dunning.history.to', { email: event.recipient })}
                </Text>
              )}
              {event.action === 'pending' && <NoticeDecision eventId={event.id} number={number ?? ''} />}
              {event.hasLetter && (
                <Anchor href={letterUrl(event.id)} target="_blank" rel="noopener" size="xs">
                  <Group gap={4} wrap="nowrap">
                    <IconFileTypePdf size={14} />
                    {t('dunning.history.letter')}
                  </Group>
                </Anchor>
              )}
            </Stack>
          ))
        )}
        <DunningPauses pauses={dunning.data.pauses} target={{ invoiceId }} />
      </Stack>
    </Card>
  );
}

/** On a client's page, for the team: the pauses of all of the client's invoices. */
export function DunningOfClient({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const { hasRole } = useSession();
  const team = hasRole('admin', 'staff');
  const pauses = useClientDunningPauses(clientId, team);
  if (!team || !pauses.data) return null;
  return (
    <Card padding="lg" data-testid="client-dunning">
      <Title order={2} fz="h4" mb="sm">
        {t('dunning.pause.title')}
      </Title>
      <DunningPauses pauses={pauses.data} target={{ clientId }} />
    </Card>
  );
}
