import { vatOf, type VatCategory } from '../../documents/index.js';

/**
 * How an accepted quote turns into invoices: all at once, or a deposit (acompte), staged
 * invoices (situations), then the balance (solde).
 *
 * - A deposit or a stage is a share of the quote's amount excluding VAT, given as a
 *   percentage (basis points) or as an amount (cents, excluding VAT: VAT is computed per group
 *   on the bases, so an amount including VAT could not always be reached to the cent).
 * - It is split across the quote's VAT groups in proportion to what each group still has to
 *   invoice (on a first deposit, exactly the quote's proportions), largest remainder first, so
 *   the shares add up to the amount asked for. Each group's VAT is its share × its rate: the
 *   VAT of a deposit is due on receipt (CGI art. 269-2-c) at the rate of the work it pays for,
 *   so a deposit on a quote mixing 20 % and 10 % work carries both rates.
 * - A group never receives more than it has left, so the balance invoice only ever takes what
 *   remains, per group, for the basis AND the VAT: the sum of all invoices is the quote, to
 *   the cent. The balance's VAT may differ by a cent or two from its basis × rate (the
 *   deposits' own roundings); `vatAdjustmentCents` says by how much, for the document.
 * - Invoicing more than the quote (extra work agreed orally, a price revision) is refused
 *   unless the request says `allowExceed: true` with a reason; the excess is then reported so
 *   it is visible on the job and in the audit trail.
 *
 * Pure arithmetic on integer cents (BigInt where products may pass 2^53). The service reads the
 * already-invoiced amounts inside the transaction that creates the invoice, with the quote
 * row locked, so two deposits asked at once cannot both take the same remainder.
 */

export interface VatGroupAmounts {
  vatCategory: VatCategory;
  vatRateBp: number;
  basisCents: number;
  vatCents: number;
}

/** The quote's totals, as `computeTotals` gives them. */
export interface QuoteTotalsForPlan {
  vatBreakdown: readonly VatGroupAmounts[];
}

interface ExceedOption {
  /** Invoice beyond the quote; needs `exceedReason`. */
  allowExceed?: boolean;
  exceedReason?: string;
}

export type InvoicingRequest =
  | ({ kind: 'whole' } & ExceedOption)
  | ({ kind: 'deposit'; percentBp: number } & ExceedOption)
  | ({ kind: 'deposit'; amountCents: number } & ExceedOption)
  | ({ kind: 'stage'; percentBp: number } & ExceedOption)
  | ({ kind: 'balance' } & ExceedOption);

export interface PlannedGroup extends VatGroupAmounts {
  /** Balance only: VAT taken as the quote's remainder minus basis × rate. */
  vatAdjustmentCents: number;
}

export interface PlannedInvoice {
  kind: InvoicingRequest['kind'];
  groups: PlannedGroup[];
  netCents: number;
  vatCents: number;
  grossCents: number;
  /** Net amount beyond the quote (0 unless `allowExceed`). */
  excessNetCents: number;
  exceedReason?: string;
  /** Left to invoice on the quote after this invoice, excluding and including VAT. */
  remainingNetCents: number;
  remainingGrossCents: number;
}

export type PlanRefusal =
  | { reason: 'invalid_percentage' }
  | { reason: 'invalid_amount' }
  | { reason: 'nothing_left_to_invoice' }
  /** "The whole" is only for a quote not invoiced yet; after a deposit, ask for the balance. */
  | { reason: 'already_partly_invoiced' }
  /** An invoice was made in a VAT group the quote does not have. */
  | { reason: 'unknown_vat_group'; vatCategory: VatCategory; vatRateBp: number }
  | { reason: 'exceeds_quote'; excessNetCents: number }
  | { reason: 'exceed_reason_required' };

export type PlanResult = ({ ok: true } & PlannedInvoice) | ({ ok: false } & PlanRefusal);

const keyOf = (g: { vatCategory: VatCategory; vatRateBp: number }) => `${g.vatCategory}/${g.vatRateBp}`;

