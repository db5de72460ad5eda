import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);
dayjs.extend(timezone);

/**
 * Occupancy for staff: how much of the time a resource could be used was booked, what it
 * brought, how many slots were wasted by no-shows, and when demand peaks. Pure: the caller
 * reads the bookings of the period and hands them in with the open hours.
 */
export interface OccupancyResource {
  id: string;
  name: string;
  siteId: string | null;
  /** Minutes the resource could be booked in the period (opening hours, or round the clock). */
  openMinutes: number;
}

export interface OccupancyBooking {
  resourceId: string;
  startsAt: Date;
  endsAt: Date;
  status: 'confirmed' | 'cancelled' | 'no_show' | 'completed';
  priceCents: number;
}

export interface OccupancyLine {
  resourceId: string;
  name: string;
  siteId: string | null;
  bookedMinutes: number;
  openMinutes: number;
  /** Booked share of the open time, in per mille (an integer: 1000 = full). */
  ratePerMille: number;
  bookings: number;
  noShows: number;
  revenueCents: number;
}

export interface OccupancyReport {
  resources: OccupancyLine[];
  sites: { siteId: string | null; bookedMinutes: number; openMinutes: number; ratePerMille: number; bookings: number; noShows: number; revenueCents: number }[];
  /** Booked minutes by weekday (0 Monday … 6 Sunday) and hour (0–23), in the coop's time zone. */
  peakHours: number[][];
  totals: { bookedMinutes: number; openMinutes: number; ratePerMille: number; bookings: number; noShows: number; revenueCents: number };
}

const rate = (booked: number, open: number) => (open > 0 ? Math.min(1000, Math.round((booked * 1000) / open)) : 0);
const MINUTE = 60_000;

/**
 * A no-show held the slot (nobody else could book it), so it counts as booked time and as
 * revenue when it was charged; a cancelled booking counts for nothing. Only the part of a
 * booking inside [from, to) is counted.
 */
export function computeOccupancy(input: { resources: readonly OccupancyResource[]; bookings: readonly OccupancyBooking[]; from: Date; to: Date; timeZone: string }): OccupancyReport {
  const lines = new Map<string, OccupancyLine>(
    input.resources.map((r) => [r.id, { resourceId: r.id, name: r.name, siteId: r.siteId, bookedMinutes: 0, openMinutes: r.openMinutes, ratePerMille: 0, bookings: 0, noShows: 0, revenueCents: 0 }]),
  );
  const peakHours = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
  for (const b of input.bookings) {
    const line = lines.get(b.resourceId);
    if (!line || b.status === 'cancelled') continue;
    const start = Math.max(b.startsAt.getTime(), input.from.getTime());
    const end = Math.min(b.endsAt.getTime(), input.to.getTime());
    if (end <= start) continue;
    line.bookedMinutes += Math.round((end - start) / MINUTE);
    line.bookings += 1;
    line.revenueCents += b.priceCents;
    if (b.status === 'no_show') line.noShows += 1;
    spreadOverHours(peakHours, start, end, input.timeZone);
  }
  const resources = [...lines.values()].map((l) => ({ ...l, ratePerMille: rate(l.bookedMinutes, l.openMinutes) }));
  const bySite = new Map<string | null, OccupancyReport['sites'][number]>();
  for (const l of resources) {
    const s = bySite.get(l.siteId) ?? { siteId: l.siteId, bookedMinutes: 0, openMinutes: 0, ratePerMille: 0, bookings: 0, noShows: 0, revenueCents: 0 };
    s.bookedMinutes += l.bookedMinutes;
    s.openMinutes += l.openMinutes;
    s.bookings += l.bookings;
    s.noShows += l.noShows;
    s.revenueCents += l.revenueCents;
    bySite.set(l.siteId, s);
  }
  const sites = [...bySite.values()].map((s) => ({ ...s, ratePerMille: rate(s.bookedMinutes, s.openMinutes) }));
  const sum = (k: 'bookedMinutes' | 'openMinutes' | 'bookings' | 'noShows' | 'revenueCents') => sites.reduce((a, s) => a + s[k], 0);
  const totals = { bookedMinutes: sum('bookedMinutes'), openMinutes: sum('openMinutes'), bookings: sum('bookings'), noShows: sum('noShows'), revenueCents: sum('revenueCents'), ratePerMille: 0 };
  totals.ratePerMille = rate(totals.bookedMinutes, totals.openMinutes);
  return { resources, sites, peakHours, totals };
}

/** Adds the minutes of [start, end) to the weekday × hour cells they fall in, in local time. */
function spreadOverHours(grid: number[][], start: number, end: number, timeZone: string): void {
  let t = start;
  while (t < end) {
    const local = dayjs(t).tz(timeZone);
    // The next hour boundary in UTC terms: every zone we serve has whole-hour or half-hour
    // offsets, and a local hour always starts at minute 0, so the next boundary is at most 60 min on.
    const next = Math.min(end, t + (60 - local.minute()) * MINUTE - local.second() * 1000 - local.millisecond());
    const weekday = (local.day() + 6) % 7;
    grid[weekday][local.hour()] += Math.round((next - t) / MINUTE);
    t = next;
  }
}

/**
 * Open minutes of a resource in [from, to), from weekly opening hours in local time
 * (weekday 0 Monday … 6 Sunday, minutes from midnight); no hours means round the clock (a van).
 * Walks the local days so that a daylight-saving day counts its real length.
 */
export function openMinutesIn(input: { from: Date; to: Date; timeZone: string; weekly: readonly { weekday: number; startMinute: number; endMinute: number }[] | null }): number {
  const { from, to, timeZone } = input;
  if (!input.weekly) return Math.max(0, Math.round((to.getTime() - from.getTime()) / MINUTE));
  let total = 0;
  let day = dayjs(from).tz(timeZone).startOf('day');
  while (day.valueOf() < to.getTime()) {
    const weekday = (day.day() + 6) % 7;
    for (const w of input.weekly.filter((x) => x.weekday === weekday)) {
      const s = Math.max(day.add(w.startMinute, 'minute').valueOf(), from.getTime());
      const e = Math.min(day.add(w.endMinute, 'minute').valueOf(), to.getTime());
      if (e > s) total += Math.round((e - s) / MINUTE);
    }
    day = day.add(1, 'day').startOf('day');
  }
  return total;
}
