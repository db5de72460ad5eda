import { todayInFrance } from '../../../src/platform/calendar/index.js';

export { addMonths } from '../../../src/platform/calendar/index.js';

/** Today in Paris, 'YYYY-MM-DD': the day the app's date fields start from. */
export function parisToday(now = new Date()): string {
  return todayInFrance(now);
}

/** 'YYYY-MM-DD' as the French UI shows it: 'DD/MM/YYYY'. */
export function frenchDate(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}
