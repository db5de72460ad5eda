/*
 * Calendar arithmetic on 'YYYY-MM-DD' days. A day has no time and no time zone: due dates,
 * notice periods, dunning steps and fiscal years count whole calendar days, so the arithmetic
 * runs on UTC midnights, where no daylight saving change can add or lose an hour. Only
 * "today" has a time zone (see `todayInFrance`).
 */

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** UTC midnight of the day, in milliseconds; NaN unless `day` is a day of the calendar. */
function utcMidnight(day: string): number {
  const m = ISO_DAY.exec(day);
  if (!m) return Number.NaN;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Date.UTC rolls 30 February over to March: a day that reads back differently does not exist.
  return new Date(ms).toISOString().slice(0, 10) === day ? ms : Number.NaN;
}

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Whether `value` is a day of the calendar written 'YYYY-MM-DD' (2028-02-29 yes, 2026-02-30 no). */
export function isIsoDay(value: string): boolean {
  return !Number.isNaN(utcMidnight(value));
}

/** The day itself, or a RangeError when it is not a day of the calendar written 'YYYY-MM-DD'. */
export function assertIsoDay(day: string): string {
  if (!isIsoDay(day)) throw new RangeError(`not a calendar date: ${day}`);
  return day;
}

const checked = (day: string) => {
  const ms = utcMidnight(day);
  if (Number.isNaN(ms)) throw new RangeError(`not a calendar date: ${day}`);
  return ms;
};

/** The day `days` calendar days later (earlier when negative). */
export function addDays(day: string, days: number): string {
  return dayOf(checked(day) + days * DAY_MS);
}

/** Adds calendar months; the 31st of a shorter month falls back to its last day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(day: string, months: number): string {
  const start = new Date(checked(day));
  const index = start.getUTCFullYear() * 12 + start.getUTCMonth() + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return dayOf(Date.UTC(year, month, Math.min(start.getUTCDate(), lastDay)));
}

/** The last day of the day's month. */
export function endOfMonth(day: string): string {
  const d = new Date(checked(day));
  return dayOf(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((checked(to) - checked(from)) / DAY_MS);
}

/** The year of a day. */
export const yearOf = (day: string): number => new Date(checked(day)).getUTCFullYear();
