import { FIGURES, type FigureSpec } from './figures';
import type { ActivityTreasuryData } from './use-treasury';

export type Outflow = Extract<FigureSpec['key'], 'contribution' | 'commissionsOut' | 'expenses' | 'salaries' | 'advanceFees' | 'reserved'>;

/** Why an activity's available amount is below zero, from the same figures the card shows. */
export interface NegativeAvailable {
  /** How far below zero (positive cents). */
  shortfallCents: number;
  /** What entered the activity: collected, commissions in, advances and loans outstanding. */
  inCents: number;
  /** What left it or is already asked for, largest first (only those above zero). */
  outflows: { key: Outflow; cents: number }[];
  /** Revenue invoiced but not yet paid by the clients: it makes up the shortfall once paid. */
  owedCents: number;
  /** The owed revenue covers the shortfall: the activity only has to wait for its clients. */
  coveredByOwed: boolean;
}

/**
 * Explains a negative available amount (null when it is not negative): the outflows that exceed
 * what came in, as the card adds and subtracts them (`FIGURES` signs), so the words always match
 * the figures shown above them. Salaries and a contribution taken at validation are posted before
 * the client pays; an advance fee is taken when the fund pays: each can push the activity below zero
 * until its invoices are paid.
 */
export function negativeAvailable(data: ActivityTreasuryData): NegativeAvailable | null {
  if (data.availableCents >= 0) return null;
  let inCents = 0;
  const outflows: NegativeAvailable['outflows'] = [];
  for (const f of FIGURES) {
    const cents = data[f.value];
    if (f.sign === '+') inCents += cents;
    else if (f.sign === '-' && cents > 0) outflows.push({ key: f.key as Outflow, cents });
  }
  outflows.sort((a, b) => b.cents - a.cents);
  const shortfallCents = -data.availableCents;
  return { shortfallCents, inCents, outflows, owedCents: data.owedCents, coveredByOwed: data.owedCents >= shortfallCents };
}
