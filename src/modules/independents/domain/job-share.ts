/**
 * What an independent may still invoice the coop for on one job (issue 13 §3: the coop
 * invoices the client, the member invoices the coop for their share): their activity's revenue
 * part, less the bringer's commission that part owes, less the coop's contribution on it, less
 * what they already invoiced the coop for that job. Never below zero (a credit note after an
 * invoice to the coop leaves nothing more to invoice, not a negative figure).
 */
export function jobShareLeft(p: { revenueCents: number; commissionOwedCents: number; contributionCents: number; invoicedCents: number }): number {
  return Math.max(0, p.revenueCents - p.commissionOwedCents - p.contributionCents - p.invoicedCents);
}
