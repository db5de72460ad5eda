import { Box, Button, Group, Paper, ScrollArea, SegmentedControl, Select, Stack, Text, UnstyledButton } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { addLocalDays } from '../../../modules/resources/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PHONE_QUERY } from '../../components/ListTable';
import { useFormat } from '../../lib/format';
import { asTitle, busyAt, dayLoad, gridHours, hhmm, isBookableHour, mondayOf, monthGrid, siteInstant, siteToday, type DayLoad } from './site-calendar';
import { useAvailability, type AvailabilityData, type ResourceData } from './use-resources';

export type ResourceSlots = AvailabilityData['resources'][number];
/** A free hour picked in the calendar: the site's date and wall-clock hour. */
export type Slot = { resource: ResourceSlots; date: string; hour: number };
type View = 'site' | 'week' | 'month';
/** A booking opened from the grid (staff: a van's or equipment's check-out and check-in). */
export type OpenedBooking = { bookingId: string; resource: ResourceSlots; date: string };
/** Kinds taken away and brought back: their bookings have a check-out and check-in to read. */
const HANDOVER_KINDS: readonly string[] = ['van', 'equipment'];

const LOAD_COLOUR: Record<DayLoad, string> = { free: 'teal.1', partly: 'yellow.2', full: 'red.2', closed: 'gray.1' };

/**
 * The booking calendar, in the site's time zone: a day of the whole site (its resources side by
 * side), a week of one resource, or a month of one resource (each day free, partly or fully
 * taken; a click opens that day). One availability request per view, whatever the number of
 * resources. A free hour calls `onPick`; the grids scroll inside their own box on a phone.
 */
export function ResourceCalendar({
  siteId,
  timeZone,
  resources,
  onPick,
  actions,
  canWait = false,
  linked,
  onBooking,
}: {
  siteId: string;
  timeZone: string;
  resources: ResourceData[];
  onPick: (slot: Slot) => void;
  actions?: (resourceId: string | null, date: string) => ReactNode;
  /** A member may pick someone else's coming booking, to wait for it. */
  canWait?: boolean;
  /** The resource and day a waiting-list mail links to. */
  linked?: { resourceId: string | null; date: string | null };
  /** Staff open a van or equipment booking to read its check-out and check-in. */
  onBooking?: (opened: OpenedBooking) => void;
}) {
  const { t } = useTranslation();
  const phone = useMediaQuery(PHONE_QUERY);
  const [view, setView] = useState<View>('site');
  const [anchor, setAnchor] = useState(() => (linked?.date && /^\d{4}-\d{2}-\d{2}$/.test(linked.date) ? linked.date : siteToday(new Date(), timeZone)));
  const [resourceId, setResourceId] = useState<string | null>(() => (resources.some((r) => r.id === linked?.resourceId) ? linked!.resourceId : null));
  const chosen = resourceId ?? resources[0]?.id ?? null;
  const days = useMemo(() => (view === 'site' ? [anchor] : view === 'week' ? Array.from({ length: 7 }, (_, i) => addLocalDays(mondayOf(anchor), i)) : monthGrid(anchor)), [anchor, view]);
  const range = { from: siteInstant(days[0]!, 0, timeZone).toISOString(), to: siteInstant(days[days.length - 1]!, 24, timeZone).toISOString() };
  const availability = useAvailability(view === 'site' ? { ...range, siteId } : { ...range, siteId, resourceId: chosen ?? undefined }, view === 'site' || chosen !== null);
  const move = (direction: 1 | -1) => {
    if (view === 'site') setAnchor(addLocalDays(anchor, direction));
    else if (view === 'week') setAnchor(addLocalDays(anchor, 7 * direction));
    else {
      const first = `${anchor.slice(0, 8)}01`;
      setAnchor(direction === 1 ? `${addLocalDays(first, 31).slice(0, 8)}01` : `${addLocalDays(first, -1).slice(0, 8)}01`);
    }
  };
  const openDay = (date: string) => {
    setAnchor(date);
    setView('site');
  };
  const data = availability.data?.resources ?? [];
  return (
    <Stack>
      <Group wrap="wrap" gap="sm">
        <SegmentedControl
          data-testid="calendar-view"
          value={view}
          onChange={(v) => setView(v as View)}
          fullWidth={phone}
          w={phone ? '100%' : undefined}
          data={[
            { value: 'site', label: t('resources.views.siteDay') },
            { value: 'week', label: t('resources.views.week') },
            { value: 'month', label: t('resources.views.month') },
          ]}
        />
        {view !== 'site' && (
          <Select aria-label={t('resources.resource')} data-testid="resource-select" data={resources.map((r) => ({ value: r.id, label: r.name }))} value={chosen} onChange={setResourceId} allowDeselect={false} w={phone ? '100%' : 260} />
        )}
        <Group gap="xs" wrap="wrap">
          <Button variant="default" size="xs" onClick={() => move(-1)}>
            {t('resources.previous')}
          </Button>
          <Button variant="default" size="xs" onClick={() => setAnchor(siteToday(new Date(), timeZone))}>
            {t('resources.today')}
          </Button>
          <Button variant="default" size="xs" onClick={() => move(1)}>
            {t('resources.next')}
          </Button>
        </Group>
        {actions?.(chosen, anchor)}
      </Group>
      <PeriodTitle view={view} days={days} anchor={anchor} timeZone={timeZone} />
      <ErrorAlert error={availability.error} />
      {availability.data && view === 'site' && <HourGrid timeZone={timeZone} columns={data.map((r) => ({ key: r.id, label: r.name, resource: r, date: anchor }))} onPick={onPick} onBooking={onBooking} canWait={canWait} testId="site-day" />}
      {availability.data && view === 'week' && data[0] && <WeekGrid res={data[0]} days={days} timeZone={timeZone} onPick={onPick} onBooking={onBooking} canWait={canWait} />}
      {availability.data && view === 'month' && data[0] && <MonthGrid res={data[0]} days={days} anchor={anchor} timeZone={timeZone} onDay={openDay} />}
      {availability.data && view === 'site' && data.length === 0 && <Text c="dimmed">{t('resources.empty')}</Text>}
    </Stack>
  );
}

