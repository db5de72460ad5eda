import { shareOf } from './share-of.js';

/** What the ledger holds of one invoice's VAT on receipts, per rate (basis points → cents). */
export interface InvoiceVatOnReceipt {
  /** The VAT the invoice credited to 44574 when it was issued. */
  invoicedByRate: ReadonlyMap<number, number>;
  /** The VAT its credit notes took back (on 44574 and 44571 together). */
  creditedByRate: ReadonlyMap<number, number>;
  /** What still waits on 44574 for it. */
  pendingByRate: ReadonlyMap<number, number>;
}

/** The invoice's money: what the client owes in all (after deposits), what credit notes took back, what is left to pay. */
export interface InvoiceMoney {
  grossCents: number;
  creditedCents: number;
  leftCents: number;
}

/**
 * The VAT to move from 44574 to 44571 (negative: back) so that what waits on 44574 is the VAT
 * of what the client has still to pay (CGI art. 269-2-c: on receipts the VAT is due as the
 * price is collected). The target is computed from the cumulative amounts each time, never
 * added up payment by payment, so the roundings do not pile up: once the invoice is paid (or
 * credited) in full the target is 0 and exactly its VAT has moved.
 *
 * Target per rate = (VAT invoiced − VAT credited) × left to pay ÷ (gross − credited).
 */
export function vatMovesToTarget(vat: InvoiceVatOnReceipt, money: InvoiceMoney): { rateBp: number; cents: number }[] {
  const owed = money.grossCents - money.creditedCents;
  const left = Math.max(0, Math.min(money.leftCents, owed));
  const rates = new Set([...vat.invoicedByRate.keys(), ...vat.pendingByRate.keys()]);
  const moves: { rateBp: number; cents: number }[] = [];
  for (const rateBp of [...rates].sort((a, b) => b - a)) {
    const remainingVat = (vat.invoicedByRate.get(rateBp) ?? 0) - (vat.creditedByRate.get(rateBp) ?? 0);
    const target = owed > 0 && remainingVat > 0 ? shareOf(remainingVat, left, owed) : 0;
    const cents = (vat.pendingByRate.get(rateBp) ?? 0) - target;
    if (cents !== 0) moves.push({ rateBp, cents });
  }
  return moves;
}