function assertCents(value: number, what: string) {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be an integer of cents, got ${value}`);
}

/** Splits `total` in proportion to `weights`, largest remainder first; the parts add up to `total`. */
export function splitProportionally(total: number, weights: readonly number[]): number[] {
  const sumWeights = weights.reduce((sum, w) => sum + BigInt(w), 0n);
  if (weights.some((w) => w < 0) || sumWeights === 0n) throw new RangeError('weights must be non-negative with a positive sum');
  const t = BigInt(total);
  const sign = t < 0n ? -1n : 1n;
  const abs = t * sign;
  const parts = weights.map((w) => (abs * BigInt(w)) / sumWeights);
  const remainders = weights.map((w, i) => ({ i, r: (abs * BigInt(w)) % sumWeights }));
  let left = abs - parts.reduce((sum, p) => sum + p, 0n);
  // Ties go to the first group listed, so the split is the same on every run.
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    parts[i]! += 1n;
    left -= 1n;
  }
  return parts.map((p) => Number(p * sign));
}

export function planNextInvoice(quote: QuoteTotalsForPlan, alreadyInvoiced: readonly VatGroupAmounts[], request: InvoicingRequest): PlanResult {
  const groups = quote.vatBreakdown.map((g) => {
    assertCents(g.basisCents, 'quote basis');
    assertCents(g.vatCents, 'quote VAT');
    if (g.basisCents < 0) throw new RangeError('a quote VAT group cannot have a negative basis');
    return { ...g, invoicedBasis: 0, invoicedVat: 0 };
  });
  const byKey = new Map(groups.map((g) => [keyOf(g), g]));
  for (const invoiced of alreadyInvoiced) {
    assertCents(invoiced.basisCents, 'invoiced basis');
    assertCents(invoiced.vatCents, 'invoiced VAT');
    const group = byKey.get(keyOf(invoiced));
    if (!group) return { ok: false, reason: 'unknown_vat_group', vatCategory: invoiced.vatCategory, vatRateBp: invoiced.vatRateBp };
    group.invoicedBasis += invoiced.basisCents;
    group.invoicedVat += invoiced.vatCents;
  }

  const quoteNet = groups.reduce((sum, g) => sum + g.basisCents, 0);
  const remaining = groups.map((g) => g.basisCents - g.invoicedBasis);
  const remainingNet = remaining.reduce((sum, r) => sum + r, 0);
  const invoicedAnything = groups.some((g) => g.invoicedBasis !== 0 || g.invoicedVat !== 0);

  let planned: PlannedGroup[];
  if (request.kind === 'whole' || request.kind === 'balance') {
    if (request.kind === 'whole' && invoicedAnything) return { ok: false, reason: 'already_partly_invoiced' };
    planned = groups.map((g, i) => {
      const basisCents = Math.max(0, remaining[i]!);
      const vatCents = basisCents === 0 ? 0 : g.vatCents - g.invoicedVat;
      return { vatCategory: g.vatCategory, vatRateBp: g.vatRateBp, basisCents, vatCents, vatAdjustmentCents: vatCents - vatOf(basisCents, g.vatRateBp) };
    });
    if (planned.every((g) => g.basisCents === 0 && g.vatCents === 0)) return { ok: false, reason: 'nothing_left_to_invoice' };
  } else {
    let target: number;
    if ('percentBp' in request) {
      if (!Number.isInteger(request.percentBp) || request.percentBp <= 0 || request.percentBp > 10_000) return { ok: false, reason: 'invalid_percentage' };
      target = Number((BigInt(quoteNet) * BigInt(request.percentBp) * 2n + 10_000n) / 20_000n);
    } else {
      if (!Number.isSafeInteger(request.amountCents) || request.amountCents <= 0) return { ok: false, reason: 'invalid_amount' };
      target = request.amountCents;
    }
    if (target === 0) return { ok: false, reason: 'invalid_amount' };
    // What each group still has to invoice weighs its share; once all is invoiced (only when
    // exceeding), the quote's own proportions carry the excess.
    const open = remaining.map((r) => Math.max(0, r));
    const weights = open.some((r) => r > 0) ? open : groups.map((g) => g.basisCents);
    if (!weights.some((w) => w > 0)) return { ok: false, reason: 'nothing_left_to_invoice' };
    const shares = splitProportionally(target, weights);
    planned = groups.map((g, i) => ({
      vatCategory: g.vatCategory,
      vatRateBp: g.vatRateBp,
      basisCents: shares[i]!,
      vatCents: vatOf(shares[i]!, g.vatRateBp),
      vatAdjustmentCents: 0,
    }));
  }

  const excessNetCents = planned.reduce((sum, p, i) => sum + Math.max(0, p.basisCents - Math.max(0, remaining[i]!)), 0);
  if (excessNetCents > 0) {
    if (!request.allowExceed) return { ok: false, reason: 'exceeds_quote', excessNetCents };
    if (!request.exceedReason?.trim()) return { ok: false, reason: 'exceed_reason_required' };
  }

  const netCents = planned.reduce((sum, p) => sum + p.basisCents, 0);
  const vatCents = planned.reduce((sum, p) => sum + p.vatCents, 0);
  const quoteGross = groups.reduce((sum, g) => sum + g.basisCents + g.vatCents, 0);
  const invoicedGross = groups.reduce((sum, g) => sum + g.invoicedBasis + g.invoicedVat, 0);
  return {
    ok: true,
    kind: request.kind,
    groups: planned.filter((p) => p.basisCents !== 0 || p.vatCents !== 0),
    netCents,
    vatCents,
    grossCents: netCents + vatCents,
    excessNetCents,
    ...(excessNetCents > 0 ? { exceedReason: request.exceedReason!.trim() } : {}),
    remainingNetCents: remainingNet - netCents,
    remainingGrossCents: quoteGross - invoicedGross - netCents - vatCents,
  };
}
