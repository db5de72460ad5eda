import type { DepositVatSplit } from '../../documents/index.js';
import type { DeductedDeposits } from '../../ledger/index.js';

/** A deposit invoice as a final invoice deducts it: its totals, VAT per rate. */
export interface DepositTotals {
  netCents: number;
  vatCents: number;
  grossCents: number;
  vatByRate: readonly { vatCategory: string; vatRateBp: number; basisCents: number; vatCents: number }[];
}

const sum = (values: readonly number[]) => values.reduce((s, v) => s + v, 0);

/**
 * What a final invoice adds to the client's account: the whole service (its document totals)
 * minus the deposit invoices it deducts, which were invoiced, booked and dunned on their own.
 * The invoice row keeps these amounts, so payments, dunning and the lists read what is left to
 * pay; the document keeps the whole service and shows the deposits as already paid (BT-113).
 */
export function amountsAfterDeposits(
  totals: { taxBasisCents: number; vatTotalCents: number; grandTotalCents: number },
  deposits: readonly Pick<DepositTotals, 'netCents' | 'vatCents' | 'grossCents'>[],
): { netCents: number; vatCents: number; grossCents: number } {
  return {
    netCents: totals.taxBasisCents - sum(deposits.map((d) => d.netCents)),
    vatCents: totals.vatTotalCents - sum(deposits.map((d) => d.vatCents)),
    grossCents: totals.grandTotalCents - sum(deposits.map((d) => d.grossCents)),
  };
}

/** The deposits as the final invoice's sales entry clears them from 4191: net, and VAT per rate. */
export const deductedForLedger = (deposits: readonly DepositTotals[]): DeductedDeposits => ({
  netCents: sum(deposits.map((d) => d.netCents)),
  vatByRate: deposits.flatMap((d) => d.vatByRate.map((g) => ({ rateBp: g.vatRateBp, vatCents: g.vatCents }))),
});

/**
 * The split of a deposit across VAT rates still describes its lines: the member may have
 * changed the draft since the quote made it, and then the explanation would be false.
 */
export function splitStillHolds(split: DepositVatSplit, vatBreakdown: readonly { vatCategory: string; vatRateBp: number; basisCents: number }[]): boolean {
  const groups = split.groups.filter((g) => g.basisCents !== 0);
  if (groups.length !== vatBreakdown.length) return false;
  if (sum(groups.map((g) => g.basisCents)) !== split.netCents) return false;
  return groups.every((g) => vatBreakdown.some((b) => b.vatCategory === g.vatCategory && b.vatRateBp === g.vatRateBp && b.basisCents === g.basisCents));
}
