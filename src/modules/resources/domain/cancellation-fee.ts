export interface CancellationTerms {
  /** A cancellation later than this many minutes before the start costs the fee; null: always free. */
  deadlineMinutes: number | null;
  feeCents: number | null;
  /** Or a share of the booking's price, in basis points. */
  feeBp: number | null;
}

/**
 * The fee of cancelling a booking at `now`: free up to the deadline before its start, the fee
 * after (a fixed amount, or a share of the price rounded to the cent, never more than the price).
 * A booking already started is inside every deadline.
 */
export function cancellationFee(terms: CancellationTerms, booking: { startsAt: Date; priceCents: number }, now: Date): number {
  if (terms.deadlineMinutes === null) return 0;
  const minutesBefore = (booking.startsAt.getTime() - now.getTime()) / 60000;
  if (minutesBefore >= terms.deadlineMinutes) return 0;
  const fee = terms.feeCents ?? Math.round((booking.priceCents * (terms.feeBp ?? 0)) / 10000);
  return Math.min(fee, booking.priceCents);
}
