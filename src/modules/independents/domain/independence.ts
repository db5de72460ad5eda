import { addDays, addMonths } from '../../../platform/calendar/index.js';

/**
 * The first day of the rolling 12 months that end on `today` (included): the same day a year
 * before, plus one day, so that 12 months of invoices count and never 12 months and a day.
 */
export function rollingYearStart(today: string): string {
  return addDays(addMonths(today, -12), 1);
}

/**
 * The share of the member's declared revenue that went through the coop, in basis points
 * (5000 = 50 %), rounded down so a ratio is never shown above the threshold before it is;
 * null when no revenue was declared (no ratio to compute, no alert).
 */
export function volumeRatioBp(volumeCents: number, declaredRevenueCents: number | null): number | null {
  if (declaredRevenueCents === null || declaredRevenueCents <= 0) return null;
  return Number((BigInt(Math.max(0, volumeCents)) * 10_000n) / BigInt(declaredRevenueCents));
}

/**
 * What to do with a member's alert given the ratio now: open one when the ratio reaches the
 * threshold and none is open (a crossing), clear the open one when the ratio went back under
 * (the next crossing warns again), nothing otherwise — so a member above the threshold is
 * warned once per crossing, however often it is checked.
 */
export function alertMove(ratioBp: number | null, thresholdBp: number, alertOpen: boolean): 'open' | 'clear' | 'none' {
  const above = ratioBp !== null && ratioBp >= thresholdBp;
  if (above && !alertOpen) return 'open';
  if (!above && alertOpen) return 'clear';
  return 'none';
}
