/**
 * How much of an advance the client's payments have settled: the advance in proportion of
 * what the client paid of what he owes (rounded down), all of it once nothing is left to pay.
 * Proportional rather than "the fund first", so the activity's available treasury only ever
 * grows as its client pays (revenue collected grows as the advance outstanding shrinks).
 */
export function settledTargetCents(advanceCents: number, invoice: { paidCents: number; amountLeftCents: number }): number {
  if (invoice.amountLeftCents <= 0) return advanceCents;
  const owed = invoice.paidCents + invoice.amountLeftCents;
  return Math.floor((advanceCents * invoice.paidCents) / owed);
}
