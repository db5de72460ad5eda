import { roundHalfUp } from './contribution-of.js';

/**
 * What a cost in the contribution base gives back to its activity: the contribution that cost
 * would otherwise bear, rate × its amount excl. VAT (half-up to the cent), so the activity
 * contributes on its margin (what it sells minus what it buys to resell or has done by
 * others). Never more than what the activity still contributes in the month (its postings of
 * the month minus what was already given back): the month's contribution never goes below
 * zero, the coop never pays an activity for its purchases.
 */
export function baseDeduction(baseCents: number, rateBp: number, monthContributionCents: number): number {
  if (baseCents <= 0 || rateBp <= 0) return 0;
  return Math.max(0, Math.min(roundHalfUp(baseCents, rateBp, 10_000), monthContributionCents));
}
