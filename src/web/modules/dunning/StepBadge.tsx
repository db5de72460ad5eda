import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DunningEventData } from './use-dunning';

export const KIND_COLORS = { reminder: 'blue', formal_notice: 'orange', recovery: 'red' } as const;
const ACTION_COLORS = { sent: 'teal', skipped: 'gray', no_email: 'yellow', recorded: 'grape', pending: 'orange', cancelled: 'gray', queued: 'gray', failed: 'red' } as const;

/**
 * What became of a step. A step whose mail is still in the outbox (or failed there) says so:
 * "sent" is shown only for a mail that left.
 */
export function stepStateOf(event: Pick<DunningEventData, 'action' | 'mailStatus'>): keyof typeof ACTION_COLORS {
  if (event.action === 'sent' && event.mailStatus === 'queued') return 'queued';
  if (event.action === 'sent' && event.mailStatus === 'failed') return 'failed';
  return event.action;
}

export function StepBadge({ event }: { event: DunningEventData }) {
  const { t } = useTranslation();
  const state = stepStateOf(event);
  return (
    <Group gap={6} wrap="wrap">
      <Badge color={KIND_COLORS[event.kind]} variant="light" tt="none">
        {t(`dunning.kinds.${event.kind}`)}
      </Badge>
      <Badge color={ACTION_COLORS[state]} variant="dot" tt="none" data-testid="dunning-step-state" style={{ maxWidth: '100%' }}>
        {state === 'queued' || state === 'failed' ? t(`dunning.mail.${state}`) : t(`dunning.actions.${state}`)}
      </Badge>
    </Group>
  );
}
