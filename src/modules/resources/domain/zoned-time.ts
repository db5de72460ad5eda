/**
 * Wall-clock time in a time zone ↔ instants, with Intl only (no clock read). Sites book in
 * their own zone: a 09:00 Paris booking is 08:00 UTC in winter and 07:00 UTC in summer.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', weekday: 'short' });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

export interface LocalTime {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM */
  time: string;
  /** ISO weekday, 1 = Monday */
  weekday: number;
  /** Minutes since local midnight. */
  minutes: number;
}

/** The wall-clock reading of an instant in a zone. */
export function toLocal(instant: Date, timeZone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const p of formatterOf(timeZone).formatToParts(instant)) parts[p.type] = p.value;
  const hour = Number(parts.hour), minute = Number(parts.minute);
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    weekday: WEEKDAYS[parts.weekday!]!,
    minutes: hour * 60 + minute,
  };
}

/** Offset of the zone at an instant, in minutes east of UTC. */
function offsetMinutes(instant: Date, timeZone: string): number {
  const parts: Record<string, string> = {};
  for (const p of formatterOf(timeZone).formatToParts(instant)) parts[p.type] = p.value;
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

/**
 * The instant a wall-clock time reads in a zone. A time skipped by the spring change (02:30 on
 * the last Sunday of March in Paris) is read with the offset before the change (03:30 summer
 * time); a time repeated in autumn takes its first occurrence.
 */
export function fromLocal(date: string, time: string, timeZone: string): Date {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const naive = Date.UTC(y, mo - 1, d, h, mi);
  // The zone's offsets a day either side cover any one change of the day.
  const offsets = [offsetMinutes(new Date(naive - 86400000), timeZone), offsetMinutes(new Date(naive + 86400000), timeZone)];
  const readsBack = (t: number) => {
    const l = toLocal(new Date(t), timeZone);
    return l.date === date && l.time === time;
  };
  const candidates = offsets.map((o) => naive - o * 60000).filter(readsBack).sort((a, b) => a - b);
  return new Date(candidates[0] ?? naive - Math.min(...offsets) * 60000);
}

/** The local date `days` after `date` (calendar arithmetic, no zone). */
export function addDays(date: string, days: number): string {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, mo - 1, d + days)).toISOString().slice(0, 10);
}

/** ISO weekday of a calendar date. */
export function weekdayOf(date: string): number {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const w = new Date(Date.UTC(y, mo - 1, d)).getUTCDay();
  return w === 0 ? 7 : w;
}

export const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};
