import { daysBetween } from '../../../platform/calendar/index.js';

/**
 * Late-payment penalties owed on what is left of an invoice on `today`, at the coop's yearly
 * rate: art. L441-10 II of the Code de commerce makes them due from the day after the due
 * date without any reminder, so they run over every calendar day late, on a 365-day year,
 * rounded to the nearest cent. Between professionals only: an individual owes interest at
 * the legal rate from the formal notice (art. 1231-6 Code civil), which a letter states
 * without computing, since the rate changes every half-year.
 */
export function latePenaltyCents(input: { amountLeftCents: number; rateBp: number; dueDate: string; today: string }): number {
  const days = daysBetween(input.dueDate, input.today);
  if (days <= 0 || input.amountLeftCents <= 0 || input.rateBp <= 0) return 0;
  // In BigInt: a large amount × rate × days can pass 2^53 before the division.
  const numerator = BigInt(input.amountLeftCents) * BigInt(input.rateBp) * BigInt(days);
  const denominator = 10_000n * 365n;
  return Number((numerator * 2n + denominator) / (denominator * 2n));
}
