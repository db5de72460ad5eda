import { addDays, fromLocal } from './zoned-time.js';

export interface Occurrence {
  /** The local date of the occurrence. */
  date: string;
  startsAt: Date;
  endsAt: Date;
}

/**
 * The occurrences of a weekly booking: the same wall-clock times in the site's zone each week,
 * so a 09:00–11:00 Paris booking stays at 09:00 local across the daylight-saving changes (its
 * UTC instant moves by an hour). `endTime` at or before `startTime` ends the next day.
 */
export function expandWeekly(q: { firstDate: string; startTime: string; endTime: string; weeks: number; timeZone: string }): Occurrence[] {
  const out: Occurrence[] = [];
  const overnight = q.endTime <= q.startTime;
  for (let i = 0; i < q.weeks; i++) {
    const date = addDays(q.firstDate, 7 * i);
    out.push({ date, startsAt: fromLocal(date, q.startTime, q.timeZone), endsAt: fromLocal(overnight ? addDays(date, 1) : date, q.endTime, q.timeZone) });
  }
  return out;
}
