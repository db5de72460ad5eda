import { Alert, Anchor, Badge, Box, Button, Card, Checkbox, Group, Modal, Paper, ScrollArea, SegmentedControl, Select, SimpleGrid, Stack, Tabs, Text, Title, UnstyledButton } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { BookBody } from '../../../modules/resources/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PHONE_QUERY } from '../../components/ListTable';
import { Page } from '../../components/Page';
import { useFormat } from '../../lib/format';
import { useSession } from '../../lib/session';
import { useActivityOptions, useMemberOptions } from '../activities';
import { useAvailability, useBook, useCancelBooking, useJoinWaitlist, useLeaveWait, useMyBookings, useMyWaits, useQuote, useResources, useSites, type AvailabilityData, type ResourceData } from './use-resources';

/** The hours the grid shows; sites open within them (a booking outside is refused by the rules anyway). */
const FIRST_HOUR = 8;
const LAST_HOUR = 20;

const startOfDay = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate());
const addDays = (d: Date, n: number) => new Date(d.getFullYear(), d.getMonth(), d.getDate() + n);
const mondayOf = (d: Date) => addDays(startOfDay(d), -((d.getDay() + 6) % 7));
const at = (day: Date, hour: number) => new Date(day.getFullYear(), day.getMonth(), day.getDate(), hour);
const isoWeekday = (d: Date) => ((d.getDay() + 6) % 7) + 1;

type ResourceSlots = AvailabilityData['resources'][number];
type Slot = { resource: ResourceSlots; day: Date; hour: number };

/**
 * Shared resources: the catalogue, a calendar (day or week, per resource) where a free hour
 * opens the booking dialog, and the member's own bookings. On a phone the calendar shows one day.
 */
export default function ResourcesPage() {
  const { t } = useTranslation();
  const { hasRole } = useSession();
  const team = hasRole('admin', 'staff');
  const member = hasRole('member');
  const sites = useSites();
  const [siteId, setSiteId] = useState<string | null>(null);
  const site = siteId ?? sites.data?.items[0]?.id ?? null;
  const resources = useResources(site ?? undefined);
  // A waiting-list mail links here with the resource and the day of the freed slot.
  const [params] = useSearchParams();
  const linked = { resourceId: params.get('resource'), date: params.get('date') };
  const [tab, setTab] = useState<string | null>('calendar');
  return (
    <Page title={t('resources.title')}>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="calendar">{t('resources.calendar')}</Tabs.Tab>
          <Tabs.Tab value="catalogue">{t('resources.catalogue')}</Tabs.Tab>
          {member && <Tabs.Tab value="mine">{t('resources.myBookings')}</Tabs.Tab>}
        </Tabs.List>
        {(sites.data?.items.length ?? 0) > 1 && (
          <Select mb="md" label={t('resources.site')} data={sites.data!.items.map((s) => ({ value: s.id, label: s.name }))} value={site} onChange={setSiteId} allowDeselect={false} maw={360} />
        )}
        <ErrorAlert error={sites.error ?? resources.error} />
        <Tabs.Panel value="calendar">{site && resources.data && <CalendarView siteId={site} resources={resources.data.items} team={team} canWait={member} linked={linked} />}</Tabs.Panel>
        <Tabs.Panel value="catalogue">
          <Catalogue resources={resources.data?.items ?? []} />
        </Tabs.Panel>
        {member && (
          <Tabs.Panel value="mine">
            <MyBookings onBook={() => setTab('calendar')} />
          </Tabs.Panel>
        )}
      </Tabs>
    </Page>
  );
}

