import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import type { EventSummaryData } from './use-events';

const KIND_COLORS: Record<string, string> = { colunch: 'orange', workshop: 'blue', meetup: 'grape', open_day: 'teal', other: 'gray' };

export function KindBadge({ kind }: { kind: EventSummaryData['kind'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={KIND_COLORS[kind]} variant="light" data-testid="event-kind">
      {t(`events.kind.${kind}`)}
    </Badge>
  );
}

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Events happen at the coop, in Paris: their times are shown in Paris time whatever the device's zone, in the app's language. */
export function useEventTime() {
  const format = useFormat();
  return {
    when: (iso: string) => capitalized(format.date(iso, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' })),
    hour: (iso: string) => format.date(iso, { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' }),
    day: (iso: string) => format.date(iso, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/Paris' }),
  };
}

/** "3 places left", "Full · 2 waiting", "No limit". */
export function Places({ event }: { event: EventSummaryData }) {
  const { t } = useTranslation();
  if (event.placesLeft === null) return <Text size="sm" c="dimmed">{t('events.unlimited')}</Text>;
  return (
    <Group gap={6}>
      <Text size="sm" c={event.placesLeft === 0 ? 'red' : 'dimmed'} data-testid="event-places">
        {event.placesLeft === 0 ? t('events.full') : t('events.placesLeft', { count: event.placesLeft })}
      </Text>
      {event.waiting > 0 && (
        <Text size="sm" c="dimmed">
          · {t('events.waitingCount', { count: event.waiting })}
        </Text>
      )}
    </Group>
  );
}

/** The viewer's own status: "Inscrit·e", "Liste d'attente (3e)". */
export function MyStatus({ event }: { event: EventSummaryData }) {
  const { t } = useTranslation();
  if (!event.my || event.my.status === 'cancelled') return null;
  if (event.my.status === 'confirmed')
    return (
      <Badge color="teal" variant="filled" data-testid="event-my-status">
        {t('events.registered')}
      </Badge>
    );
  const position = event.my.waitingPosition ?? 0;
  return (
    <Badge color="yellow" variant="filled" data-testid="event-my-status">
      {position === 1 ? t('events.waitingFirst') : t('events.waiting', { position })}
    </Badge>
  );
}
