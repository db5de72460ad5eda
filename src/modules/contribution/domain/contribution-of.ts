/**
 * The cooperative contribution: the share of each activity's revenue (excl. VAT) moved to the
 * coop's own funds, for the pooled services (accounting, insurance, support). Pure rules,
 * no clock and no database: the operations read the ledger and the settings and pass them in.
 */

/** When a floor / ceiling is measured: on each invoice, or over a calendar month of an activity. */
export type BoundPeriod = 'invoice' | 'month';

/** The rule in force for one activity: the coop's, or the activity's override. */
export interface ContributionRule {
  /** Basis points of revenue excl. VAT (1000 = 10 %), 0 to 10000. */
  rateBp: number;
  /** The least an invoice (or a month) contributes, in cents; null for none. */
  floorCents: number | null;
  /** The most an invoice (or a month) contributes, in cents; null for none. */
  ceilingCents: number | null;
  period: BoundPeriod;
}

/**
 * `cents × numerator / denominator` rounded half-up to the cent (half a cent goes up, the
 * French "arrondi commercial"), in exact integer arithmetic so 0.5 is never lost to a float.
 * Negative values round half away from zero, so a reversal mirrors the amount it reverses.
 */
export function roundHalfUp(cents: number, numerator: number, denominator: number): number {
  if (denominator <= 0) throw new RangeError('denominator must be positive');
  const n = BigInt(cents) * BigInt(numerator);
  const d = BigInt(denominator);
  const sign = n < 0n ? -1n : 1n;
  const abs = n < 0n ? -n : n;
  return Number(sign * ((2n * abs + d) / (2n * d)));
}

/**
 * The full contribution of one activity's part of a document: rate × the part's revenue
 * excl. VAT, rounded half-up to the cent per activity (not per line: the contribution is the
 * activity's, and one rounding per part keeps the sum of the parts equal to what is posted).
 * A per-invoice floor and ceiling apply to that part; a floor never asks more than the part's
 * revenue (a contribution is a share of what was earned, never more than it). Per-month
 * bounds are not applied here: the ceiling caps each posting against the month's total
 * (`cappedByMonth`), the floor is a top-up at month end (`monthlyTopUp`).
 */
export function fullContribution(baseCents: number, rule: ContributionRule): number {
  if (baseCents <= 0) return 0;
  let amount = roundHalfUp(baseCents, rule.rateBp, 10_000);
  if (rule.period === 'invoice') {
    if (rule.floorCents !== null) amount = Math.max(amount, Math.min(rule.floorCents, baseCents));
    if (rule.ceilingCents !== null) amount = Math.min(amount, rule.ceilingCents);
  }
  return amount;
}

/** How far a document's revenue is acquired, as a fraction `num / den` (0 ≤ num ≤ den). */
export interface Fraction {
  num: number;
  den: number;
}

/**
 * What part of the full contribution is due now. Basis 'validation': the revenue the document
 * still recognises (what credit notes did not take back, `kept`). Basis 'payment': the part
 * the client paid, never more than what is kept (a credit note on an unpaid remainder takes
 * nothing back; one after full payment — a refund — does). Cumulative: the caller posts this
 * minus what it already posted, so a fully paid (or validated) document has exactly its full
 * contribution whatever the number of payments, and a full credit note brings it to 0.
 */
export function contributionDue(fullCents: number, basis: 'validation' | 'payment', kept: Fraction, paid: Fraction): number {
  const k = clampFraction(kept);
  if (basis === 'validation') return roundHalfUp(fullCents, k.num, k.den);
  const p = clampFraction(paid);
  // min(p, k) compared by cross-multiplication, exact in integers.
  const smaller = BigInt(p.num) * BigInt(k.den) <= BigInt(k.num) * BigInt(p.den) ? p : k;
  return roundHalfUp(fullCents, smaller.num, smaller.den);
}

function clampFraction(f: Fraction): Fraction {
  if (f.den <= 0) return { num: 1, den: 1 };
  return { num: Math.max(0, Math.min(f.num, f.den)), den: f.den };
}

/**
 * A per-month ceiling: what a posting of `dueCents` may add when the activity's contribution
 * of the month already stands at `monthSoFarCents`. Later documents of the month get less,
 * down to 0; a reversal (negative) always passes, it lowers the month.
 */
export function cappedByMonth(dueCents: number, monthSoFarCents: number, ceilingCents: number | null): number {
  if (dueCents <= 0 || ceilingCents === null) return dueCents;
  return Math.max(0, Math.min(dueCents, ceilingCents - monthSoFarCents));
}

/** A per-month floor: the top-up posted at month end when the month's contribution fell short of it. */
export function monthlyTopUp(monthTotalCents: number, floorCents: number | null): number {
  if (floorCents === null) return 0;
  return Math.max(0, floorCents - monthTotalCents);
}

/**
 * How much of a reversal (the due falling by `-dueDelta`) to take back from what was posted:
 * when ceilings held some postings below their due, the same proportion of the posted amount;
 * all of it when nothing is due any more (a full credit note reverses exactly what was posted).
 */
export function reversedPosted(dueDelta: number, dueSoFar: number, postedSoFar: number, dueAfter: number): number {
  if (dueDelta >= 0) return 0;
  if (dueAfter <= 0 || dueSoFar <= 0) return -postedSoFar;
  return -Math.min(postedSoFar, roundHalfUp(-dueDelta, postedSoFar, dueSoFar));
}

/** The calendar month of a date, 'YYYY-MM'. */
export const monthOf = (date: string) => date.slice(0, 7);

/** The last day of a month 'YYYY-MM', where its top-up is dated. */
export function lastDayOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const day = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}

/** The month after 'YYYY-MM'. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