function PeriodTitle({ view, days, anchor, timeZone }: { view: View; days: string[]; anchor: string; timeZone: string }) {
  const f = useFormat();
  const noon = (d: string) => siteInstant(d, 12, timeZone).toISOString();
  const text =
    view === 'site'
      ? f.date(noon(anchor), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone })
      : view === 'week'
        ? `${f.date(noon(days[0]!), { day: 'numeric', month: 'short', timeZone })} – ${f.date(noon(days[6]!), { day: 'numeric', month: 'short', year: 'numeric', timeZone })}`
        : f.date(noon(anchor), { month: 'long', year: 'numeric', timeZone });
  return (
    <Text fw={600} data-testid="calendar-period">
      {asTitle(text, f.lang)}
    </Text>
  );
}

function WeekGrid({ res, days, timeZone, onPick, onBooking, canWait }: { res: ResourceSlots; days: string[]; timeZone: string; onPick: (slot: Slot) => void; onBooking?: (opened: OpenedBooking) => void; canWait: boolean }) {
  const f = useFormat();
  return <HourGrid timeZone={timeZone} columns={days.map((d) => ({ key: d, label: f.date(siteInstant(d, 12, timeZone).toISOString(), { weekday: 'short', day: 'numeric', month: 'short', timeZone }), resource: res, date: d }))} onPick={onPick} onBooking={onBooking} canWait={canWait} testId="resource-calendar" />;
}

/** Rows are the site's hours, columns a resource on a day (the site's resources, or one resource's week). */
function HourGrid({
  timeZone,
  columns,
  onPick,
  onBooking,
  canWait,
  testId,
}: {
  timeZone: string;
  columns: { key: string; label: string; resource: ResourceSlots; date: string }[];
  onPick: (slot: Slot) => void;
  onBooking?: (opened: OpenedBooking) => void;
  canWait: boolean;
  testId: string;
}) {
  const { first, last } = gridHours(columns[0]?.resource.openingHours ?? []);
  const hours = Array.from({ length: Math.max(1, last - first) }, (_, i) => first + i);
  const min = 104;
  return (
    <ScrollArea type="auto" offsetScrollbars data-testid={`${testId}-scroll`}>
      <Box style={{ display: 'grid', gridTemplateColumns: `52px repeat(${columns.length}, minmax(${min}px, 1fr))`, gap: 2, minWidth: 52 + columns.length * (min + 2) }} data-testid={testId}>
        <div />
        {columns.map((c) => (
          <Text key={c.key} size="sm" fw={600} ta="center" lineClamp={2}>
            {c.label}
          </Text>
        ))}
        {hours.map((hour) => [
          <Text key={`h${hour}`} size="xs" c="dimmed" ta="right" pr={4}>
            {hhmm(hour)}
          </Text>,
          ...columns.map((c) => <Cell key={`${c.key}-${hour}`} res={c.resource} date={c.date} hour={hour} timeZone={timeZone} canWait={canWait} onFree={() => onPick({ resource: c.resource, date: c.date, hour })} onBooking={onBooking} />),
        ])}
      </Box>
    </ScrollArea>
  );
}

