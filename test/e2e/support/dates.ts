import type { Locator, Page } from 'playwright-core';
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

/**
 * Types a wall-clock time "YYYY-MM-DDTHH:mm" into a DateTimeField (its day input, then its
 * time input), as a person would: the day as the French UI writes it, the time on 24 hours.
 */
export async function fillDateTime(scope: Page | Locator, testId: string, value: string): Promise<void> {
  const day = scope.getByTestId(`${testId}-day`);
  await day.fill(frenchDate(value.slice(0, 10)));
  await day.press('Tab');
  await scope.getByTestId(`${testId}-time`).fill(value.slice(11, 16));
}

/** What a DateTimeField shows, back as "YYYY-MM-DDTHH:mm". */
export async function dateTimeValue(scope: Page | Locator, testId: string): Promise<string> {
  const [d, m, y] = (await scope.getByTestId(`${testId}-day`).inputValue()).split('/');
  return `${y}-${m}-${d}T${await scope.getByTestId(`${testId}-time`).inputValue()}`;
}
