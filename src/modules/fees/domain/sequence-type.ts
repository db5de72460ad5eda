import { addDays } from './collection-date.js';

/** A mandate unused for 36 months lapses (SEPA Core rulebook 4.1, AT-25): a new one must be signed. */
export const MANDATE_LAPSE_MONTHS = 36;

function addMonths(day: string, months: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), last));
  return target.toISOString().slice(0, 10);
}

/** The day from which a mandate last used (or signed, if never used) on `since` has lapsed. */
export const lapsesOn = (since: string) => addMonths(since, MANDATE_LAPSE_MONTHS);

/**
 * The sequence of a mandate's next debit: FRST for its first collection, RCUR after; 'lapsed'
 * when 36 months passed since its last collection (or its signature, never used) by the
 * collection date. A collection already sent counts, even unpaid: the debtor's bank saw it.
 */
export function sequenceTypeOf(mandate: { signedOn: string; lastCollectedOn: string | null }, collectionDate: string): 'FRST' | 'RCUR' | 'lapsed' {
  const since = mandate.lastCollectedOn ?? mandate.signedOn;
  if (collectionDate >= lapsesOn(since)) return 'lapsed';
  return mandate.lastCollectedOn ? 'RCUR' : 'FRST';
}

export { addDays };
