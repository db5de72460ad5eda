import { computeLineAmounts, FRENCH_VAT_RATES_BP, type TotalsLine } from './compute-totals.js';

/**
 * The bounds of what a line and a document may hold. A cooperative's member bills nothing near
 * them, and under them every product and sum of the totals stays an exact integer in a double
 * (quantity × price ≤ 10^15 cents, far below 2^53): above, the totals could not be computed.
 */
export const LINE_BOUNDS = {
  /** 1,000,000 units, with three decimals. */
  maxQuantityMilli: 1_000_000_000,
  /** 10,000,000.00 € a unit. */
  maxUnitPriceCents: 1_000_000_000,
  /** A line's discount cannot exceed its amount: quantity × price at most. */
  maxDiscountCents: 1_000_000_000_000_000,
  /** 100,000,000,000.00 € for a whole document, VAT included. */
  maxDocumentTotalCents: 10_000_000_000_000,
} as const;

export interface LineProblem {
  path: string;
  message: { fr: string; en: string };
}

/**
 * What is wrong with the lines of a draft, per field, before anything is saved: a standard
 * rate must be one of the French rates (CGI art. 278 to 281 nonies), other categories carry
 * no rate, and a line's amounts must be computable (a discount on a negative quantity, or a
 * discount above the line, has no meaning in EN 16931 BT-131).
 */
export function lineProblems(lines: readonly TotalsLine[]): LineProblem[] {
  const problems: LineProblem[] = [];
  lines.forEach((line, i) => {
    if (line.vatCategory === 'S' ? !(FRENCH_VAT_RATES_BP as readonly number[]).includes(line.vatRateBp) : line.vatRateBp !== 0) {
      problems.push({
        path: `lines.${i}.vatRateBp`,
        message:
          line.vatCategory === 'S'
            ? { fr: 'Taux de TVA inconnu : 20 %, 10 %, 5,5 % ou 2,1 %.', en: 'Unknown VAT rate: 20 %, 10 %, 5.5 % or 2.1 %.' }
            : { fr: 'Sans TVA, le taux est 0.', en: 'Without VAT the rate is 0.' },
      });
    }
    if (line.discountBp !== undefined && line.discountCents !== undefined) {
      problems.push({ path: `lines.${i}.discountCents`, message: { fr: 'Une remise est un taux ou un montant, pas les deux.', en: 'A discount is a rate or an amount, not both.' } });
      return;
    }
    const discounted = (line.discountBp ?? 0) > 0 || (line.discountCents ?? 0) > 0;
    if (discounted && line.quantityMilli < 0) {
      problems.push({
        path: `lines.${i}.${line.discountBp !== undefined ? 'discountBp' : 'discountCents'}`,
        message: { fr: "Une ligne à quantité négative ne porte pas de remise.", en: 'A line with a negative quantity cannot carry a discount.' },
      });
      return;
    }
    try {
      computeLineAmounts(line);
    } catch {
      problems.push({ path: `lines.${i}.discountCents`, message: { fr: 'La remise dépasse le montant de la ligne.', en: 'The discount exceeds the line amount.' } });
    }
  });
  if (problems.length === 0) {
    const total = lines.reduce((sum, line) => {
      const net = BigInt(Math.abs(computeLineAmounts(line).netCents));
      return sum + net + (net * BigInt(line.vatRateBp)) / 10_000n;
    }, 0n);
    if (total > BigInt(LINE_BOUNDS.maxDocumentTotalCents)) {
      problems.push({
        path: 'lines',
        message: { fr: 'Le total du document dépasse 100 milliards d’euros.', en: 'The document total exceeds 100 billion euros.' },
      });
    }
  }
  return problems;
}
