import { largestRemainder } from '../../../platform/money/largest-remainder.js';

/**
 * What one activity still holds of a client's debt for one invoice (a job's invoice is owed to
 * each of its activities in part; any other invoice to its own activity alone).
 */
export interface ReceivablePart {
  activityId: string | null;
  openCents: number;
}

/**
 * Splits what a client pays on one invoice between the activities the invoice is owed to, in
 * proportion of what each still holds open on 411 (largest remainder, ties to the earlier
 * part), so that the last payment clears every part to the cent whatever the earlier ones
 * were. With one part or none open (an invoice of one activity, or a payment beyond what the
 * ledger shows open), the whole amount goes to the invoice's activity, as before jobs.
 */
export function splitReceipt(amountCents: number, parts: readonly ReceivablePart[], invoiceActivityId: string): { activityId: string | null; amountCents: number }[] {
  const open = parts.filter((p) => p.openCents > 0);
  if (open.length <= 1 || amountCents <= 0) return [{ activityId: open[0]?.activityId ?? invoiceActivityId, amountCents }];
  const totalOpen = open.reduce((s, p) => s + p.openCents, 0);
  const covered = Math.min(amountCents, totalOpen);
  const shares = covered === totalOpen ? open.map((p) => p.openCents) : largestRemainder(covered, open.map((p) => p.openCents));
  const out = open.map((p, i) => ({ activityId: p.activityId, amountCents: shares[i]! }));
  // Beyond what is open (the ledger and the invoice disagree): the rest on the invoice's activity.
  if (amountCents > covered) {
    const own = out.find((p) => p.activityId === invoiceActivityId);
    if (own) own.amountCents += amountCents - covered;
    else out.push({ activityId: invoiceActivityId, amountCents: amountCents - covered });
  }
  return out.filter((p) => p.amountCents !== 0);
}
