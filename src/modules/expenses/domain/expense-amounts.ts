/**
 * The amounts of an expense line: what the receipt says was paid (TTC), the VAT it shows that
 * the coop may deduct (art. 271 du CGI: only VAT shown on an invoice made out to the business),
 * and what is left, the cost excluding VAT booked to the category's account. Pure: checked at
 * the edge and again here, so the database's CHECK only ever sees amounts that hold.
 */

/** 1 cent … 1 000 000 € per line. */
export const MIN_LINE_CENTS = 1;
export const MAX_LINE_CENTS = 100_000_000;
/** The French VAT rates a receipt may show (CGI art. 278 à 281 nonies), in basis points. */
export const EXPENSE_VAT_RATES_BP = [0, 210, 550, 1000, 2000] as const;

export interface ExpenseAmounts {
  grossCents: number;
  netCents: number;
  vatCents: number;
}

export interface AmountProblem {
  path: 'grossCents' | 'vatCents' | 'vatRateBp';
  fr: string;
  en: string;
}

/** The VAT inside an amount with VAT at a rate: gross × rate / (1 + rate), half-up to the cent. */
export function vatInGross(grossCents: number, rateBp: number): number {
  if (rateBp === 0) return 0;
  return Math.floor((2 * grossCents * rateBp + (10_000 + rateBp)) / (2 * (10_000 + rateBp)));
}

/**
 * The line's amounts from what the member typed: the amount with VAT and either the VAT rate
 * of the receipt (the VAT is computed) or the VAT amount it shows (a receipt with several
 * rates). Returns the problems instead when the amounts cannot hold (HT + TVA = TTC, the VAT
 * within the amount, amounts within bounds).
 */
export function expenseAmounts(input: { grossCents: number; vatRateBp?: number | null; vatCents?: number | null }): { ok: true; amounts: ExpenseAmounts } | { ok: false; problems: AmountProblem[] } {
  const problems: AmountProblem[] = [];
  const { grossCents } = input;
  if (!Number.isInteger(grossCents) || grossCents < MIN_LINE_CENTS || grossCents > MAX_LINE_CENTS) {
    problems.push({ path: 'grossCents', fr: 'Montant TTC entre 0,01 € et 1 000 000 €, en centimes entiers.', en: 'Amount incl. VAT between €0.01 and €1,000,000, in whole cents.' });
    return { ok: false, problems };
  }
  let vatCents: number;
  if (input.vatCents !== undefined && input.vatCents !== null) {
    vatCents = input.vatCents;
    if (!Number.isInteger(vatCents) || vatCents < 0) problems.push({ path: 'vatCents', fr: 'TVA en centimes entiers, positive ou nulle.', en: 'VAT in whole cents, zero or more.' });
    else if (vatCents >= grossCents) problems.push({ path: 'vatCents', fr: 'La TVA doit être inférieure au montant TTC.', en: 'The VAT must be less than the amount incl. VAT.' });
  } else {
    const rate = input.vatRateBp ?? 0;
    if (!(EXPENSE_VAT_RATES_BP as readonly number[]).includes(rate)) {
      problems.push({ path: 'vatRateBp', fr: 'Taux de TVA français : 0, 2,1, 5,5, 10 ou 20 %.', en: 'French VAT rate: 0, 2.1, 5.5, 10 or 20 %.' });
      return { ok: false, problems };
    }
    vatCents = vatInGross(grossCents, rate);
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, amounts: { grossCents, vatCents, netCents: grossCents - vatCents } };
}

/**
 * What the coop pays the member for a validated report: its total with VAT, less what an
 * expense advance still outstanding covers (the advance was money for these expenses; the
 * report settles it first, and only the rest is refunded).
 */
export function refundOf(totalGrossCents: number, advanceOutstandingCents: number): { settledCents: number; refundCents: number } {
  const settledCents = Math.max(0, Math.min(totalGrossCents, advanceOutstandingCents));
  return { settledCents, refundCents: totalGrossCents - settledCents };
}
