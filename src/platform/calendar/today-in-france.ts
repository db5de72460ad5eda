/**
 * The time zone of the calendar the cooperatives we host keep: their books, their invoices'
 * issue dates and their members' notice periods are dated by the day in metropolitan France.
 */
export const FRANCE_TIME_ZONE = 'Europe/Paris';

const frenchDay = new Intl.DateTimeFormat('en-CA', { timeZone: FRANCE_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The calendar day of an instant in France, 'YYYY-MM-DD' (23:30 UTC on 31 December is already
 * New Year's Day there). Pure: the instant is an argument; `todayFromClock` reads the clock.
 */
export function todayInFrance(now: Date): string {
  return frenchDay.format(now);
}
