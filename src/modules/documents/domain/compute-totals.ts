/**
 * Totals of a quote, invoice or credit note, as EN 16931 defines them (BG-22, BG-23, BG-25).
 *
 * Integer cents throughout; products go through BigInt because quantity (in thousandths)
 * × unit price (in cents) × a rate in basis points passes 2^53 on large documents.
 *
 * - Line net amount (BT-131) = quantity × net unit price − line allowance, rounded half away
 *   from zero to the cent, once per line (the CII examples and BR-CO-10 sum rounded lines).
 * - VAT is computed per (category, rate) group on the SUM of that group's line nets minus its
 *   document allowances (BR-S-08, BR-AE-08, BR-E-08…), rounded once (BR-CO-17). Rounding
 *   each line's VAT and adding would drift a cent from what the buyer's software recomputes.
 * - Categories other than 'S' carry a 0 rate and no VAT (BR-Z-05, BR-E-05, BR-AE-05,
 *   BR-IC-05, BR-G-05, and BR-O-05 where no rate is given).
 */

/** UNTDID 5305 VAT categories used by EN 16931. */
export const VAT_CATEGORIES = ['S', 'Z', 'E', 'AE', 'K', 'G', 'O'] as const;
export type VatCategory = (typeof VAT_CATEGORIES)[number];

/** The French rates (CGI art. 278, 278-0 bis, 278 bis, 281 quater…), in basis points. */
export const FRENCH_VAT_RATES_BP = [2000, 1000, 550, 210] as const;

export interface TotalsLine {
  /** Quantity × 1000 (three decimals). Negative on a line that gives something back. */
  quantityMilli: number;
  /** Net unit price excluding VAT, in cents; never negative (BR-27). */
  unitPriceCents: number;
  /** Line discount as a share of the gross line amount, in basis points (1000 = 10 %). */
  discountBp?: number;
  /** Line discount as an amount in cents; exclusive with discountBp. */
  discountCents?: number;
  vatCategory: VatCategory;
  vatRateBp: number;
  /** Why no VAT is charged (BT-120), e.g. "TVA non applicable, art. 293 B du CGI". */
  exemptionReason?: string;
}

/** A document level allowance (BG-20), which must name the VAT group it reduces (BR-32, BR-33). */
export interface DocumentAllowance {
  amountCents: number;
  reason: string;
  vatCategory: VatCategory;
  vatRateBp: number;
}

export interface TotalsInput {
  lines: readonly TotalsLine[];
  allowances?: readonly DocumentAllowance[];
  /** Deposits already paid and deducted from this document (BT-113). */
  prepaidCents?: number;
}

export interface LineAmounts {
  /** quantity × unit price, rounded. */
  grossCents: number;
  discountCents: number;
  /** BT-131. */
  netCents: number;
}

export interface VatBreakdown {
  vatCategory: VatCategory;
  vatRateBp: number;
  /** BT-116. */
  basisCents: number;
  /** BT-117. */
  vatCents: number;
  exemptionReason?: string;
}

export interface DocumentTotals {
  lines: LineAmounts[];
  vatBreakdown: VatBreakdown[];
  /** BT-106: Σ line net amounts. */
  lineTotalCents: number;
  /** BT-107: Σ document level allowances. */
  allowanceTotalCents: number;
  /** BT-109: lines − allowances. */
  taxBasisCents: number;
  /** BT-110. */
  vatTotalCents: number;
  /** BT-112. */
  grandTotalCents: number;
  /** BT-113. */
  prepaidCents: number;
  /** BT-115. */
  dueCents: number;
}

/** Divides and rounds half away from zero (the commercial rounding the CII examples use). */
export function divRound(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (n * 2n + d) / (d * 2n);
  return negative ? -q : q;
}

function toSafeNumber(value: bigint, what: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`${what} is too large to be represented in cents`);
  }
  return Number(value);
}

