import { Anchor, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarPlus, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { useSession } from '../../lib/session';
import { useMemberOptions } from '../activities';
import { EventFormModal } from './EventFormModal';
import { KindBadge, MyStatus, Places, useEventTime } from './event-parts';
import { eventIcsUrl, useCancelEvent, useCancelRegistration, useEvent, useRegister, type EventDetailData } from './use-events';

/** One event: when and where, my registration, the .ics; for staff and the host, who is coming, the waiting list and the event's edit form. */
export default function EventPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const event = useEvent(id);
  if (event.error) return <ErrorAlert error={event.error} />;
  if (!event.data) return null;
  const e = event.data;
  return (
    <Page title={e.title}>
      <Anchor component={Link} to="/events" size="sm">
        ← {t('events.detail.back')}
      </Anchor>
      <Summary event={e} />
      {e.canManage && <Registrants event={e} />}
    </Page>
  );
}

function Summary({ event }: { event: EventDetailData }) {
  const { t } = useTranslation();
  const time = useEventTime();
  const register = useRegister();
  const cancel = useCancelRegistration();
  const [error, setError] = useState<unknown>(null);
  const active = event.my && event.my.status !== 'cancelled';
  return (
    <Card withBorder padding="md">
      <Stack gap="xs">
        <Group gap="xs">
          <KindBadge kind={event.kind} />
          {event.status === 'cancelled' && <Badge color="red">{t('events.status.cancelled')}</Badge>}
          <MyStatus event={event} />
        </Group>
        {event.theme && <Text fw={600}>{t('events.theme', { theme: event.theme })}</Text>}
        <Text data-testid="event-detail-when">
          {time.when(event.startsAt)} – {time.hour(event.endsAt)}
        </Text>
        {event.hostName && <Text c="dimmed">{t('events.hostedBy', { name: event.hostName })}</Text>}
        {event.place && <Text style={{ overflowWrap: 'anywhere' }}>{event.place}</Text>}
        {event.onlineUrl && (
          <Anchor href={event.onlineUrl} target="_blank" rel="noopener" style={{ overflowWrap: 'anywhere' }}>
            {event.onlineUrl}
          </Anchor>
        )}
        {event.description && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {event.description}
          </Text>
        )}
        <Places event={event} />
        <ErrorAlert error={error} />
        <Group gap="xs">
          {event.registrationOpen && !active && (
            <Button
              loading={register.isPending}
              data-testid="event-register"
              onClick={() => {
                setError(null);
                register.mutate(
                  { id: event.id },
                  { onSuccess: (r) => notifications.show({ color: 'teal', message: r.status === 'waiting' ? t('events.waitingToast', { position: r.waitingPosition }) : t('events.registeredToast') }), onError: setError },
                );
              }}
            >
              {event.placesLeft === 0 ? t('events.joinWaitingList') : t('events.register')}
            </Button>
          )}
          {active && event.status === 'scheduled' && new Date(event.startsAt) > new Date() && (
            <Button variant="default" loading={cancel.isPending} data-testid="event-unregister" onClick={() => cancel.mutate({ id: event.id, registrationId: event.my!.id }, { onError: setError })}>
              {t('events.cancelMine')}
            </Button>
          )}
          <Button component="a" href={eventIcsUrl(event.id)} variant="light" leftSection={<IconCalendarPlus size={16} aria-hidden />} data-testid="event-ics">
            {t('events.addToCalendar')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function Registrants({ event }: { event: EventDetailData }) {
  const { t } = useTranslation();
  const { hasRole } = useSession();
  const team = hasRole('admin', 'staff');
  const register = useRegister();
  const cancel = useCancelRegistration();
  const cancelEvent = useCancelEvent();
  const members = useMemberOptions(team);
  const [guest, setGuest] = useState({ name: '', email: '' });
  const [memberId, setMemberId] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const confirmed = event.registrants.filter((r) => r.status === 'confirmed');
  const waiting = event.registrants.filter((r) => r.status === 'waiting');
  const row = (r: EventDetailData['registrants'][number]) => (
    <Group key={r.id} justify="space-between" gap="xs" wrap="nowrap" data-testid={`registrant-${r.name}`}>
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Text style={{ overflowWrap: 'anywhere' }}>
          {r.waitingPosition ? `${r.waitingPosition}. ` : ''}
          {r.name}
        </Text>
        {r.guest && (
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {t('events.detail.guest')} · {r.guestEmail}
          </Text>
        )}
      </Stack>
      {team && event.status === 'scheduled' && new Date(event.startsAt) > new Date() && (
        <Button size="xs" variant="subtle" color="red" onClick={() => cancel.mutate({ id: event.id, registrationId: r.id }, { onError: setError })}>
          {t('events.detail.cancelRegistration')}
        </Button>
      )}
    </Group>
  );
  return (
    <Stack gap="md">
      <Group gap="xs">
        <Button component={Link} to={`/events/${event.id}/attendance`} size="md" data-testid="event-attendance">
          {t('events.detail.attendance')}
        </Button>
        {event.status === 'scheduled' && (
          <Button variant="light" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)} data-testid="event-edit">
            {t('events.edit.action')}
          </Button>
        )}
        {team && event.status === 'scheduled' && new Date(event.startsAt) > new Date() && (
          <Button variant="outline" color="red" onClick={() => setConfirming(true)}>
            {t('events.detail.cancelEvent')}
          </Button>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder padding="md">
          <Title order={2} fz="h5" mb="xs">
            {t('events.detail.registrants')} ({confirmed.length})
          </Title>
          <Stack gap={6}>{confirmed.length ? confirmed.map(row) : <Text c="dimmed">{t('events.detail.none')}</Text>}</Stack>
        </Card>
        <Card withBorder padding="md">
          <Title order={2} fz="h5" mb="xs">
            {t('events.detail.waitingList')} ({waiting.length})
          </Title>
          <Stack gap={6}>{waiting.length ? waiting.map(row) : <Text c="dimmed">{t('events.detail.none')}</Text>}</Stack>
        </Card>
      </SimpleGrid>
      <ErrorAlert error={error} />
      {team && event.status === 'scheduled' && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Card withBorder padding="md">
            <Stack gap="xs">
              <Title order={2} fz="h5">
                {t('events.detail.addMember')}
              </Title>
              <Select searchable clearable data={(members.data ?? []).map((m) => ({ value: m.id, label: m.name }))} value={memberId} onChange={setMemberId} aria-label={t('events.detail.addMember')} data-testid="event-add-member" />
              <Group>
                <Button disabled={!memberId} loading={register.isPending} data-testid="event-add-member-submit" onClick={() => memberId && register.mutate({ id: event.id, memberId }, { onSuccess: () => setMemberId(null), onError: setError })}>
                  {t('events.detail.add')}
                </Button>
              </Group>
            </Stack>
          </Card>
          <Card withBorder padding="md">
            <Stack gap="xs">
              <Title order={2} fz="h5">
                {t('events.detail.addGuest')}
              </Title>
              <TextInput label={t('events.detail.guestName')} value={guest.name} maxLength={200} onChange={(e) => setGuest({ ...guest, name: e.currentTarget.value })} data-testid="guest-name" />
              <TextInput label={t('events.detail.guestEmail')} type="email" value={guest.email} maxLength={254} onChange={(e) => setGuest({ ...guest, email: e.currentTarget.value })} data-testid="guest-email" />
              <Group>
                <Button loading={register.isPending} data-testid="guest-add" onClick={() => register.mutate({ id: event.id, guest }, { onSuccess: () => setGuest({ name: '', email: '' }), onError: setError })}>
                  {t('events.detail.add')}
                </Button>
              </Group>
            </Stack>
          </Card>
        </SimpleGrid>
      )}
      {editing && <EventFormModal opened event={event} onClose={() => setEditing(false)} />}
      <ConfirmModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        onConfirm={() => cancelEvent.mutate(event.id, { onSuccess: () => setConfirming(false), onError: setError })}
        title={t('events.detail.cancelEvent')}
        confirmLabel={t('events.detail.cancelEvent')}
        loading={cancelEvent.isPending}
        color="red"
      >
        {t('events.detail.cancelConfirm')}
      </ConfirmModal>
    </Stack>
  );
}
