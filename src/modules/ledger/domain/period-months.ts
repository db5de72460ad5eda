import { addDays, addMonths } from '../../../platform/calendar/index.js';

/**
 * Splits a period into the whole months that stored monthly totals answer and the days at
 * its edges that only the lines can answer. Dates are 'YYYY-MM-DD'; an open end is
 * undefined. Months are named by their first day.
 *
 *   2026-01-15 … 2026-04-10  →  months 2026-02-01 … 2026-03-01, days 01-15…01-31 and 04-01…04-10
 */
export interface PeriodSplit {
  /** The whole months, or null when the period holds none. Ends undefined = open. */
  months: { from?: string; to?: string } | null;
  /** Day ranges outside the whole months (at most two: the head and the tail). */
  days: { from?: string; to?: string }[];
}

const monthStart = (s: string) => `${s.slice(0, 7)}-01`;

export function splitPeriod(from?: string, to?: string): PeriodSplit {
  if (from !== undefined && to !== undefined && from > to) return { months: null, days: [] };
  // First whole month: the month of `from` when it starts on the 1st, else the next one.
  const first = from === undefined ? undefined : from.endsWith('-01') ? from : addMonths(monthStart(from), 1);
  // Last whole month: the month of `to` when it ends on its last day, else the one before.
  const last = to === undefined ? undefined : addDays(to, 1).endsWith('-01') ? monthStart(to) : addMonths(monthStart(to), -1);
  if (first !== undefined && last !== undefined && first > last) return { months: null, days: [{ from, to }] };
  const days: PeriodSplit['days'] = [];
  if (from !== undefined && first !== undefined && from < first) days.push({ from, to: addDays(first, -1) });
  if (to !== undefined && last !== undefined && addMonths(last, 1) <= to) days.push({ from: addMonths(last, 1), to });
  return { months: { ...(first !== undefined ? { from: first } : {}), ...(last !== undefined ? { to: last } : {}) }, days };
}