function assertInteger(value: number, what: string) {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be an integer, got ${value}`);
}

export function computeLineAmounts(line: TotalsLine): LineAmounts {
  assertInteger(line.quantityMilli, 'quantityMilli');
  assertInteger(line.unitPriceCents, 'unitPriceCents');
  if (line.unitPriceCents < 0) throw new RangeError('unitPriceCents must not be negative (BR-27)');
  if (line.discountBp !== undefined && line.discountCents !== undefined) {
    throw new RangeError('a line discount is either a rate or an amount, not both');
  }
  const gross = divRound(BigInt(line.quantityMilli) * BigInt(line.unitPriceCents), 1000n);
  let discount = 0n;
  if (line.discountBp !== undefined) {
    assertInteger(line.discountBp, 'discountBp');
    if (line.discountBp < 0 || line.discountBp > 10_000) throw new RangeError('discountBp must be within 0..10000');
    discount = divRound(gross * BigInt(line.discountBp), 10_000n);
  } else if (line.discountCents !== undefined) {
    assertInteger(line.discountCents, 'discountCents');
    if (line.discountCents < 0) throw new RangeError('discountCents must not be negative');
    discount = BigInt(line.discountCents);
  }
  // In EN 16931 a line allowance is subtracted from quantity × price (BT-131); on a line that
  // gives something back it would make the refund larger, so such a line takes its net price.
  if (discount !== 0n && gross < 0n) throw new RangeError('a line with a negative quantity cannot carry a discount');
  if (discount > gross && gross >= 0n) throw new RangeError('a discount cannot exceed the line amount');
  return {
    grossCents: toSafeNumber(gross, 'line gross amount'),
    discountCents: toSafeNumber(discount, 'line discount'),
    netCents: toSafeNumber(gross - discount, 'line net amount'),
  };
}

/** VAT of one group: the basis × rate, rounded once (BR-CO-17). */
export function vatOf(basisCents: number, vatRateBp: number): number {
  return toSafeNumber(divRound(BigInt(basisCents) * BigInt(vatRateBp), 10_000n), 'VAT amount');
}

function checkRate(category: VatCategory, rateBp: number) {
  assertInteger(rateBp, 'vatRateBp');
  if (category === 'S' ? rateBp <= 0 : rateBp !== 0) {
    throw new RangeError(category === 'S' ? 'a standard rated line needs a rate above 0 (BR-S-05)' : `category ${category} has a 0 rate`);
  }
}

export function computeTotals(input: TotalsInput): DocumentTotals {
  const groups = new Map<string, { vatCategory: VatCategory; vatRateBp: number; basis: bigint; exemptionReason?: string }>();
  const groupOf = (vatCategory: VatCategory, vatRateBp: number) => {
    checkRate(vatCategory, vatRateBp);
    const key = `${vatCategory}/${vatRateBp}`;
    let group = groups.get(key);
    if (!group) {
      group = { vatCategory, vatRateBp, basis: 0n };
      groups.set(key, group);
    }
    return group;
  };

  const lines = input.lines.map((line) => {
    const amounts = computeLineAmounts(line);
    const group = groupOf(line.vatCategory, line.vatRateBp);
    group.basis += BigInt(amounts.netCents);
    // One reason per group (BT-120 is per breakdown): exemptions under different articles
    // belong on separate documents, so the first line's reason speaks for its group.
    if (line.exemptionReason && !group.exemptionReason) group.exemptionReason = line.exemptionReason;
    return amounts;
  });

  let allowanceTotal = 0n;
  for (const allowance of input.allowances ?? []) {
    assertInteger(allowance.amountCents, 'allowance amountCents');
    if (allowance.amountCents < 0) throw new RangeError('an allowance amount must not be negative');
    const group = groupOf(allowance.vatCategory, allowance.vatRateBp);
    group.basis -= BigInt(allowance.amountCents);
    allowanceTotal += BigInt(allowance.amountCents);
  }

  const vatBreakdown: VatBreakdown[] = [...groups.values()].map((group) => {
    const basisCents = toSafeNumber(group.basis, 'VAT basis');
    return {
      vatCategory: group.vatCategory,
      vatRateBp: group.vatRateBp,
      basisCents,
      vatCents: vatOf(basisCents, group.vatRateBp),
      ...(group.exemptionReason ? { exemptionReason: group.exemptionReason } : {}),
    };
  });

  const lineTotal = lines.reduce((sum, line) => sum + BigInt(line.netCents), 0n);
  const taxBasis = lineTotal - allowanceTotal;
  const vatTotal = vatBreakdown.reduce((sum, group) => sum + BigInt(group.vatCents), 0n);
  const grandTotal = taxBasis + vatTotal;
  assertInteger(input.prepaidCents ?? 0, 'prepaidCents');
  const prepaid = BigInt(input.prepaidCents ?? 0);

  return {
    lines,
    vatBreakdown,
    lineTotalCents: toSafeNumber(lineTotal, 'line total'),
    allowanceTotalCents: toSafeNumber(allowanceTotal, 'allowance total'),
    taxBasisCents: toSafeNumber(taxBasis, 'tax basis'),
    vatTotalCents: toSafeNumber(vatTotal, 'VAT total'),
    grandTotalCents: toSafeNumber(grandTotal, 'grand total'),
    prepaidCents: toSafeNumber(prepaid, 'prepaid amount'),
    dueCents: toSafeNumber(grandTotal - prepaid, 'amount due'),
  };
}
