import { addLocalDays, fromLocal, minutesOf, toLocal, weekdayOf } from '../../../modules/resources/contract';

/**
 * The calendar's grid in the site's own time zone, React-free: days are the site's calendar
 * dates ('YYYY-MM-DD') and hours its wall clock, whatever zone the browser runs in (a member
 * travelling, a test browser in UTC). The server judges bookings in that zone too.
 */
export interface OpeningSpan {
  weekday: number;
  opens: string;
  closes: string;
}
export interface BusySpan {
  startsAt: string;
  endsAt: string;
}

/** The hours the grid shows when a site has no opening hours. */
const DEFAULT_HOURS = { first: 8, last: 20 };

export const hhmm = (hour: number) => `${String(hour).padStart(2, '0')}:00`;
/** Opening hours close at '00:00' for midnight. */
const closesAt = (s: OpeningSpan) => (s.closes === '00:00' ? 24 * 60 : minutesOf(s.closes));

/** The site's date today. */
export const siteToday = (now: Date, timeZone: string) => toLocal(now, timeZone).date;

/** The instant a site's wall-clock hour starts (hour 24 is the next midnight). */
export const siteInstant = (date: string, hour: number, timeZone: string) => (hour >= 24 ? fromLocal(addLocalDays(date, 1), '00:00', timeZone) : fromLocal(date, hhmm(hour), timeZone));

/** The Monday of a date's week. */
export const mondayOf = (date: string) => addLocalDays(date, 1 - weekdayOf(date));

/** The whole weeks covering a date's month, Monday first: 28 to 42 days, within what one availability request reads. */
export function monthGrid(date: string): string[] {
  const first = `${date.slice(0, 8)}01`;
  const start = mondayOf(first);
  const nextMonth = addLocalDays(first, 31).slice(0, 8) + '01';
  const days: string[] = [];
  for (let d = start; d < nextMonth || weekdayOf(d) !== 1; d = addLocalDays(d, 1)) days.push(d);
  return days;
}

/** First and last hour of the grid: the earliest opening and the latest closing of the week, rounded out. */
export function gridHours(openingHours: OpeningSpan[]): { first: number; last: number } {
  if (openingHours.length === 0) return DEFAULT_HOURS;
  return {
    first: Math.floor(Math.min(...openingHours.map((s) => minutesOf(s.opens))) / 60),
    last: Math.ceil(Math.max(...openingHours.map(closesAt)) / 60),
  };
}

/** Whether the site is open for the whole hour [hour, hour + 1) of a date. */
export function isOpenHour(openingHours: OpeningSpan[], date: string, hour: number): boolean {
  const weekday = weekdayOf(date);
  return openingHours.some((s) => s.weekday === weekday && minutesOf(s.opens) <= hour * 60 && (hour + 1) * 60 <= closesAt(s));
}

/**
 * Whether the hour may be booked as far as the clock goes: inside the hours the resource's
 * rules accept (the server's `bookableHours`), or any hour when they are null (a van taken on
 * Friday evening). The grid greys exactly the hours this says no to.
 */
export function isBookableHour(bookableHours: OpeningSpan[] | null, date: string, hour: number): boolean {
  return bookableHours === null || isOpenHour(bookableHours, date, hour);
}

/**
 * A date written as a title: only its first letter raised. French writes months and weekdays
 * in lower case (« jeudi 3 décembre 2026 »); capitalising each word (CSS `capitalize`) would
 * print « Jeudi 3 Décembre 2026 », which is English typography.
 */
export const asTitle = (text: string, locale: string) => text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);

/** The busy span over an hour of a date, if any. */
export function busyAt<T extends BusySpan>(busy: T[], date: string, hour: number, timeZone: string): T | undefined {
  const start = siteInstant(date, hour, timeZone).getTime();
  const end = siteInstant(date, hour + 1, timeZone).getTime();
  return busy.find((b) => Date.parse(b.startsAt) < end && Date.parse(b.endsAt) > start);
}

export type DayLoad = 'closed' | 'free' | 'partly' | 'full';

/**
 * How taken a day is within the hours its resource may be booked (the whole day when any hour is): the minutes busy (bookings and
 * unavailabilities, overlaps counted once) against the minutes open.
 */
export function dayLoad(bookableHours: OpeningSpan[] | null, busy: BusySpan[], date: string, timeZone: string): DayLoad {
  const weekday = weekdayOf(date);
  // A resource bookable at any hour is measured over the whole day.
  const openingHours = bookableHours ?? [{ weekday, opens: '00:00', closes: '00:00' }];
  const spans = openingHours.filter((s) => s.weekday === weekday).map((s) => [fromLocal(date, s.opens, timeZone).getTime(), s.closes === '00:00' ? siteInstant(date, 24, timeZone).getTime() : fromLocal(date, s.closes, timeZone).getTime()] as const);
  if (spans.length === 0) return 'closed';
  let open = 0;
  let taken = 0;
  for (const [from, to] of spans) {
    open += to - from;
    const cut = busy
      .map((b) => [Math.max(from, Date.parse(b.startsAt)), Math.min(to, Date.parse(b.endsAt))] as const)
      .filter(([a, b]) => a < b)
      .sort((x, y) => x[0] - y[0]);
    let reach = from;
    for (const [a, b] of cut) {
      if (b <= reach) continue;
      taken += b - Math.max(a, reach);
      reach = b;
    }
  }
  return taken === 0 ? 'free' : taken >= open ? 'full' : 'partly';
}
