import { Anchor, Badge, Button, Card, Checkbox, Group, SimpleGrid, Stack, Tabs, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { applyApiError } from '../../lib/forms';
import { useSession } from '../../lib/session';
import { EventFormModal } from './EventFormModal';
import { KindBadge, MyStatus, Places, useEventTime } from './event-parts';
import { useEvents, useHostHistory, useProposeTheme, useRegister, useThemeProposals, useVote, type EventSummaryData } from './use-events';

/**
 * The coop's community life: what is coming (cards with places left and a register button),
 * what is past, who hosted what, and the themes members propose and vote for. Staff schedule
 * events from here.
 */
export default function EventsPage() {
  const { t } = useTranslation();
  const { hasRole } = useSession();
  const team = hasRole('admin', 'staff');
  const [creating, setCreating] = useState(false);
  return (
    <Page
      title={t('events.title')}
      actions={
        team && (
          <Button onClick={() => setCreating(true)} data-testid="event-create-open">
            {t('events.create.action')}
          </Button>
        )
      }
    >
      <Tabs defaultValue="upcoming" keepMounted={false}>
        <Tabs.List>
          {(['upcoming', 'past', 'hosts', 'themes'] as const).map((tab) => (
            <Tabs.Tab key={tab} value={tab} data-testid={`events-tab-${tab}`}>
              {t(`events.tabs.${tab}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="upcoming" pt="md">
          <EventCards when="upcoming" />
        </Tabs.Panel>
        <Tabs.Panel value="past" pt="md">
          <EventCards when="past" />
        </Tabs.Panel>
        <Tabs.Panel value="hosts" pt="md">
          <HostHistoryPanel />
        </Tabs.Panel>
        <Tabs.Panel value="themes" pt="md">
          <ThemesPanel />
        </Tabs.Panel>
      </Tabs>
      {team && creating && <EventFormModal opened onClose={() => setCreating(false)} />}
    </Page>
  );
}

function EventCards({ when }: { when: 'upcoming' | 'past' }) {
  const { t } = useTranslation();
  const list = useEvents(when);
  if (list.error) return <ErrorAlert error={list.error} />;
  if (!list.data) return null;
  if (list.data.items.length === 0) return <Text c="dimmed">{t(`events.empty.${when}`)}</Text>;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
      {list.data.items.map((e) => (
        <EventCard key={e.id} event={e} past={when === 'past'} />
      ))}
    </SimpleGrid>
  );
}

function EventCard({ event, past }: { event: EventSummaryData; past: boolean }) {
  const { t } = useTranslation();
  const time = useEventTime();
  const register = useRegister();
  const [error, setError] = useState<unknown>(null);
  const registrable = !past && event.registrationOpen && (!event.my || event.my.status === 'cancelled');
  return (
    <Card withBorder padding="md" data-testid={`event-card-${event.title}`}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <KindBadge kind={event.kind} />
          {event.status === 'cancelled' ? <Badge color="red">{t('events.status.cancelled')}</Badge> : <MyStatus event={event} />}
        </Group>
        <Anchor component={Link} to={`/events/${event.id}`} fw={600} c="inherit" style={{ overflowWrap: 'anywhere' }}>
          {event.title}
        </Anchor>
        <Text size="sm" data-testid="event-when">
          {time.when(event.startsAt)}
        </Text>
        {event.hostName && (
          <Text size="sm" c="dimmed">
            {t('events.hostedBy', { name: event.hostName })}
          </Text>
        )}
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {event.place ?? (event.onlineUrl ? t('events.online') : '')}
        </Text>
        {past ? <Text size="sm">{t('events.attended', { count: event.attended })}</Text> : <Places event={event} />}
        <ErrorAlert error={error} />
        <Group gap="xs" mt={4}>
          {registrable && (
            <Button
              size="sm"
              loading={register.isPending}
              data-testid="event-register"
              onClick={() => {
                setError(null);
                register.mutate(
                  { id: event.id },
                  {
                    onSuccess: (r) => notifications.show({ color: 'teal', message: r.status === 'waiting' ? t('events.waitingToast', { position: r.waitingPosition }) : t('events.registeredToast') }),
                    onError: setError,
                  },
                );
              }}
            >
              {event.placesLeft === 0 ? t('events.joinWaitingList') : t('events.register')}
            </Button>
          )}
          {!past && !event.registrationOpen && event.status === 'scheduled' && (
            <Text size="sm" c="dimmed">
              {t('events.closed')}
            </Text>
          )}
          <Button component={Link} to={`/events/${event.id}`} size="sm" variant="light">
            {t('events.details')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function HostHistoryPanel() {
  const { t } = useTranslation();
  const time = useEventTime();
  const history = useHostHistory();
  if (history.error) return <ErrorAlert error={history.error} />;
  if (!history.data) return null;
  if (history.data.items.length === 0) return <Text c="dimmed">{t('events.empty.hosts')}</Text>;
  return (
    <Stack gap="md">
      <Title order={2} fz="h4">
        {t('events.hosts.ranking')}
      </Title>
      <Group gap="xs">
        {history.data.hosts.map((h) => (
          <Badge key={`${h.hostMemberId ?? h.hostName}`} variant="outline" size="lg" tt="none">
            {h.hostName} · {t('events.hosts.count', { count: h.count })}
          </Badge>
        ))}
      </Group>
      <Title order={2} fz="h4">
        {t('events.hosts.history')}
      </Title>
      <Stack gap="xs" data-testid="host-history">
        {history.data.items.map((i) => (
          <Card key={i.eventId} withBorder padding="sm">
            <Group justify="space-between" gap="xs">
              <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
                <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {i.theme ?? i.title}
                </Text>
                <Text size="sm" c="dimmed">
                  {i.hostName} · {time.day(i.startsAt)}
                </Text>
              </Stack>
              <Group gap={6}>
                <KindBadge kind={i.kind} />
                <Text size="sm">{t('events.attended', { count: i.attended })}</Text>
              </Group>
            </Group>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}

function ThemesPanel() {
  const { t } = useTranslation();
  const themes = useThemeProposals();
  const vote = useVote();
  const propose = useProposeTheme();
  const form = useForm({ initialValues: { title: '', details: '', wouldHost: false } });
  const [error, setError] = useState<unknown>(null);
  return (
    <Stack gap="md">
      <Card withBorder padding="md">
        <form
          onSubmit={form.onSubmit((values) => {
            setError(null);
            propose.mutate(
              { title: values.title, details: values.details || null, wouldHost: values.wouldHost },
              {
                onSuccess: () => {
                  form.reset();
                  notifications.show({ color: 'teal', message: t('events.themes.done') });
                },
                onError: (err) => {
                  applyApiError(form, err);
                  setError(err);
                },
              },
            );
          })}
        >
          <Stack gap="xs">
            <Title order={2} fz="h5">
              {t('events.themes.propose')}
            </Title>
            <TextInput label={t('events.themes.titleField')} required maxLength={200} {...form.getInputProps('title')} data-testid="theme-title" />
            <Textarea label={t('events.themes.details')} maxLength={2000} autosize minRows={2} {...form.getInputProps('details')} />
            <Checkbox label={t('events.themes.wouldHost')} {...form.getInputProps('wouldHost', { type: 'checkbox' })} />
            <ErrorAlert error={error} />
            <Group>
              <Button type="submit" loading={propose.isPending} data-testid="theme-submit">
                {t('events.themes.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      {themes.error && <ErrorAlert error={themes.error} />}
      {themes.data?.items.length === 0 && <Text c="dimmed">{t('events.empty.themes')}</Text>}
      {themes.data?.items.map((p) => (
        <Card key={p.id} withBorder padding="sm" data-testid={`theme-${p.title}`}>
          <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
            <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
              <Group gap={6}>
                {p.status === 'open' ? <Badge variant="light">{t('events.themes.rank', { rank: p.rank })}</Badge> : <Badge color="teal">{t('events.themes.scheduled')}</Badge>}
                <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {p.title}
                </Text>
              </Group>
              {p.details && (
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {p.details}
                </Text>
              )}
              <Text size="xs" c="dimmed">
                {p.proposedBy ? t('events.themes.by', { name: p.proposedBy }) : ''}
                {p.wouldHost ? ` · ${t('events.themes.hostOffer')}` : ''}
              </Text>
            </Stack>
            <Stack gap={4} align="flex-end">
              <Text size="sm" fw={600} data-testid="theme-votes">
                {t('events.themes.votes', { count: p.votes })}
              </Text>
              {p.status === 'open' && (
                <Button size="xs" variant={p.votedByMe ? 'light' : 'filled'} loading={vote.isPending && vote.variables?.id === p.id} onClick={() => vote.mutate({ id: p.id, vote: !p.votedByMe })} data-testid="theme-vote">
                  {p.votedByMe ? t('events.themes.unvote') : t('events.themes.vote')}
                </Button>
              )}
            </Stack>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