function Catalogue({ resources }: { resources: ResourceData[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (resources.length === 0) return <Text c="dimmed">{t('resources.empty')}</Text>;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
      {resources.map((r) => {
        const cheapest = r.prices[0];
        return (
          <Card key={r.id} withBorder padding="md">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Title order={4}>{r.name}</Title>
              <Badge variant="light">{r.kind === 'custom' && r.customKindLabel ? r.customKindLabel : t(`resources.kinds.${r.kind}`)}</Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {r.siteName}
              {r.capacity > 1 ? ` · ${t('resources.capacity', { count: r.capacity })}` : ''}
            </Text>
            {r.description && <Text size="sm" mt="xs">{r.description}</Text>}
            <Stack gap={0} mt="sm">
              {cheapest ? r.prices.map((p) => <Text key={p.unit} size="sm" fw={500}>{t('resources.priceFrom', { price: f.money(p.memberPriceCents), unit: t(`resources.units.${p.unit}`) })}</Text>) : <Text size="sm">{t('resources.noPrice')}</Text>}
            </Stack>
          </Card>
        );
      })}
    </SimpleGrid>
  );
}

const fromIsoDate = (iso: string | null) => {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
};

function CalendarView({ siteId, resources, team, canWait, linked }: { siteId: string; resources: ResourceData[]; team: boolean; canWait: boolean; linked: { resourceId: string | null; date: string | null } }) {
  const { t } = useTranslation();
  const f = useFormat();
  const phone = useMediaQuery(PHONE_QUERY);
  const [view, setView] = useState<'day' | 'week'>('week');
  const [anchor, setAnchor] = useState(() => fromIsoDate(linked.date) ?? startOfDay(new Date()));
  const [resourceId, setResourceId] = useState<string | null>(() => (resources.some((r) => r.id === linked.resourceId) ? linked.resourceId : null));
  const [slot, setSlot] = useState<Slot | null>(null);
  const effectiveView = phone ? 'day' : view;
  const days = useMemo(() => (effectiveView === 'day' ? [anchor] : Array.from({ length: 7 }, (_, i) => addDays(mondayOf(anchor), i))), [anchor, effectiveView]);
  const chosen = resourceId ?? resources[0]?.id ?? null;
  const from = days[0]!;
  const to = addDays(days[days.length - 1]!, 1);
  const availability = useAvailability({ from: from.toISOString(), to: to.toISOString(), siteId, resourceId: chosen ?? undefined }, chosen !== null);
  const res = availability.data?.resources[0];
  const step = effectiveView === 'day' ? 1 : 7;
  return (
    <Stack>
      <Group wrap="wrap" gap="sm">
        <Select aria-label={t('resources.resource')} data-testid="resource-select" data={resources.map((r) => ({ value: r.id, label: r.name }))} value={chosen} onChange={setResourceId} allowDeselect={false} w={phone ? '100%' : 260} />
        {!phone && <SegmentedControl value={view} onChange={(v) => setView(v as 'day' | 'week')} data={[{ value: 'day', label: t('resources.views.day') }, { value: 'week', label: t('resources.views.week') }]} />}
        <Group gap="xs">
          <Button variant="default" size="xs" onClick={() => setAnchor(addDays(anchor, -step))}>{t('resources.previous')}</Button>
          <Button variant="default" size="xs" onClick={() => setAnchor(startOfDay(new Date()))}>{t('resources.today')}</Button>
          <Button variant="default" size="xs" onClick={() => setAnchor(addDays(anchor, step))}>{t('resources.next')}</Button>
        </Group>
      </Group>
      <ErrorAlert error={availability.error} />
      {res && (
        <ScrollArea type="auto">
          <Box style={{ display: 'grid', gridTemplateColumns: `56px repeat(${days.length}, minmax(${effectiveView === 'day' ? 200 : 96}px, 1fr))`, gap: 2, minWidth: effectiveView === 'day' ? undefined : 56 + 7 * 98 }} data-testid="resource-calendar">
            <div />
            {days.map((d) => (
              <Text key={d.toISOString()} size="sm" fw={600} ta="center">
                {f.date(d.toISOString(), { weekday: 'short', day: 'numeric', month: 'short' })}
              </Text>
            ))}
            {Array.from({ length: LAST_HOUR - FIRST_HOUR }, (_, i) => FIRST_HOUR + i).map((hour) => [
              <Text key={`h${hour}`} size="xs" c="dimmed" ta="right" pr={4}>{`${String(hour).padStart(2, '0')}:00`}</Text>,
              ...days.map((day) => <Cell key={`${day.toISOString()}-${hour}`} res={res} day={day} hour={hour} onFree={() => setSlot({ resource: res, day, hour })} canWait={canWait} />),
            ])}
          </Box>
        </ScrollArea>
      )}
      {slot && <BookingDialog slot={slot} team={team} canWait={canWait} onClose={() => setSlot(null)} />}
    </Stack>
  );
}

function Cell({ res, day, hour, onFree, canWait }: { res: ResourceSlots; day: Date; hour: number; onFree: () => void; canWait: boolean }) {
  const { t } = useTranslation();
  const start = at(day, hour).getTime();
  const end = at(day, hour + 1).getTime();
  const busy = res.busy.find((b) => new Date(b.startsAt).getTime() < end && new Date(b.endsAt).getTime() > start);
  const hhmm = (h: number) => `${String(h).padStart(2, '0')}:00`;
  const open = res.openingHours.some((s) => s.weekday === isoWeekday(day) && s.opens <= hhmm(hour) && hhmm(hour + 1) <= (s.closes === '00:00' ? '24:00' : s.closes));
  const past = end <= Date.now();
  if (busy) {
    const unavailable = busy.type === 'unavailable';
    const paper = (
      <Paper p={4} radius="xs" bg={unavailable ? 'gray.3' : busy.mine ? 'teal.1' : 'blue.1'} title={busy.label ?? undefined} data-testid="busy-slot">
        <Text size="xs" lineClamp={1} c={unavailable ? 'dimmed' : undefined}>
          {unavailable ? busy.label : busy.mine ? t('resources.mine') : (busy.label ?? t('resources.booked'))}
        </Text>
      </Paper>
    );
    // Someone else's booking, still to come: the dialog offers to wait for it.
    if (canWait && !unavailable && !busy.mine && !past && open) {
      return (
        <UnstyledButton onClick={onFree} aria-label={`${t('resources.wait.takenSlot')} ${day.toLocaleDateString()} ${hhmm(hour)}`} data-testid="taken-slot">
          {paper}
        </UnstyledButton>
      );
    }
    return paper;
  }
  if (!open || past) return <Paper p={4} radius="xs" bg="gray.1" aria-hidden />;
  return (
    <Button variant="subtle" size="compact-xs" radius="xs" onClick={onFree} aria-label={`${t('resources.free')} ${day.toLocaleDateString()} ${hhmm(hour)}`} data-testid="free-slot">
      {t('resources.free')}
    </Button>
  );
}

function BookingDialog({ slot, team, canWait, onClose }: { slot: Slot; team: boolean; canWait: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [fromHour, setFromHour] = useState(slot.hour);
  const [toHour, setToHour] = useState(slot.hour + 1);
  const [wholeDay, setWholeDay] = useState(false);
  const [memberId, setMemberId] = useState<string | null>(null);
  const [activityId, setActivityId] = useState<string | null>(null);
  const members = useMemberOptions(team);
  const activities = useActivityOptions({ status: 'active', enabled: !team });
  const book = useBook();
  const join = useJoinWaitlist();
  const hours = Array.from({ length: LAST_HOUR - FIRST_HOUR + 1 }, (_, i) => FIRST_HOUR + i).map((h) => ({ value: String(h), label: `${String(h).padStart(2, '0')}:00` }));
  const start = wholeDay ? at(slot.day, 9) : at(slot.day, fromHour);
  const end = wholeDay ? at(slot.day, 18) : at(slot.day, toHour);
  const ready = end > start && (!team || memberId !== null);
  const body: BookBody | null = ready ? { resourceId: slot.resource.id, startsAt: start.toISOString(), endsAt: end.toISOString(), memberId: memberId ?? undefined, activityId: activityId ?? undefined } : null;
  const quote = useQuote(body);
  const myActivities = activities.data?.items ?? [];
  return (
    <Modal opened onClose={onClose} title={t('resources.book.title', { name: slot.resource.name })}>
      <Stack>
        <Text size="sm">{t('resources.book.date', { date: f.date(start.toISOString(), { dateStyle: 'full' }) })}</Text>
        <Checkbox label={t('resources.book.wholeDay')} checked={wholeDay} onChange={(e) => setWholeDay(e.currentTarget.checked)} />
        {!wholeDay && (
          <Group grow>
            <Select label={t('resources.book.from')} data={hours.slice(0, -1)} value={String(fromHour)} onChange={(v) => v && setFromHour(Number(v))} allowDeselect={false} />
            <Select label={t('resources.book.to')} data={hours.slice(1)} value={String(toHour)} onChange={(v) => v && setToHour(Number(v))} allowDeselect={false} />
          </Group>
        )}
        {team && <Select label={t('resources.book.member')} searchable data={(members.data ?? []).map((m) => ({ value: m.id, label: m.name }))} value={memberId} onChange={setMemberId} />}
        {!team && myActivities.length > 1 && <Select label={t('resources.book.activity')} data={myActivities.map((a) => ({ value: a.id, label: a.name }))} value={activityId} onChange={setActivityId} />}
        {quote.data && <Text fw={500}>{t('resources.book.price', { price: f.money(quote.data.priceCents) })}</Text>}
        {quote.data?.refusal && (
          <Alert color="orange" data-testid="booking-refusal">
            {quote.data.refusal.message[f.lang === 'en' ? 'en' : 'fr']}
          </Alert>
        )}
        {canWait && !team && body && quote.data?.refusal?.code === 'SLOT_TAKEN' && (
          <Stack gap={4}>
            <Button
              variant="light"
              data-testid="join-waitlist"
              // The label wraps on a phone rather than being cut.
              h="auto"
              py={6}
              styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }}
              loading={join.isPending}
              onClick={() =>
                join.mutate(
                  { resourceId: body.resourceId, startsAt: body.startsAt, endsAt: body.endsAt, activityId: body.activityId },
                  {
                    onSuccess: () => {
                      notifications.show({ color: 'green', message: t('resources.wait.joined') });
                      onClose();
                    },
                  },
                )
              }
            >
              {t('resources.wait.offer')}
            </Button>
            <Text size="xs" c="dimmed">{t('resources.wait.offerHint')}</Text>
          </Stack>
        )}
        <ErrorAlert error={quote.error ?? book.error ?? join.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('resources.book.cancel')}</Button>
          <Button
            disabled={!body || Boolean(quote.data?.refusal)}
            loading={book.isPending}
            onClick={() =>
              body &&
              book.mutate(body, {
                onSuccess: () => {
                  notifications.show({ color: 'green', message: t('resources.book.done') });
                  onClose();
                },
              })
            }
          >
            {t('resources.book.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function MyBookings({ onBook }: { onBook: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const mine = useMyBookings(true);
  const cancel = useCancelBooking();
  const items = mine.data?.items ?? [];
  return (
    <Stack>
      <MyWaits onBook={onBook} />
      <Title order={4}>{t('resources.myBookings')}</Title>
      {mine.data && items.length === 0 && <Text c="dimmed">{t('resources.none')}</Text>}
      <ErrorAlert error={mine.error ?? cancel.error} />
      {items.map((b) => (
        <Card key={b.id} withBorder padding="sm">
          <Group justify="space-between" wrap="wrap">
            <Stack gap={0}>
              <Text fw={600}>{b.resourceName}</Text>
              <Text size="sm">{`${f.dateTime(b.startsAt)} – ${f.dateTime(b.endsAt)}`}</Text>
              <Text size="sm" c="dimmed">{f.money(b.priceCents)}</Text>
              {b.status === 'cancelled' && b.cancellationFeeCents > 0 && <Text size="sm">{t('resources.fee', { fee: f.money(b.cancellationFeeCents) })}</Text>}
            </Stack>
            {b.status === 'confirmed' ? (
              <Button variant="light" color="red" size="xs" loading={cancel.isPending} onClick={() => cancel.mutate(b.id, { onSuccess: () => notifications.show({ message: t('resources.cancelled') }) })}>
                {t('resources.cancelBooking')}
              </Button>
            ) : (
              <Badge color="gray">{b.status}</Badge>
            )}
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

/** The slots I wait for: still waiting (leave), or freed (book it before someone else does). */
function MyWaits({ onBook }: { onBook: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const waits = useMyWaits(true);
  const leave = useLeaveWait();
  const items = waits.data?.items ?? [];
  const pad = (n: number) => String(n).padStart(2, '0');
  const dayOf = (iso: string) => {
    const d = new Date(iso);
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  };
  return (
    <Stack gap="xs" data-testid="my-waits">
      <Title order={4}>{t('resources.wait.title')}</Title>
      <ErrorAlert error={waits.error ?? leave.error} />
      {waits.data && items.length === 0 && <Text c="dimmed">{t('resources.wait.none')}</Text>}
      {items.map((w) => (
        <Card key={w.id} withBorder padding="sm">
          <Group justify="space-between" wrap="wrap">
            <Stack gap={0}>
              <Text fw={600}>{w.resourceName}</Text>
              <Text size="sm">{`${f.dateTime(w.startsAt)} – ${f.dateTime(w.endsAt)}`}</Text>
              {w.status === 'notified' && <Text size="sm" c="dimmed">{t('resources.wait.notifiedHint')}</Text>}
            </Stack>
            {w.status === 'waiting' ? (
              <Group gap="xs">
                <Badge color="gray">{t('resources.wait.waiting')}</Badge>
                <Button variant="light" color="red" size="xs" loading={leave.isPending} onClick={() => leave.mutate(w.id, { onSuccess: () => notifications.show({ message: t('resources.wait.left') }) })}>
                  {t('resources.wait.leave')}
                </Button>
              </Group>
            ) : (
              <Group gap="xs">
                <Badge color="green">{t('resources.wait.notified')}</Badge>
                <Anchor component={Link} to={`/resources?resource=${w.resourceId}&date=${dayOf(w.startsAt)}`} onClick={onBook} size="sm">
                  {t('resources.wait.book')}
                </Anchor>
              </Group>
            )}
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
