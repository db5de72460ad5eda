import type { DepositVatSplit, VatCategory } from '../../documents/index.js';

interface Weighed {
  vatCategory: VatCategory;
  vatRateBp: number;
  /** What the group weighs in the split: what it still has to invoice (see planNextInvoice). */
  weightCents: number;
}

/** Rounds a / b half away from zero, on non-negative BigInts. */
const divRound = (a: bigint, b: bigint) => (a * 2n + b) / (b * 2n);

/**
 * How a deposit's amount was split across the quote's VAT rates, so that the invoice can say
 * why a rate's share is a cent off its own proportion: each rate's share rounded on its own,
 * beside the share it got. The two differ when the rounded shares would not add up to the
 * deposit (splitProportionally gives the cent to the largest remainder) or when vatExactShares
 * moved a cent so that the quote's VAT is still reached exactly by the invoices that follow.
 * Null for a single rate: there is nothing to move between rates.
 */
export function depositVatSplit(weighed: readonly Weighed[], shares: readonly { vatCategory: VatCategory; vatRateBp: number; basisCents: number }[], percentBp?: number): DepositVatSplit | null {
  const netCents = shares.reduce((sum, s) => sum + s.basisCents, 0);
  const total = weighed.reduce((sum, w) => sum + BigInt(Math.max(0, w.weightCents)), 0n);
  if (weighed.filter((w) => w.weightCents > 0).length < 2 || total === 0n || netCents <= 0) return null;
  return {
    ...(percentBp !== undefined ? { percentBp } : {}),
    netCents,
    groups: weighed
      .filter((w) => w.weightCents > 0)
      .map((w) => ({
        vatCategory: w.vatCategory,
        vatRateBp: w.vatRateBp,
        proportionalCents: Number(divRound(BigInt(netCents) * BigInt(w.weightCents), total)),
        basisCents: shares.find((s) => s.vatCategory === w.vatCategory && s.vatRateBp === w.vatRateBp)?.basisCents ?? 0,
      })),
  };
}
