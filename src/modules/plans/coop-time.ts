import { FRANCE_TIME_ZONE } from '../../platform/calendar/index.js';

/*
 * Plans count in the coop's calendar days (Europe/Paris): a month's passes start at midnight in
 * Paris, not in UTC. These turn a day into its first instant there, and an instant into its day,
 * daylight-saving changes included (the offset is read for that very day).
 */
const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: FRANCE_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const partsFormat = new Intl.DateTimeFormat('en-US', { timeZone: FRANCE_TIME_ZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** The day ('YYYY-MM-DD') an instant falls on in Paris. */
export function dayInParis(at: Date): string {
  return dayFormat.format(at);
}

function offsetMs(at: Date): number {
  const p = Object.fromEntries(partsFormat.formatToParts(at).map((x) => [x.type, x.value]));
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

/** Midnight of a day in Paris, as an instant. */
export function parisMidnight(day: string): Date {
  const utc = Date.parse(`${day}T00:00:00Z`);
  // Midnight is never inside a French DST jump (they happen at 2 h and 3 h): one correction is exact.
  const guess = utc - offsetMs(new Date(utc));
  return new Date(utc - offsetMs(new Date(guess)));
}
