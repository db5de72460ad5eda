import type { TotalsLine, VatCategory } from './compute-totals.js';

/** A line as the totals rule reads it, from an invoice or a quote line (input, form or stored row). */
export interface TotalsLineSource {
  quantityMilli: number;
  unitPriceCents: number;
  vatCategory: VatCategory;
  vatRateBp: number;
  discountBp?: number | null;
  discountCents?: number | null;
  exemptionReason?: string | null;
}

/** The same line for `computeTotals` and `lineProblems`: absent and null both mean "none". */
export const totalsLineOf = (l: TotalsLineSource): TotalsLine => ({
  quantityMilli: l.quantityMilli,
  unitPriceCents: l.unitPriceCents,
  ...(l.discountBp != null ? { discountBp: l.discountBp } : {}),
  ...(l.discountCents != null ? { discountCents: l.discountCents } : {}),
  vatCategory: l.vatCategory,
  vatRateBp: l.vatRateBp,
  ...(l.exemptionReason ? { exemptionReason: l.exemptionReason } : {}),
});
