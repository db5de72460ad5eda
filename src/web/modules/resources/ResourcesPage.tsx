import { Alert, Anchor, Badge, Button, Card, Checkbox, Group, Modal, Select, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { BookBody } from '../../../modules/resources/contract';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { useFormat } from '../../lib/format';
import { useSession } from '../../lib/session';
import { useActivityOptions, useMemberOptions } from '../activities';
import { HandoverDialog } from '../resource-ops';
import { ResourceCalendar, type OpenedBooking, type Slot } from './ResourceCalendar';
import { ResourcePhotos } from './ResourcePhotos';
import { siteInstant, siteToday } from './site-calendar';
import { useBook, useCancelBooking, useJoinWaitlist, useLeaveWait, useMyBookings, useMyWaits, useQuote, useResources, useSites, type ResourceData } from './use-resources';
import { WeeklyBookingButton } from './WeeklyBookingDialog';

/** The hours the booking dialog offers; a booking outside the site's opening hours is refused by the rules anyway. */
const FIRST_HOUR = 7;
const LAST_HOUR = 22;
const PARIS = 'Europe/Paris';
/** Kinds taken away and brought back (a van for a weekend, a projector for two days): a booking may end on a later day. */
const MULTI_DAY_KINDS: readonly string[] = ['van', 'equipment'];

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
  const siteZone = sites.data?.items.find((s) => s.id === site)?.timeZone ?? PARIS;
  const [slot, setSlot] = useState<Slot | null>(null);
  const [opened, setOpened] = useState<OpenedBooking | null>(null);
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
        <Tabs.Panel value="calendar">
          {site && resources.data && (
            <ResourceCalendar
              key={site}
              siteId={site}
              timeZone={siteZone}
              resources={resources.data.items}
              onPick={setSlot}
              canWait={member}
              linked={linked}
              onBooking={team ? setOpened : undefined}
              actions={(resourceId, date) => <WeeklyBookingButton resources={resources.data!.items} resourceId={resourceId} date={date} team={team} timeZone={siteZone} />}
            />
          )}
          {slot && <BookingDialog slot={slot} team={team} canWait={member} onClose={() => setSlot(null)} />}
          {opened && <HandoverDialog bookingId={opened.bookingId} title={t('resources.handover.title', { name: opened.resource.name })} timeZone={opened.resource.timeZone} onClose={() => setOpened(null)} />}
        </Tabs.Panel>
        <Tabs.Panel value="catalogue">
          <Catalogue resources={resources.data?.items ?? []} manage={team} />
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

function Catalogue({ resources, manage }: { resources: ResourceData[]; manage: boolean }) {
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
            <ResourcePhotos resourceId={r.id} count={r.photoCount} manage={manage} />
            <Stack gap={0} mt="sm">
              {cheapest ? r.prices.map((p) => <Text key={p.unit} size="sm" fw={500}>{t('resources.priceFrom', { price: f.money(p.memberPriceCents), unit: t(`resources.units.${p.unit}`) })}</Text>) : <Text size="sm">{t('resources.noPrice')}</Text>}
            </Stack>
          </Card>
        );
      })}
    </SimpleGrid>
  );
}

function BookingDialog({ slot, team, canWait, onClose }: { slot: Slot; team: boolean; canWait: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [fromHour, setFromHour] = useState(slot.hour);
  const [toHour, setToHour] = useState(slot.hour + 1);
  const [wholeDay, setWholeDay] = useState(false);
  const multiDay = MULTI_DAY_KINDS.includes(slot.resource.kind);
  const [endDay, setEndDay] = useState(slot.date);
  const laterDay = multiDay && endDay > slot.date;
  const [memberId, setMemberId] = useState<string | null>(null);
  const [activityId, setActivityId] = useState<string | null>(null);
  const members = useMemberOptions(team);
  const activities = useActivityOptions({ status: 'active', enabled: !team });
  const book = useBook();
  const join = useJoinWaitlist();
  const hours = Array.from({ length: LAST_HOUR - FIRST_HOUR + 1 }, (_, i) => FIRST_HOUR + i).map((h) => ({ value: String(h), label: `${String(h).padStart(2, '0')}:00` }));
  const timeZone = slot.resource.timeZone;
  const start = siteInstant(slot.date, wholeDay && !laterDay ? 9 : fromHour, timeZone);
  const end = siteInstant(laterDay ? endDay : slot.date, wholeDay && !laterDay ? 18 : toHour, timeZone);
  const ready = end > start && (!team || memberId !== null);
  const body: BookBody | null = ready ? { resourceId: slot.resource.id, startsAt: start.toISOString(), endsAt: end.toISOString(), memberId: memberId ?? undefined, activityId: activityId ?? undefined } : null;
  const quote = useQuote(body);
  const myActivities = activities.data?.items ?? [];
  return (
    <Modal opened onClose={onClose} title={t('resources.book.title', { name: slot.resource.name })}>
      <Stack>
        <Text size="sm">{t('resources.book.date', { date: f.date(start.toISOString(), { dateStyle: 'full', timeZone }) })}</Text>
        <ResourcePhotos resourceId={slot.resource.id} />
        {multiDay && <DateField label={t('resources.book.until')} value={endDay} min={slot.date} onChange={(v) => v && setEndDay(v)} data-testid="booking-end-day" />}
        {!laterDay && <Checkbox label={t('resources.book.wholeDay')} checked={wholeDay} onChange={(e) => setWholeDay(e.currentTarget.checked)} />}
        {(!wholeDay || laterDay) && (
          <Group grow>
            <Select label={t('resources.book.from')} data={hours.slice(0, -1)} value={String(fromHour)} onChange={(v) => v && setFromHour(Number(v))} allowDeselect={false} />
            <Select label={t('resources.book.to')} data={laterDay ? hours : hours.slice(1)} value={String(toHour)} onChange={(v) => v && setToHour(Number(v))} allowDeselect={false} />
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
                onSuccess: (booked) => {
                  notifications.show({ color: 'green', message: booked.paidBy === 'allowance' && booked.billableCents === 0 ? t('resources.book.doneByPlan') : t('resources.book.done') });
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
  const sites = useSites();
  const catalogue = useResources();
  // Times read on the booked site's wall clock, never the browser's zone.
  const zoneOf = (resourceId: string) => sites.data?.items.find((s) => s.id === catalogue.data?.items.find((r) => r.id === resourceId)?.siteId)?.timeZone ?? PARIS;
  const when = (iso: string, timeZone: string) => f.date(iso, { dateStyle: 'short', timeStyle: 'short', timeZone });
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
              <Text size="sm">{`${when(b.startsAt, zoneOf(b.resourceId))} – ${when(b.endsAt, zoneOf(b.resourceId))}`}</Text>
              <Text size="sm" c="dimmed">{b.paidBy === 'allowance' && b.billableCents === 0 ? t('resources.paidByPlan') : f.money(b.billableCents)}</Text>
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
  // The site's day and wall clock, not the browser's zone (a member abroad still reads Paris times).
  const dayOf = (iso: string) => siteToday(new Date(iso), PARIS);
  const when = (iso: string) => f.date(iso, { dateStyle: 'short', timeStyle: 'short', timeZone: PARIS });
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
              <Text size="sm">{`${when(w.startsAt)} – ${when(w.endsAt)}`}</Text>
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
