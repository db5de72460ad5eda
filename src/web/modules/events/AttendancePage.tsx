import { Anchor, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { useEventTime } from './event-parts';
import { useEvent, useMarkAttendance } from './use-events';

/**
 * Attendance on the day, made for a phone held at the table: one row per person, two big
 * buttons (present / absent), a tap again on the chosen one clears it.
 */
export default function AttendancePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const time = useEventTime();
  const event = useEvent(id);
  const mark = useMarkAttendance();
  const [error, setError] = useState<unknown>(null);
  if (event.error) return <ErrorAlert error={event.error} />;
  if (!event.data) return null;
  const e = event.data;
  const people = e.registrants.filter((r) => r.status !== 'cancelled' && (r.status === 'confirmed' || r.attended !== null || r.status === 'waiting'));
  const present = people.filter((r) => r.attended === true).length;
  const absent = people.filter((r) => r.attended === false).length;
  return (
    <Page title={t('events.attendance.title', { title: e.title })}>
      <Anchor component={Link} to={`/events/${e.id}`} size="sm">
        ← {e.title}
      </Anchor>
      <Text>{time.when(e.startsAt)}</Text>
      <Text fw={600} data-testid="attendance-summary">
        {t('events.attendance.summary', { present, absent, unknown: people.length - present - absent })}
      </Text>
      <ErrorAlert error={error} />
      {people.length === 0 && <Text c="dimmed">{t('events.attendance.empty')}</Text>}
      <Stack gap="sm">
        {people.map((r) => {
          const set = (attended: boolean) => {
            setError(null);
            mark.mutate({ id: e.id, registrationId: r.id, attended: r.attended === attended ? null : attended }, { onError: setError });
          };
          return (
            <Card key={r.id} withBorder padding="sm" data-testid={`attendance-${r.name}`}>
              <Stack gap="xs">
                <Group gap={6}>
                  <Text fw={600} size="lg" style={{ overflowWrap: 'anywhere' }}>
                    {r.name}
                  </Text>
                  {r.guest && <Badge variant="outline">{t('events.detail.guest')}</Badge>}
                  {r.status === 'waiting' && (
                    <Text size="xs" c="dimmed">
                      {t('events.attendance.fromWaiting')}
                    </Text>
                  )}
                </Group>
                <Group grow gap="sm">
                  <Button size="lg" color="teal" variant={r.attended === true ? 'filled' : 'outline'} aria-pressed={r.attended === true} onClick={() => set(true)} data-testid="attendance-present">
                    {t('events.attendance.present')}
                  </Button>
                  <Button size="lg" color="red" variant={r.attended === false ? 'filled' : 'outline'} aria-pressed={r.attended === false} onClick={() => set(false)} data-testid="attendance-absent">
                    {t('events.attendance.absent')}
                  </Button>
                </Group>
              </Stack>
            </Card>
          );
        })}
      </Stack>
    </Page>
  );
}