function Cell({ res, date, hour, timeZone, canWait, onFree, onBooking }: { res: ResourceSlots; date: string; hour: number; timeZone: string; canWait: boolean; onFree: () => void; onBooking?: (opened: OpenedBooking) => void }) {
  const { t } = useTranslation();
  const busy = busyAt(res.busy, date, hour, timeZone);
  const past = siteInstant(date, hour + 1, timeZone).getTime() <= Date.now();
  if (busy) {
    const unavailable = busy.type === 'unavailable';
    const text = unavailable ? busy.label : busy.mine ? t('resources.mine') : (busy.label ?? t('resources.booked'));
    const paper = (
      <Paper p={4} radius="xs" bg={unavailable ? 'orange.1' : busy.mine ? 'teal.1' : 'gray.3'} title={text ?? undefined} data-testid={unavailable ? 'unavailable-slot' : 'busy-slot'} data-resource={res.name} data-date={date} data-hour={hour}>
        <Text size="xs" lineClamp={1} c={unavailable ? 'orange.9' : busy.mine ? undefined : 'dimmed'}>
          {text}
        </Text>
      </Paper>
    );
    // Staff read what happened to the van: mileage, notes and photos of its check-out and check-in.
    if (onBooking && !unavailable && busy.bookingId && HANDOVER_KINDS.includes(res.kind)) {
      const bookingId = busy.bookingId;
      return (
        <UnstyledButton onClick={() => onBooking({ bookingId, resource: res, date })} aria-label={`${t('resources.handover.open')} ${res.name} ${date} ${hhmm(hour)}`} data-testid="handover-slot">
          {paper}
        </UnstyledButton>
      );
    }
    // Someone else's booking, still to come: the dialog offers to wait for it.
    if (canWait && !unavailable && !busy.mine && !past && isBookableHour(res.bookableHours, date, hour)) {
      return (
        <UnstyledButton onClick={onFree} aria-label={`${t('resources.wait.takenSlot')} ${res.name} ${date} ${hhmm(hour)}`} data-testid="taken-slot">
          {paper}
        </UnstyledButton>
      );
    }
    return paper;
  }
  if (!isBookableHour(res.bookableHours, date, hour) || past) return <Paper p={4} radius="xs" bg="gray.1" aria-hidden />;
  return (
    <Button variant="subtle" size="compact-xs" radius="xs" onClick={onFree} aria-label={`${t('resources.free')} ${res.name} ${date} ${hhmm(hour)}`} data-testid="free-slot" data-resource={res.name} data-date={date} data-hour={hour}>
      {t('resources.free')}
    </Button>
  );
}

function MonthGrid({ res, days, anchor, timeZone, onDay }: { res: ResourceSlots; days: string[]; anchor: string; timeZone: string; onDay: (date: string) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const month = anchor.slice(0, 7);
  const weekdays = days.slice(0, 7).map((d) => f.date(siteInstant(d, 12, timeZone).toISOString(), { weekday: 'short', timeZone }));
  return (
    <Stack gap="xs">
      <Box style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))', gap: 4 }} data-testid="month-grid">
        {weekdays.map((w) => (
          <Text key={w} size="xs" c="dimmed" ta="center">
            {w}
          </Text>
        ))}
        {days.map((d) => {
          const load = dayLoad(res.bookableHours, res.busy, d, timeZone);
          const label = `${f.date(siteInstant(d, 12, timeZone).toISOString(), { dateStyle: 'full', timeZone })} : ${t(`resources.load.${load}`)}`;
          return (
            <UnstyledButton key={d} onClick={() => onDay(d)} aria-label={label} title={label} data-testid="month-day" data-date={d} data-load={load}>
              <Paper radius="sm" p={4} bg={LOAD_COLOUR[load]} opacity={d.startsWith(month) ? 1 : 0.45} style={{ minHeight: 44 }}>
                <Text size="sm" fw={600}>
                  {Number(d.slice(8))}
                </Text>
                <Text size="xs" visibleFrom="sm" lineClamp={1}>
                  {t(`resources.load.${load}`)}
                </Text>
              </Paper>
            </UnstyledButton>
          );
        })}
      </Box>
      <Group gap="sm" hiddenFrom="sm" wrap="wrap">
        {(['free', 'partly', 'full', 'closed'] as const).map((l) => (
          <Group key={l} gap={4} wrap="nowrap">
            <Paper w={12} h={12} radius="xs" bg={LOAD_COLOUR[l]} />
            <Text size="xs">{t(`resources.load.${l}`)}</Text>
          </Group>
        ))}
      </Group>
    </Stack>
  );
}
